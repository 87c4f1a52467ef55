/**
 * `discussion.refresh`: Teams' automatic refresh when a card comes into view (trigger "automatic"). Each party
 * gets their own view: the same card with the latest data for the party it was made for, the summary otherwise.
 */
import { z } from 'zod';
import type { CardActionHandler } from '../card-action';
import { cardRefSchema } from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { renderDiscussionView } from '../discussion-views';
import { discussionAction } from './discussion-action';
import { viewSchema } from './open-discussion';

const schema = cardRefSchema.extend({
  party: z.enum(['employee', 'supervisor']),
  view: viewSchema.default({ kind: 'summary' }),
});

export function refreshDiscussion(context: CardsContext): CardActionHandler {
  return discussionAction(context, schema, 'read', ({ viewer, data }) =>
    renderDiscussionView(viewer, data.party === viewer.party ? data.view : { kind: 'summary' }),
  );
}
