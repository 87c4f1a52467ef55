/** "tiimini" / "mitt team" / "my team" (the command menu): for a supervisor, where each report's discussion stands. */
import { myTeamCard } from '../cards/actions/my-team';
import type { CardsContext } from '../cards/cards-context';
import { actorOf } from '../cards/discussion-access';
import { translate } from '../i18n/translate';
import type { ChatCommand } from './chat-commands';
import { menuTriggers } from './command-menu';

export function myTeamCommand(context: CardsContext): ChatCommand {
  return {
    id: 'myTeam',
    triggers: [...menuTriggers('myTeam'), 'oma tiimi'],
    helpKey: 'help.command.myTeam',
    roles: ['supervisor'],
    handle: async (chat) => {
      const fallbackText = translate(chat.locale, 'myTeam.fallback');
      const actor = actorOf(chat);
      const card = actor.ok ? await myTeamCard(context, actor.value) : actor.card;
      return [{ kind: 'card', card, fallbackText }];
    },
  };
}
