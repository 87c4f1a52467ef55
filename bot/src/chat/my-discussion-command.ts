/** "kehityskeskusteluni" / "mitt utvecklingssamtal" / "my discussion" (the command menu): the current round's discussion. */
import type { CardsContext } from '../cards/cards-context';
import { actorOf, openRecord, roundYearOf, viewerFor } from '../cards/discussion-access';
import { renderDiscussionView } from '../cards/discussion-views';
import { translate } from '../i18n/translate';
import type { ChatCommand } from './chat-commands';
import { menuTriggers } from './command-menu';

export function myDiscussionCommand(context: CardsContext): ChatCommand {
  return {
    id: 'myDiscussion',
    triggers: [
      ...menuTriggers('myDiscussion'),
      'oma keskustelu',
      'kehityskeskustelu',
      'oma kehityskeskustelu',
      'mitt samtal',
      'utvecklingssamtal',
      'my development discussion',
    ],
    helpKey: 'help.command.myDiscussion',
    handle: async (chat) => {
      const fallbackText = translate(chat.locale, 'discussion.fallback');
      const actor = actorOf(chat);
      if (!actor.ok) return [{ kind: 'card', card: actor.card, fallbackText }];
      const { person } = actor.value;
      const found = await openRecord(context, actor.value, person.id, await roundYearOf(context, person));
      if (!found.ok) return [{ kind: 'card', card: found.card, fallbackText }];
      const viewer = await viewerFor(context, actor.value, found.value);
      const card = renderDiscussionView(viewer, { kind: 'summary' });
      await viewer.audit.settle();
      return [{ kind: 'card', card, fallbackText }];
    },
  };
}
