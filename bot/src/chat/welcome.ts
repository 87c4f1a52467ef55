/**
 * The welcome Teams' guidance asks a bot to send when it is installed: in a personal chat, what the app does and
 * the three most useful commands; in a team, what it posts to the channel and the commands that work there.
 * https://learn.microsoft.com/microsoftteams/platform/bots/design/bots#welcome-message
 */
import type { Locale } from '../domain/locale';
import { translate, type MessageKey } from '../i18n/translate';
import type { ChatReply } from './chat-reply';

export type WelcomeScope = 'personal' | 'team';

const COMMANDS: Record<WelcomeScope, MessageKey[]> = {
  personal: ['help.command.myDiscussion', 'help.command.myTeam', 'help.command.help'],
  team: ['help.command.groupDiscussion', 'help.command.trainingPlan', 'help.command.help'],
};

export function welcomeReply(locale: Locale, scope: WelcomeScope): ChatReply {
  const title = translate(locale, 'welcome.title');
  const commands = COMMANDS[scope].map((key) => `- ${translate(locale, key)}`).join('\n');
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      {
        type: 'TextBlock',
        text: translate(locale, scope === 'team' ? 'welcome.introTeam' : 'welcome.intro'),
        wrap: true,
      },
      { type: 'TextBlock', text: translate(locale, 'welcome.commands'), weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: commands, wrap: true },
    ],
  };
  return { kind: 'card', card, fallbackText: title };
}
