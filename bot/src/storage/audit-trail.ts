/**
 * The one way code records an audit entry. Reads are recorded before the content is returned (no entry, no
 * content); changes after they are stored.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLogRepository } from './audit-log-repository';
import type { AuditEntry, AuditEvent } from '../domain/audit-entry';

export interface AuditTrail {
  record(event: AuditEvent): Promise<AuditEntry>;
}

export function auditTrail(log: Pick<AuditLogRepository, 'append'>, now: () => Date): AuditTrail {
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
  };
}
