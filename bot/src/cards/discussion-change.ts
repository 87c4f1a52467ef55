/**
 * Applies one change to a discussion from a card, safely under concurrency and repeated clicks:
 * - the card carries the ETag of the version it showed; if the discussion has changed since, the change is
 *   not applied: the latest version comes back with "someone else changed this — here is the latest",
 *   unless the latest version already holds this very change (a double click), which is answered as done;
 * - a rule of the practice that refuses the change shows the same card with the reason, and stores nothing;
 * - a change that changes nothing (paging through the form) writes nothing, so signatures stay;
 * - the write itself carries the ETag, so a change racing another one between read and write is refused too.
 */
import type { CompetenceFramework } from '../domain/competence';
import type { DevelopmentDiscussion } from '../domain/development-discussion';
import { DISCUSSION_ERROR_CODES } from '../domain/development-discussion-lifecycle';
import { DomainRuleError } from '../domain/errors';
import { GOAL_ERROR_CODES } from '../domain/goal-rules';
import { translate, type MessageKey } from '../i18n/translate';
import { ConcurrencyConflictError, NotFoundError } from '../storage/errors';
import type { Banner } from './card-models';
import type { AdaptiveCard } from './card-rendering';
import type { CardsContext } from './cards-context';
import { partyOf, withCurrentSupervisor, type Outcome } from './discussion-access';
import type { DiscussionView, DiscussionViewer, ViewExtras } from './discussion-viewer';
import { renderDiscussionView } from './discussion-views';
import { renderNoticeCard } from './notice-view';
import { describeError } from '../logging';

export interface DiscussionChange {
  /** The discussion after the change, or a DomainRuleError. */
  apply(discussion: DevelopmentDiscussion, at: string, framework: CompetenceFramework): DevelopmentDiscussion;
  /** Whether `current` already holds this change; by default, whether applying it again changes nothing. */
  alreadyApplied?(current: DevelopmentDiscussion): boolean;
}

export interface ChangeRequest {
  /** The ETag the card was rendered from. */
  etag: string;
  change: DiscussionChange;
  /** The card the user pressed, shown again (latest data) on a conflict or refusal. */
  from: DiscussionView;
  /** The card to show once the change is stored. */
  to: DiscussionView;
  /** The user's inputs and slots, kept on a refused card. */
  extras?: ViewExtras;
  /** A message on the card after success. */
  done?: Banner | null;
}

/** Every refusal of the lifecycle has its own text; the catalogue must have them all (checked here). */
const DISCUSSION_KEYS: readonly MessageKey[] = DISCUSSION_ERROR_CODES;
const GOAL_KEYS: Partial<Record<(typeof GOAL_ERROR_CODES)[number], MessageKey>> = {
  'goal.tooMany': 'cards.error.tooManyGoals',
  'goal.duplicateId': 'cards.error.invalid',
  'goal.unknown': 'cards.error.unknownGoal',
};

export function refusalKey(code: string): MessageKey {
  const discussionKey = DISCUSSION_KEYS.find((key) => key === code);
  if (discussionKey) return discussionKey;
  return GOAL_KEYS[code as keyof typeof GOAL_KEYS] ?? 'cards.error.invalid';
}

function comparable(discussion: DevelopmentDiscussion): string {
  return JSON.stringify({ ...discussion, updatedAt: '' });
}

function sameContent(a: DevelopmentDiscussion, b: DevelopmentDiscussion): boolean {
  return comparable(a) === comparable(b);
}

function holdsChange(
  change: DiscussionChange,
  current: DevelopmentDiscussion,
  at: string,
  framework: CompetenceFramework,
): boolean {
  if (change.alreadyApplied) return change.alreadyApplied(current);
  try {
    return sameContent(change.apply(current, at, framework), current);
  } catch {
    return false;
  }
}

const conflictBanner = (viewer: DiscussionViewer): Banner => ({
  text: translate(viewer.locale, 'cards.conflict'),
  color: 'Warning',
});

/**
 * The card was made from an older version: done if the latest already holds the change, else a conflict that
 * shows the latest version together with what the user typed, so nothing typed is lost.
 */
function answerStale(context: CardsContext, viewer: DiscussionViewer, request: ChangeRequest): AdaptiveCard {
  const at = context.now().toISOString();
  return holdsChange(request.change, viewer.record.value, at, viewer.framework)
    ? renderDiscussionView(viewer, request.to, { banner: request.done ?? null })
    : renderDiscussionView(viewer, request.from, {
        banner: conflictBanner(viewer),
        unsaved: request.extras?.inputs,
      });
}

export async function changeDiscussion(
  context: CardsContext,
  viewer: DiscussionViewer,
  request: ChangeRequest,
): Promise<AdaptiveCard> {
  const { record, framework } = viewer;
  const at = context.now().toISOString();
  if (request.etag !== record.etag) return answerStale(context, viewer, request);
  let next: DevelopmentDiscussion;
  try {
    next = request.change.apply(record.value, at, framework);
  } catch (error) {
    if (!(error instanceof DomainRuleError)) throw error;
    const banner: Banner = { text: translate(viewer.locale, refusalKey(error.code)), color: 'Attention' };
    return renderDiscussionView(viewer, request.from, { ...request.extras, banner, etag: request.etag });
  }
  const discussions = context.repositories.developmentDiscussions;
  if (sameContent(next, record.value)) {
    // Nothing to write, so nothing checks the ETag: the card was made from the version `record` may be kept
    // from (discussionAction's `change` mode), so the answer is checked against the stored one.
    const current = await latestFor(context, viewer);
    if (!current.ok) return current.card;
    if (current.value.record.etag !== record.etag) return answerStale(context, current.value, request);
    return renderDiscussionView(viewer, request.to, { banner: request.done ?? null });
  }
  try {
    // The identity fields are the same in `next`, so the whole record is the change.
    const stored = await discussions.update(record, next);
    await viewer.audit.settle({
      tenantId: stored.value.tenantId,
      subjectId: stored.value.employeeId,
      actorId: viewer.party === 'employee' ? stored.value.employeeId : stored.value.supervisorId,
      action: 'change',
      recordKind: 'developmentDiscussion',
      year: stored.value.year,
      channel: 'card',
    });
    if ((stored.value.status === 'signed') !== (record.value.status === 'signed')) {
      await refreshAggregates(context, stored.value);
    }
    return renderDiscussionView({ ...viewer, record: stored }, request.to, { banner: request.done ?? null });
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError || error instanceof NotFoundError)) throw error;
    const latest = await latestFor(context, viewer);
    return latest.ok ? answerStale(context, latest.value, request) : latest.card;
  }
}

/**
 * Signing (or reopening) a discussion updates the aggregates: its service area is released once enough has
 * changed (summaries/aggregate-refresh.ts). A failure here leaves the change stored; the background job
 * catches up.
 */
async function refreshAggregates(context: CardsContext, discussion: DevelopmentDiscussion): Promise<void> {
  try {
    await context.afterSigning(discussion, context.now().toISOString());
  } catch (error) {
    context.logger.warn('aggregates.refreshAfterSigningFailed', {
      tenantId: discussion.tenantId,
      ...describeError(error),
    });
  }
}

/**
 * The stored discussion, for the viewer only if they are still the same party to it (a new supervisor may have
 * been named meanwhile); a refusal card if it is gone or no longer theirs.
 */
async function latestFor(
  context: CardsContext,
  viewer: DiscussionViewer,
): Promise<Outcome<DiscussionViewer>> {
  const { tenantId, year, employeeId, supervisorId } = viewer.record.value;
  const actorId = viewer.party === 'employee' ? employeeId : supervisorId;
  const stored = await context.repositories.developmentDiscussions.get(tenantId, year, employeeId);
  const latest = stored && (await withCurrentSupervisor(context, stored));
  if (!latest || partyOf(latest.value, actorId) !== viewer.party) {
    return { ok: false, card: renderNoticeCard(viewer.locale, 'cards.notice.notAllowed') };
  }
  return { ok: true, value: { ...viewer, record: latest } };
}
