/**
 * The wire contract of the privacy API: a page of the audit log (mine, a person's for HR, or the organisation's
 * own) and HR's retention policy. The service answers these shapes and the tabs read them through the same
 * declarations (`tabs/src/api/privacy.ts`), so the two cannot drift apart. Pure types: only the domain is imported.
 */
import type { AuditEntry } from '../domain/audit-entry';
import type { RetentionYears } from '../domain/retention-kinds';

export interface AuditLogEntryView extends Omit<AuditEntry, 'tenantId'> {
  /** Null for a job, or someone no longer in the organisation's data. */
  actorName: string | null;
}

export interface AuditLogPage {
  entries: AuditLogEntryView[];
  continuationToken?: string;
}

/** `GET`/`PUT /api/v1/hr/privacy/retention`: the organisation's retention policy as HR edits it. */
export interface RetentionPolicyView {
  years: RetentionYears;
  /** False while nothing is saved: the years are a suggestion and nothing is purged. */
  stored: boolean;
  updatedAt: string | null;
  /** Null while nothing is saved. */
  etag: string | null;
  limits: { min: number; max: number };
}
