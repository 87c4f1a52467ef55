/**
 * The retention purge (säilytysaikojen mukainen poisto): once a day, for every organisation that has saved a
 * retention policy, deletes the development discussions, group discussions, development-action requests and
 * audit-log entries whose time is up, and writes to the organisation's audit log what kind and how many were
 * deleted. Organisations without a policy are left alone. The logs carry counts and ids only.
 */
import { describeError, type Logger } from '../logging';
import { ConcurrencyConflictError, NotFoundError } from '../storage/errors';
import type { Repositories } from '../storage/repositories';
import type { AuditRecordKind } from '../domain/audit-entry';
import { auditTrail } from '../storage/audit-trail';
import {
  discussionRetentionStart,
  isPastRetention,
  lastYearToCheck,
  retentionCutoff,
  type RetentionKind,
  type RetentionPolicy,
} from '../domain/retention-policy';

export const PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type PurgeRepos = Pick<
  Repositories,
  | 'organisations'
  | 'retentionPolicies'
  | 'developmentDiscussions'
  | 'groupDiscussions'
  | 'developmentActionRequests'
  | 'auditLog'
>;

export type PurgeCounts = Record<RetentionKind, number>;

const RECORD_KINDS: Record<RetentionKind, AuditRecordKind> = {
  developmentDiscussions: 'developmentDiscussion',
  groupDiscussions: 'groupDiscussion',
  developmentActionRequests: 'developmentActionRequest',
  auditLog: 'auditLog',
};

/** Deletes one record; one that changed or went away since it was read is left for the next run. */
async function purged(remove: () => Promise<void>): Promise<number> {
  try {
    await remove();
    return 1;
  } catch (error) {
    if (error instanceof ConcurrencyConflictError || error instanceof NotFoundError) return 0;
    throw error;
  }
}

/** Purges one organisation by its policy, as of `now`; returns how many records of each kind were deleted. */
export async function purgeTenant(
  repos: PurgeRepos,
  policy: RetentionPolicy,
  now: Date,
): Promise<PurgeCounts> {
  const { tenantId, years } = policy;
  const cutoffs = {
    developmentDiscussions: retentionCutoff(now, years.developmentDiscussions),
    groupDiscussions: retentionCutoff(now, years.groupDiscussions),
    developmentActionRequests: retentionCutoff(now, years.developmentActionRequests),
    auditLog: retentionCutoff(now, years.auditLog),
  };
  const counts: PurgeCounts = {
    developmentDiscussions: 0,
    groupDiscussions: 0,
    developmentActionRequests: 0,
    auditLog: 0,
  };

  const discussionCutoff = cutoffs.developmentDiscussions;
  for await (const read of repos.developmentDiscussions.scanUpToYear(
    tenantId,
    lastYearToCheck(discussionCutoff),
  )) {
    if (isPastRetention(discussionRetentionStart(read.value), discussionCutoff))
      counts.developmentDiscussions += await purged(() => repos.developmentDiscussions.delete(read));
  }
  const groupCutoff = cutoffs.groupDiscussions;
  for await (const read of repos.groupDiscussions.scanAll(tenantId, lastYearToCheck(groupCutoff))) {
    if (isPastRetention(read.value.updatedAt, groupCutoff))
      counts.groupDiscussions += await purged(() => repos.groupDiscussions.delete(read));
  }
  const requestCutoff = cutoffs.developmentActionRequests;
  for await (const request of repos.developmentActionRequests.scanUpToYear(
    tenantId,
    lastYearToCheck(requestCutoff),
  )) {
    if (isPastRetention(request.updatedAt, requestCutoff))
      counts.developmentActionRequests += await purged(() => repos.developmentActionRequests.delete(request));
  }
  for await (const read of repos.auditLog.scanOlderThan(tenantId, cutoffs.auditLog)) {
    if (isPastRetention(read.value.at, cutoffs.auditLog))
      counts.auditLog += await purged(() => repos.auditLog.delete(read));
  }

  const audit = auditTrail(repos.auditLog, () => now);
  for (const [kind, count] of Object.entries(counts) as [RetentionKind, number][]) {
    if (count > 0)
      await audit.record({
        tenantId,
        subjectId: null,
        actorId: null,
        action: 'purge',
        recordKind: RECORD_KINDS[kind],
        count,
        channel: 'job',
      });
  }
  return counts;
}

export interface PurgeJobDeps {
  repositories: PurgeRepos;
  logger: Logger;
  now(): Date;
  intervalMs?: number;
}

/** One run over every organisation; one organisation's failure does not stop the others. */
export async function purgeAllTenants(deps: PurgeJobDeps): Promise<void> {
  const now = deps.now();
  for await (const organisation of deps.repositories.organisations.scanAll()) {
    const { tenantId } = organisation.value;
    try {
      const policy = await deps.repositories.retentionPolicies.get(tenantId);
      if (!policy) continue;
      const counts = await purgeTenant(deps.repositories, policy.value, now);
      deps.logger.info('privacy.purged', { tenantId, ...counts });
    } catch (error) {
      deps.logger.warn('privacy.purgeFailed', { tenantId, ...describeError(error) });
    }
  }
}

/** Starts the daily purge (the first run after one interval); returns its stop function. */
export function startRetentionPurgeJob(deps: PurgeJobDeps): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = purgeAllTenants(deps).finally(() => {
      running = null;
    });
  }, deps.intervalMs ?? PURGE_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
