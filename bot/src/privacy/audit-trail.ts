/**
 * The one way code records an audit entry. Reads are recorded before the content is returned (no entry, no
 * content); changes after they are stored.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLogRepository } from '../storage/audit-log-repository';
import type { AuditEntry, AuditEvent } from './audit-entry';

export interface AuditTrail {
  record(event: AuditEvent): Promise<AuditEntry>;
  /** Events about the same person (e.g. a read and the change it led to), written together. */
  recordAll(events: readonly AuditEvent[]): Promise<void>;
}

export function auditTrail(
  log: Pick<AuditLogRepository, 'append' | 'appendAll'>,
  now: () => Date,
): AuditTrail {
  const entryOf = (event: AuditEvent): AuditEntry => ({
    year: null,
    count: null,
    ...event,
    id: randomUUID(),
    at: now().toISOString(),
  });
  return {
    record: async (event) => {
      const entry = entryOf(event);
      await log.append(entry);
      return entry;
    },
    recordAll: async (events) => {
      const subjects = new Set(events.map((event) => `${event.tenantId}|${event.subjectId ?? ''}`));
      if (subjects.size > 1) throw new Error('recordAll takes events about one person');
      await log.appendAll(events.map(entryOf));
    },
  };
}
