/**
 * AuditLog: who read or changed whose records (privacy/audit-entry.ts). A person's entries are their own
 * partition, newest first, so "my log" and HR's "this person's log" are one partition query; the
 * organisation's operations (purge, erasure) have a partition of their own. Entries are only appended, and
 * deleted by the retention purge or a person's erasure.
 */
import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_CHANNELS, AUDIT_RECORD_KINDS, type AuditEntry } from '../domain/audit-entry';
import type { TenantId } from '../domain/organisation';
import { auditLogKeys, partitionFilter, tenantPartitionsFilter } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type PageRequest } from './record-table';
import type { Page, TableStore, Versioned } from './table-store';

const auditEntrySchema = z.object({
  tenantId: z.string().min(1),
  subjectId: z.string().min(1).nullable(),
  id: z.string().min(1),
  at: z.string(),
  actorId: z.string().min(1).nullable(),
  action: z.enum(AUDIT_ACTIONS),
  recordKind: z.enum(AUDIT_RECORD_KINDS),
  year: z.number().int().nullable(),
  count: z.number().int().min(0).nullable(),
  channel: z.enum(AUDIT_CHANNELS),
}) satisfies z.ZodType<AuditEntry>;

export class AuditLogRepository {
  private readonly table: RecordTable<AuditEntry>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<AuditEntry>(store.tableName, auditEntrySchema, []),
      key: (entry) => auditLogKeys.key(entry.tenantId, entry.subjectId, entry.at, entry.id),
    });
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.table.insert(entry);
  }

  /** A page of the entries about a person (null: the organisation's operations), newest first. */
  async listForSubject(
    tenantId: TenantId,
    subjectId: string | null,
    page?: PageRequest,
  ): Promise<Page<AuditEntry>> {
    const entries = await this.table.page(partitionFilter(auditLogKeys.partition(tenantId, subjectId)), page);
    return { items: entries.items.map((read) => read.value), continuationToken: entries.continuationToken };
  }

  /** Every entry about a person: for their data export and erasure. */
  async listAllForSubject(tenantId: TenantId, subjectId: string): Promise<Versioned<AuditEntry>[]> {
    return this.table.list(partitionFilter(auditLogKeys.partition(tenantId, subjectId)));
  }

  /** The tenant's entries written before `cutoff`, in every partition: for the retention purge only. */
  scanOlderThan(tenantId: TenantId, cutoff: Date): AsyncGenerator<Versioned<AuditEntry>> {
    const olderThan = auditLogKeys.olderThan(cutoff.toISOString());
    return this.table.scan(`${tenantPartitionsFilter(tenantId)} and ${odata`RowKey ge ${olderThan}`}`);
  }

  async delete(read: Versioned<AuditEntry>): Promise<void> {
    await this.table.delete(read);
  }
}
