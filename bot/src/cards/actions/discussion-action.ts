/**
 * The common part of every discussion card action: the card's data is checked against the verb's schema, the
 * user must be linked to a person and be a party to the discussion, and the handler gets the viewer's context.
 */
import type { z } from 'zod';
import type { CardActionHandler, CardActionRequest } from '../card-action';
import type { AdaptiveCard } from '../card-rendering';
import type { CardsContext } from '../cards-context';
import { actorOf, openRecord, readRecord, viewerFor, type Actor } from '../discussion-access';
import type { DiscussionViewer } from '../discussion-viewer';
import { renderNoticeCard } from '../notice-view';

export interface DiscussionActionArgs<T> {
  actor: Actor;
  viewer: DiscussionViewer;
  data: T;
  /** The card's inputs (and action data) as sent. */
  inputs: Record<string, unknown>;
}

type RecordRef = { employeeId: string; year: number; etag?: string };

/**
 * `open` creates the current cycle's discussion on first use; `read` acts only on a stored one, read as it is
 * now; `change` acts on the stored one as of the card's ETag, for a handler that changes it (discussion-change.ts)
 * with that ETag.
 */
export function discussionAction<S extends z.ZodType<RecordRef>>(
  context: CardsContext,
  schema: S,
  mode: 'open' | 'read' | 'change',
  run: (args: DiscussionActionArgs<z.output<S>>) => Promise<AdaptiveCard> | AdaptiveCard,
): CardActionHandler {
  return async (request: CardActionRequest) => {
    const parsed = schema.safeParse(request.data);
    if (!parsed.success)
      return { kind: 'card', card: renderNoticeCard(request.locale, 'cards.notice.badRequest') };
    const actor = actorOf(request);
    if (!actor.ok) return { kind: 'card', card: actor.card };
    const { employeeId, year, etag } = parsed.data;
    const forChange = mode === 'change' && etag ? { etag } : undefined;
    const found =
      mode === 'open'
        ? await openRecord(context, actor.value, employeeId, year)
        : await readRecord(context, actor.value, employeeId, year, forChange);
    if (!found.ok) return { kind: 'card', card: found.card };
    const viewer = await viewerFor(context, actor.value, found.value);
    const card = await run({ actor: actor.value, viewer, data: parsed.data, inputs: request.data });
    await viewer.audit.settle();
    return { kind: 'card', card };
  };
}
