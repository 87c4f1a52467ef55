/**
 * How long the organisation keeps each kind of record (säilytysajat), set by HR as the controller's decision,
 * and the rule that says when a record's time is up. Pure: the purge job applies it.
 */
import { z } from 'zod';
import type { DevelopmentDiscussion } from './development-discussion';
import type { TenantId } from './organisation';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS, type RetentionYears } from './retention-kinds';

export {
  MAX_RETENTION_YEARS,
  MIN_RETENTION_YEARS,
  RETENTION_KINDS,
  type RetentionKind,
  type RetentionYears,
} from './retention-kinds';

const years = z.number().int().min(MIN_RETENTION_YEARS).max(MAX_RETENTION_YEARS);

/** Every kind's retention, and nothing else: what HR saves and what is stored. */
export const retentionYearsSchema = z.strictObject({
  developmentDiscussions: years,
  groupDiscussions: years,
  developmentActionRequests: years,
  auditLog: years,
}) satisfies z.ZodType<RetentionYears>;

export interface RetentionPolicy {
  tenantId: TenantId;
  years: RetentionYears;
  updatedBy: string;
  updatedAt: string;
}

/** What the editor proposes until HR saves a policy; nothing is purged before that. */
export const SUGGESTED_RETENTION: RetentionYears = {
  developmentDiscussions: 5,
  groupDiscussions: 5,
  developmentActionRequests: 3,
  auditLog: 5,
};

/** The moment `years` whole years before `now`: records whose time started before it are past retention. */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/**
 * When a development discussion's retention starts: at signing (the later of the two signatures) when it is
 * signed, otherwise at its last change (a discussion never finished is kept as long from when it was left).
 */
export function discussionRetentionStart(
  discussion: Pick<
    DevelopmentDiscussion,
    'status' | 'employeeSignature' | 'supervisorSignature' | 'updatedAt'
  >,
): string {
  if (discussion.status !== 'signed') return discussion.updatedAt;
  const signed = [discussion.employeeSignature?.at, discussion.supervisorSignature?.at].filter(
    (at): at is string => typeof at === 'string',
  );
  return signed.sort().at(-1) ?? discussion.updatedAt;
}

export function isPastRetention(startedAt: string, cutoff: Date): boolean {
  const started = Date.parse(startedAt);
  return Number.isFinite(started) && started < cutoff.getTime();
}

/**
 * The last year partition that can hold a record past retention. A year's discussions and requests are
 * started at the earliest in the year before (a clock window may open early), so a record of a later year
 * cannot have started before the cutoff.
 */
export function lastYearToCheck(cutoff: Date): number {
  return cutoff.getUTCFullYear() + 1;
}
