/**
 * The lifecycle's steps from the summary card: submit the preparation, mark held, sign. Each is idempotent: a
 * second click on a stale card finds the step already taken and answers with the current summary.
 */
import type { DevelopmentDiscussion, DiscussionStatus } from '../../domain/development-discussion';
import { markHeld, sign, submitPreparation } from '../../domain/development-discussion-lifecycle';
import type { CardActionHandler } from '../card-action';
import { cardRefSchema } from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { changeDiscussion } from '../discussion-change';
import { discussionAction } from './discussion-action';

type Transition = (discussion: DevelopmentDiscussion, actorId: string, at: string) => DevelopmentDiscussion;

function transition(
  context: CardsContext,
  apply: Transition,
  alreadyApplied: (discussion: DevelopmentDiscussion, actorId: string) => boolean,
): CardActionHandler {
  return discussionAction(context, cardRefSchema, 'change', ({ actor, viewer, data }) =>
    changeDiscussion(context, viewer, {
      etag: data.etag,
      from: { kind: 'summary' },
      to: { kind: 'summary' },
      change: {
        apply: (discussion, at) => apply(discussion, actor.person.id, at),
        alreadyApplied: (current) => alreadyApplied(current, actor.person.id),
      },
    }),
  );
}

const reached = (statuses: DiscussionStatus[]) => (discussion: DevelopmentDiscussion) =>
  statuses.includes(discussion.status);

export const submitPreparationAction = (context: CardsContext): CardActionHandler =>
  transition(context, submitPreparation, reached(['prepared', 'held', 'signed']));

export const markHeldAction = (context: CardsContext): CardActionHandler =>
  transition(context, markHeld, reached(['held', 'signed']));

export const signAction = (context: CardsContext): CardActionHandler =>
  transition(
    context,
    sign,
    (discussion, actorId) =>
      discussion.status === 'signed' ||
      discussion.employeeSignature?.personId === actorId ||
      discussion.supervisorSignature?.personId === actorId,
  );
