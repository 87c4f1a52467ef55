/**
 * The audit log's entries (tietosuojan lokitiedot): who read, changed, exported or erased whose records, and
 * what the retention purge deleted. An entry names people by id and records by kind; it never holds content.
 */
import type { TenantId } from './organisation';

export const AUDIT_ACTIONS = ['read', 'change', 'export', 'erase', 'purge'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RECORD_KINDS = [
  'developmentDiscussion',
  'groupDiscussion',
  'developmentActionRequest',
  'conversationReference',
  'person',
  'auditLog',
  'personalData',
  // The organisation's own settings and blocks, in its log (subject null)
  'retentionPolicy',
  'erasureBlock',
] as const;
export type AuditRecordKind = (typeof AUDIT_RECORD_KINDS)[number];

/** Where the action happened: the tabs' API, a card in Teams, or a background job. */
export const AUDIT_CHANNELS = ['tab', 'card', 'job'] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];

export interface AuditEntry {
  tenantId: TenantId;
  /** The person the record is about; null for the organisation's own operations (purge, erasure). */
  subjectId: string | null;
  id: string;
  at: string;
  /** Who did it; null for a job. */
  actorId: string | null;
  action: AuditAction;
  recordKind: AuditRecordKind;
  /** The discussion's year, when the record is one year's. */
  year: number | null;
  /** How many records, for purges, erasures and reads of several records at once. */
  count: number | null;
  channel: AuditChannel;
}

/** What a caller says; the trail adds the id and the time. */
export type AuditEvent = Omit<AuditEntry, 'id' | 'at' | 'year' | 'count'> &
  Partial<Pick<AuditEntry, 'year' | 'count'>>;
