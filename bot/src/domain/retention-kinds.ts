/**
 * The kinds of record the organisation keeps for a time of its own (säilytysajat) and the bounds of that time:
 * plain values, so the tabs' retention editor takes them too (`domain/retention-policy.ts` holds the rules).
 */
export const RETENTION_KINDS = [
  'developmentDiscussions',
  'groupDiscussions',
  'developmentActionRequests',
  'auditLog',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Whole years; at least one, so nothing is purged while the annual clock still uses it. */
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 30;

export type RetentionYears = Record<RetentionKind, number>;
