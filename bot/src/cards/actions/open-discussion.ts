/** `discussion.open`: shows a discussion (creating the current cycle's on first use) as the asked view. */
import { z } from 'zod';
import type { CardActionHandler } from '../card-action';
import type { CardsContext } from '../cards-context';
import { cardRefSchema } from '../card-inputs';
import { renderDiscussionView } from '../discussion-views';
import { discussionAction } from './discussion-action';

export const viewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step'), step: z.number().int().min(1).max(20) }),
  z.object({ kind: z.literal('summary') }),
  z.object({ kind: z.literal('followUp') }),
]);

const schema = cardRefSchema.extend({ view: viewSchema.default({ kind: 'summary' }) });

export function openDiscussion(context: CardsContext): CardActionHandler {
  return discussionAction(context, schema, 'open', ({ viewer, data }) =>
    renderDiscussionView(viewer, data.view),
  );
}
