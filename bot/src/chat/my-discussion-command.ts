/** "oma keskustelu" / "mitt samtal" / "my discussion": the user's own development discussion of the current round. */
import type { CardsContext } from '../cards/cards-context';
import { actorOf, openRecord, roundYearOf, viewerFor } from '../cards/discussion-access';
import { renderDiscussionView } from '../cards/discussion-views';
import { translate } from '../i18n/translate';
import type { ChatCommand } from './chat-commands';

export function myDiscussionCommand(context: CardsContext): ChatCommand {
  return {
    id: 'myDiscussion',
    triggers: [
      'oma keskustelu',
      'kehityskeskustelu',
      'oma kehityskeskustelu',
      'mitt samtal',
      'utvecklingssamtal',
      'mitt utvecklingssamtal',
      'my discussion',
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
