import { translate, type MessageKey } from '../i18n/translate';
import type { ChatContext } from './chat-context';
import type { ChatReply } from './chat-reply';

/** The help text: the commands the bot understands, in the user's language. */
export function helpReply(
  context: ChatContext,
  commandHelpKeys: MessageKey[],
  unknownText?: string,
): ChatReply {
  const { locale } = context;
  const lines = [
    ...(unknownText ? [translate(locale, 'help.unknown', { text: unknownText.slice(0, 80) })] : []),
    translate(locale, 'help.title'),
    ...(context.person ? [] : [translate(locale, 'person.notLinked')]),
    translate(locale, 'help.intro'),
    ...commandHelpKeys.map((key) => `- ${translate(locale, key)}`),
  ];
  return { kind: 'text', text: lines.join('\n\n') };
}
