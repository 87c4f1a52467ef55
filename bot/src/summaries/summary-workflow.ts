/**
 * HR's summary of a service area (koonti): draft it from what is known, edit the conclusions, publish. Only HR
 * does these. Publishing posts a card to the area's linked channel and, only when the post arrived, turns the
 * summary published and freezes what the channel tab shows (SummaryPublications). A publish whose post does
 * not arrive leaves the summary a draft with the reason (`postFailure`), so HR sees it is not published and can
 * try again. A post Teams asked to wait for (429, 5xx, no answer) is also kept and retried by itself, as every
 * proactive send is (fanout/proactive-retries.ts); when it arrives, the summary becomes published then
 * (`summaryPostDelivered`); when it finally does not (refused later, or its retries ran out), the draft says why
 * (`summaryPostUndelivered`). A refusal (403, 404: the app is not in the team) is final and not retried. A
 * published summary is revised by turning it back into a draft; the channel tab keeps showing the last
 * publication until the summary is published again.
 *
 * Changes carry the ETag the card showed: if someone else changed the summary meanwhile, nothing is written
 * (ConcurrencyConflictError) and HR sees the latest version.
 */
import { isDeepStrictEqual } from 'node:util';
import { smallDifferences } from './publication-difference';
import { MAX_CONCLUSION_LENGTH } from '../domain/content-limits';
import { refuserFor, type Refuser } from '../domain/errors';
import { GROUP_THEMES } from '../domain/group-discussion';
import type { Person } from '../domain/organisation';
import { withEvent, type CompetenceDistribution, type ServiceAreaSummary } from '../domain/summary';
import { WITHDRAWN, type DeliveredHandler, type UndeliveredHandler } from '../fanout/proactive-retries';
import type { ChannelLink } from '../storage/channel-link-repository';
import { ConcurrencyConflictError } from '../storage/errors';
import { TABLES } from '../storage/keys';
import type { Repositories } from '../storage/repositories';
import type { SummaryFigures, SummaryPublication } from '../storage/summary-publication-repository';
import type { Versioned } from '../storage/table-store';
import { rebuildServiceArea } from './aggregate-refresh';
import { readAll } from '../storage/read-all';
import { againAfterWriteRace } from './released-counts';
import {
  channelAddress,
  outcomeCode,
  type ProactiveMessenger,
  type SendOutcome,
} from '../fanout/proactive-messenger';
import {
  collectConclusions,
  compileServiceAreaSummary,
  MAX_SUMMARY_CONCLUSIONS,
  type CompiledSummary,
  type Conclusions,
} from './summary-compilation';

export const SUMMARY_ERROR_CODES = [
  'summary.notAllowed',
  'summary.notFound',
  'summary.unknownArea',
  'summary.published',
  'summary.notPublished',
  'summary.noChannel',
  'summary.smallChange',
  'summary.tooManyConclusions',
  'summary.textTooLong',
  'summary.postRetrying',
] as const;
export type SummaryErrorCode = (typeof SUMMARY_ERROR_CODES)[number];

const refuse: Refuser<SummaryErrorCode> = refuserFor();

export interface SummaryDeps {
  repositories: Repositories;
  messenger: ProactiveMessenger;
  /** The card announcing a publication in the area's channel. */
  announcement(publication: SummaryPublication, link: ChannelLink): Promise<Record<string, unknown>>;
  now(): Date;
}

export interface SummaryTarget {
  tenantId: string;
  year: number;
  serviceAreaId: string;
}

function requireHr(actor: Pick<Person, 'roles'>): void {
  if (!actor.roles.includes('hr')) refuse('summary.notAllowed', 'Only HR compiles summaries');
}

async function requireArea(deps: SummaryDeps, target: SummaryTarget): Promise<string> {
  const area = await deps.repositories.serviceAreas.get(target.tenantId, target.serviceAreaId);
  if (!area) return refuse('summary.unknownArea', 'No such service area');
  return area.value.name;
}

async function requireSummary(
  deps: SummaryDeps,
  target: SummaryTarget,
): Promise<Versioned<ServiceAreaSummary>> {
  const read = await deps.repositories.summaries.get(target.tenantId, target.year, target.serviceAreaId);
  if (!read) return refuse('summary.notFound', 'No summary yet');
  return read;
}

/**
 * What the card showed: the stored value with the card's ETag, so a stale card's change is refused. A card that
 * showed no summary (no ETag) is stale once one exists.
 */
function asShown(read: Versioned<ServiceAreaSummary>, etag: string): Versioned<ServiceAreaSummary> {
  if (!etag) throw new ConcurrencyConflictError(TABLES.summaries);
  return { value: read.value, etag };
}

function requireDraft(summary: ServiceAreaSummary): void {
  if (summary.status === 'published') refuse('summary.published', 'Revise the published summary first');
}

function requirePublished(summary: ServiceAreaSummary): void {
  if (summary.status !== 'published') refuse('summary.notPublished', 'The summary is a draft');
}

/**
 * HR's change of the stored summary: HR only, the summary must exist in the state `required` asks for, and the
 * change is written against the version the card showed.
 */
async function changeSummary(
  deps: SummaryDeps,
  actor: Person,
  target: SummaryTarget,
  etag: string,
  required: (summary: ServiceAreaSummary) => void,
  changes: (summary: ServiceAreaSummary) => Promise<Partial<ServiceAreaSummary>>,
): Promise<Versioned<ServiceAreaSummary>> {
  requireHr(actor);
  const read = await requireSummary(deps, target);
  required(read.value);
  return deps.repositories.summaries.update(asShown(read, etag), await changes(read.value));
}

/** The draft's figures: the area's distributions, empty where a group is below the threshold. */
function draftFigures(
  figures: SummaryFigures,
): Pick<ServiceAreaSummary, 'competences' | 'learningWaySplit' | 'suppressed'> {
  const competences: CompetenceDistribution[] = figures.competences.map((figure) => ({
    competenceId: figure.competenceId,
    self: figure.self?.counts ?? {},
    supervisor: figure.supervisor?.counts ?? {},
    respondents: figure.needs?.rated ?? 0,
  }));
  return {
    competences,
    learningWaySplit: figures.learningWays?.counts ?? { '70': 0, '20': 0, '10': 0 },
    suppressed: figures.suppressed ?? null,
  };
}

async function compileFresh(deps: SummaryDeps, target: SummaryTarget): Promise<CompiledSummary> {
  await rebuildServiceArea(deps.repositories, target.tenantId, target.year, target.serviceAreaId);
  return compileServiceAreaSummary(deps.repositories, target.tenantId, target.year, target.serviceAreaId);
}

/**
 * Creates the year's draft, or refreshes an existing draft's figures (its conclusions, which HR may have
 * edited, stay as they are).
 */
export async function draftSummary(
  deps: SummaryDeps,
  actor: Person,
  target: SummaryTarget,
  etag: string,
): Promise<Versioned<ServiceAreaSummary>> {
  requireHr(actor);
  await requireArea(deps, target);
  const existing = await deps.repositories.summaries.get(target.tenantId, target.year, target.serviceAreaId);
  if (existing) requireDraft(existing.value);
  const compiled = await compileFresh(deps, target);
  if (existing)
    return deps.repositories.summaries.update(asShown(existing, etag), draftFigures(compiled.figures));
  return deps.repositories.summaries.create({
    tenantId: target.tenantId,
    serviceAreaId: target.serviceAreaId,
    year: target.year,
    status: 'draft',
    conclusions: compiled.conclusions,
    ...draftFigures(compiled.figures),
    publishedAt: null,
    publishedBy: null,
  });
}

/** Replaces the draft's conclusions with those of the area's concluded group discussions. */
export async function recollectConclusions(
  deps: SummaryDeps,
  actor: Person,
  target: SummaryTarget,
  etag: string,
): Promise<Versioned<ServiceAreaSummary>> {
  return changeSummary(deps, actor, target, etag, requireDraft, async () => {
    const discussions = await readAll((page) =>
      deps.repositories.groupDiscussions.listForServiceArea(
        target.tenantId,
        target.year,
        target.serviceAreaId,
        page,
      ),
    );
    return { conclusions: collectConclusions(discussions.map((discussion) => discussion.value)) };
  });
}

/** Checks HR's edited conclusions: trimmed, empty lines dropped, within the limits. */
export function checkedConclusions(conclusions: Conclusions): Conclusions {
  const checked: Conclusions = {};
  for (const theme of GROUP_THEMES) {
    const texts = (conclusions[theme] ?? []).map((text) => text.trim()).filter((text) => text.length > 0);
    if (texts.length > MAX_SUMMARY_CONCLUSIONS)
      refuse('summary.tooManyConclusions', 'Too many conclusions in a theme', { theme });
    if (texts.some((text) => text.length > MAX_CONCLUSION_LENGTH))
      refuse('summary.textTooLong', 'A conclusion is too long', { theme });
    if (texts.length > 0) checked[theme] = texts;
  }
  return checked;
}

export async function saveConclusions(
  deps: SummaryDeps,
  actor: Person,
  target: SummaryTarget,
  etag: string,
  conclusions: Conclusions,
): Promise<Versioned<ServiceAreaSummary>> {
  return changeSummary(deps, actor, target, etag, requireDraft, async () => ({
    conclusions: checkedConclusions(conclusions),
  }));
}

export interface PublishResult {
  summary: Versioned<ServiceAreaSummary>;
  posted: SendOutcome;
}

/**
 * Publishes the draft with figures compiled now. The summary is first claimed as published with the card's
 * ETag (so two HR people cannot publish one draft twice); then the card goes to the area's channel. If it
 * arrived, the publication (what the channel tab shows) is written; if not, the summary returns to a draft
 * with the reason, and the previous publication, if any, stays what the channel tab shows. Refused before
 * anything is written when the area has no linked channel.
 */
export async function publishSummary(
  deps: SummaryDeps,
  actor: Person,
  target: SummaryTarget,
  etag: string,
): Promise<PublishResult> {
  requireHr(actor);
  const areaName = await requireArea(deps, target);
  const read = await requireSummary(deps, target);
  requireDraft(read.value);
  const link = await deps.repositories.channelLinks.get(target.tenantId, target.serviceAreaId);
  if (!link) return refuse('summary.noChannel', 'Link a channel to the service area first');
  const [compiled, previous] = await Promise.all([
    compileFresh(deps, target),
    deps.repositories.summaryPublications.get(target.tenantId, target.serviceAreaId, target.year),
  ]);
  // The channel keeps the previous publication: the next may not let anyone subtract fewer than k people.
  if (previous && smallDifferences(previous.value.figures, compiled.figures, compiled.figures.threshold) > 0)
    return refuse('summary.smallChange', 'Too few people changed since the last publication');
  const withdrawn = await withdrawKeptPost(deps, read, etag);
  const publishedAt = deps.now().toISOString();
  const claimed = await claim(deps, read, etag, withdrawn ? { by: actor.id } : null, {
    ...draftFigures(compiled.figures),
    status: 'published',
    publishedAt,
    publishedBy: actor.id,
  });
  const publication: SummaryPublication = {
    tenantId: target.tenantId,
    serviceAreaId: target.serviceAreaId,
    year: target.year,
    serviceAreaName: areaName,
    conclusions: claimed.value.conclusions,
    figures: compiled.figures,
    publishedAt,
    publishedBy: actor.id,
  };
  const posted = await deps.messenger.send(
    target.tenantId,
    channelAddress(link.value.teamId, link.value.channelId),
    await deps.announcement(publication, link.value),
    // A post Teams asked to wait for is kept; the summary stays "not published" (reason `willRetry`) until it
    // arrives, and then becomes published with what this post carried (summaryPostDelivered).
    {
      onDelivered: {
        kind: SUMMARY_POST_DELIVERED,
        keys: { year: target.year, serviceAreaId: target.serviceAreaId, publishedAt },
        data: publication,
      },
    },
  );
  if (posted.status !== 'delivered') {
    const reason = outcomeCode(posted);
    try {
      const summary = await deps.repositories.summaries.update(claimed, {
        status: 'draft',
        publishedAt: read.value.publishedAt,
        publishedBy: read.value.publishedBy,
        postFailure: {
          at: publishedAt,
          reason,
          ...(posted.status === 'willRetry' ? { keptId: posted.keptId } : {}),
        },
        history: withEvent(read.value, { action: 'postFailed', at: publishedAt, by: actor.id, reason }),
      });
      return { summary, posted };
    } catch (error) {
      // The kept post arrived already, and its arrival published the summary before this write.
      const now = await deps.repositories.summaries.get(target.tenantId, target.year, target.serviceAreaId);
      const publishedByRetry =
        posted.status === 'willRetry' &&
        now?.value.status === 'published' &&
        now.value.publishedAt === publishedAt;
      if (!(error instanceof ConcurrencyConflictError) || !now || !publishedByRetry) throw error;
      return { summary: now, posted };
    }
  }
  await deps.repositories.summaryPublications.put(publication);
  const summary = await deps.repositories.summaries.update(claimed, {
    postFailure: null,
    channelPost: { conversationId: posted.conversationId, activityId: posted.activityId },
    history: withEvent(read.value, { action: 'published', at: publishedAt, by: actor.id, reason: null }),
  });
  return { summary, posted };
}

/**
 * HR publishes again while the last publish's post is kept for a retry ("will retry"): HR's publish replaces that
 * retry, so the card arrives once. The kept post is withdrawn while it waits (an ETag-conditional write on its
 * delivery, which the fan-out's worker then cannot lease); one the worker is sending at this moment (or that has
 * just arrived and is publishing the summary) is not, and HR is told the card is on its way, to look again in a
 * moment. A stale card's publish withdraws nothing: it is refused as a conflict first. True when withdrawn.
 */
async function withdrawKeptPost(
  deps: SummaryDeps,
  read: Versioned<ServiceAreaSummary>,
  etag: string,
): Promise<boolean> {
  const failure = read.value.postFailure;
  if (failure?.reason !== 'willRetry' || !failure.keptId || !deps.messenger.withdraw) return false;
  if (!etag || etag !== read.etag) throw new ConcurrencyConflictError(TABLES.summaries);
  const result = await deps.messenger.withdraw(read.value.tenantId, failure.keptId);
  if (result === 'sending' || result === 'sent')
    refuse('summary.postRetrying', 'The kept post is being sent now');
  return result === 'withdrawn';
}

/**
 * The publish's claim, with the card's ETag. If someone changed the summary after its kept post was withdrawn,
 * the claim is refused as a conflict and the "will retry" it showed is no longer true: it says the post failed,
 * so HR sees the retry button on the latest version.
 */
async function claim(
  deps: SummaryDeps,
  read: Versioned<ServiceAreaSummary>,
  etag: string,
  withdrawn: { by: string } | null,
  changes: Partial<ServiceAreaSummary>,
): Promise<Versioned<ServiceAreaSummary>> {
  try {
    return await deps.repositories.summaries.update(asShown(read, etag), changes);
  } catch (error) {
    const at = read.value.postFailure?.at;
    if (!(error instanceof ConcurrencyConflictError) || !withdrawn || !at) throw error;
    const { tenantId, year, serviceAreaId } = read.value;
    const keys = { year, serviceAreaId, publishedAt: at };
    await summaryPostUndelivered(deps.repositories, deps.now)(
      tenantId,
      { kind: SUMMARY_POST_DELIVERED, keys, data: { publishedBy: withdrawn.by } },
      { reason: 'failed', lastError: WITHDRAWN },
    );
    throw error;
  }
}

/** The kind of a kept summary post's note: its arrival is recorded by `summaryPostDelivered`. */
export const SUMMARY_POST_DELIVERED = 'summary.channelPost';

/**
 * A summary's post that Teams took on a later retry: the summary becomes published as that post showed it
 * (status, publishedAt, the publication the channel tab shows, the post's thread), written with the ETag read.
 * Only while the summary is still the draft that publish left waiting (its `willRetry` at the same time, the
 * same conclusions): if HR published again, revised or edited it meanwhile, the draft is no longer what the
 * post showed, and it is left as HR has it.
 */
export function summaryPostDelivered(
  repositories: Pick<Repositories, 'summaries' | 'summaryPublications'>,
  now: () => Date,
): DeliveredHandler {
  return async (tenantId, note, at) => {
    const { year, serviceAreaId, publishedAt } = note.keys;
    const publication = note.data as SummaryPublication | undefined;
    if (typeof year !== 'number' || typeof serviceAreaId !== 'string' || typeof publishedAt !== 'string')
      return;
    if (
      publication?.tenantId !== tenantId ||
      publication.serviceAreaId !== serviceAreaId ||
      publication.year !== year ||
      publication.publishedAt !== publishedAt
    )
      return;
    await againAfterWriteRace(async () => {
      const read = await repositories.summaries.get(tenantId, year, serviceAreaId);
      const summary = read?.value;
      if (!read || !summary || !isDeepStrictEqual(summary.conclusions, publication.conclusions)) return;
      const waiting =
        summary.status === 'draft' &&
        summary.postFailure?.reason === 'willRetry' &&
        summary.postFailure.at === publishedAt;
      // The publish that kept the post has not yet written "will retry": its claim still stands.
      const claimedByThatPublish =
        summary.status === 'published' &&
        summary.publishedAt === publishedAt &&
        !summary.postFailure &&
        summary.channelPost?.conversationId !== at.conversationId;
      if (!waiting && !claimedByThatPublish) return;
      await repositories.summaryPublications.put(publication);
      await repositories.summaries.update(read, {
        status: 'published',
        publishedAt,
        publishedBy: publication.publishedBy,
        postFailure: null,
        channelPost: { conversationId: at.conversationId, activityId: at.activityId },
        history: withEvent(read.value, {
          action: 'published',
          at: now().toISOString(),
          by: publication.publishedBy,
          reason: null,
        }),
      });
    });
  };
}

/**
 * A summary's kept post that the fan-out's worker ended without it arriving (Teams refused it later: 403, 404;
 * or its retries ran out): the draft that publish left "will retry" now says why it is not published, so HR sees
 * "not published: <reason>" and the retry button. ETag-conditional, and only while the summary is still that
 * draft (its `willRetry` at the publish's time); a second call (the worker redoing it) finds it no longer
 * waiting and changes nothing.
 */
export function summaryPostUndelivered(
  repositories: Pick<Repositories, 'summaries'>,
  now: () => Date,
): UndeliveredHandler {
  return async (tenantId, note, end) => {
    const { year, serviceAreaId, publishedAt } = note.keys;
    if (typeof year !== 'number' || typeof serviceAreaId !== 'string' || typeof publishedAt !== 'string')
      return;
    const by = (note.data as SummaryPublication | undefined)?.publishedBy;
    await againAfterWriteRace(async () => {
      const read = await repositories.summaries.get(tenantId, year, serviceAreaId);
      const summary = read?.value;
      const waiting =
        summary?.status === 'draft' &&
        summary.postFailure?.reason === 'willRetry' &&
        summary.postFailure.at === publishedAt;
      if (!read || !summary || !waiting) return;
      await repositories.summaries.update(read, {
        postFailure: { at: publishedAt, reason: end.reason },
        history: withEvent(summary, {
          action: 'postFailed',
          at: now().toISOString(),
          by: by ?? summary.publishedBy ?? 'system',
          reason: end.reason,
        }),
      });
    });
  };
}

/** A published summary back to a draft, for corrections; the channel tab shows the publication until the next. */
export async function reviseSummary(
  deps: SummaryDeps,
  actor: Person,
  target: SummaryTarget,
  etag: string,
): Promise<Versioned<ServiceAreaSummary>> {
  return changeSummary(deps, actor, target, etag, requirePublished, async (summary) => ({
    status: 'draft',
    history: withEvent(summary, {
      action: 'revised',
      at: deps.now().toISOString(),
      by: actor.id,
      reason: null,
    }),
  }));
}
