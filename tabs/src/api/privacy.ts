/**
 * The privacy API: my data export and audit log; HR's retention policy, a person's log, export and erasure,
 * and lifting the block that keeps an erased person from being imported again.
 */
import type { AuditLogEntryView, AuditLogPage, RetentionPolicyView } from '../../../bot/src/contract/privacy';
import type { AuditRecordKind } from '../../../bot/src/domain/audit-entry';
import type { RetentionYears } from '../../../bot/src/domain/retention-kinds';
import type { ApiClient } from './client';
import { expectShape } from './shape';

export type { AuditAction, AuditRecordKind } from '../../../bot/src/domain/audit-entry';
export {
  RETENTION_KINDS,
  type RetentionKind,
  type RetentionYears,
} from '../../../bot/src/domain/retention-kinds';
export type { AuditLogPage, RetentionPolicyView } from '../../../bot/src/contract/privacy';
export type AuditLogEntry = AuditLogEntryView;

/** Whose log: mine, a person's (HR), or the organisation's own (HR: purges, erasures, privacy settings). */
export type AuditLogSource = { kind: 'me' } | { kind: 'person'; personId: string } | { kind: 'organisation' };

const personPath = (personId: string, rest: string): string =>
  `/api/v1/people/${encodeURIComponent(personId)}/${rest}`;

/** A page of the audit log about me, or (HR) about `personId`. */
const auditLogPath = (source: AuditLogSource): string =>
  source.kind === 'me'
    ? '/api/v1/me/audit-log'
    : source.kind === 'person'
      ? personPath(source.personId, 'audit-log')
      : '/api/v1/hr/privacy/organisation-log';

export async function fetchAuditLog(
  api: ApiClient,
  source: AuditLogSource,
  continuationToken: string | undefined,
  signal?: AbortSignal,
): Promise<AuditLogPage> {
  const path = auditLogPath(source);
  return expectShape<AuditLogPage>(
    await api.get(path, { continuationToken }, signal),
    ['entries'],
    'audit log',
  );
}

/** Everything held about me, or (HR) about `personId`, saved as a JSON file. */
export async function downloadDataExport(api: ApiClient, personId: string | null): Promise<void> {
  const path = personId === null ? '/api/v1/me/data-export' : personPath(personId, 'data-export');
  const data = await api.get(path);
  const date = new Date().toISOString().slice(0, 10);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `osaamiskello-tiedot-${personId ?? 'oma'}-${date}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

export async function fetchRetention(api: ApiClient, signal: AbortSignal): Promise<RetentionPolicyView> {
  return expectShape<RetentionPolicyView>(
    await api.get('/api/v1/hr/privacy/retention', {}, signal),
    [],
    'retention policy',
  );
}

export async function saveRetention(
  api: ApiClient,
  years: RetentionYears,
  etag: string | null,
): Promise<RetentionPolicyView> {
  return (await api.send('PUT', '/api/v1/hr/privacy/retention', {
    body: { years },
    ifMatch: etag,
  })) as RetentionPolicyView;
}

/** Erases a person; `confirmPersonId` is the id typed again, and must match. */
export async function erasePerson(
  api: ApiClient,
  personId: string,
  confirmPersonId: string,
): Promise<{ erased: Partial<Record<AuditRecordKind, number>> }> {
  return (await api.send('POST', personPath(personId, 'erasure'), {
    body: { confirmPersonId },
  })) as { erased: Partial<Record<AuditRecordKind, number>> };
}

/**
 * Lets an erased person be imported again (they have returned to work): lifts the block that keeps the people
 * import from bringing them back. A 404 (`privacy.notErased`) when no erased person has this id.
 */
export async function allowReimport(api: ApiClient, personId: string): Promise<{ lifted: true }> {
  return (await api.send('DELETE', `/api/v1/hr/privacy/erased/${encodeURIComponent(personId)}`)) as {
    lifted: true;
  };
}
