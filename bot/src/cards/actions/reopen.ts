/** `discussion.reopen`: the supervisor opens a signed discussion for correction, with a reason that is kept. */
import { reopen } from '../../domain/development-discussion-lifecycle';
import type { CardActionHandler } from '../card-action';
import { cardRefSchema, parseReopenReason } from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { changeDiscussion } from '../discussion-change';
import { renderDiscussionView } from '../discussion-views';
import { discussionAction } from './discussion-action';

export function reopenAction(context: CardsContext): CardActionHandler {
  return discussionAction(context, cardRefSchema, 'change', ({ actor, viewer, data, inputs }) => {
    const reason = parseReopenReason(inputs);
    const extras = { inputs, etag: data.etag };
    if (!reason.ok)
      return renderDiscussionView(viewer, { kind: 'summary' }, { ...extras, errors: reason.errors });
    return changeDiscussion(context, viewer, {
      etag: data.etag,
      from: { kind: 'summary' },
      to: { kind: 'summary' },
      extras,
      change: {
        apply: (discussion, at) => reopen(discussion, actor.person.id, at, reason.value),
        alreadyApplied: (current) => {
          const last = current.reopenings[current.reopenings.length - 1];
          return current.status !== 'signed' && last?.by === actor.person.id && last.reason === reason.value;
        },
      },
    });
  });
}
