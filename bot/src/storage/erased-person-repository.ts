/**
 * ErasedPeople: who has been erased on request (privacy/person-erasure.ts), so that the next people import
 * does not bring them back from an HR export that still lists them. A row holds no personal data: its key is
 * a SHA-256 of the tenant and the person id, its only value the time. HR lifts the block when the person
 * returns to work (`lift`).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TenantId } from '../domain/organisation';
import { AlreadyExistsError } from './errors';
import { erasedPersonKeys, partitionFilter } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable } from './record-table';
import type { TableStore } from './table-store';

interface ErasedPerson {
  tenantId: TenantId;
  /** SHA-256 (hex) of the tenant id and the person id: the same id matches, and the row names nobody. */
  personHash: string;
  erasedAt: string;
}

const erasedPersonSchema = z.object({
  tenantId: z.string().min(1),
  personHash: z.string().regex(/^[0-9a-f]{64}$/),
  erasedAt: z.string(),
}) satisfies z.ZodType<ErasedPerson>;

const hashOf = (tenantId: TenantId, personId: string): string =>
  createHash('sha256').update(`${tenantId}\n${personId}`).digest('hex');

export class ErasedPersonRepository {
  private readonly table: RecordTable<ErasedPerson>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<ErasedPerson>(store.tableName, erasedPersonSchema, []),
      key: (row) => erasedPersonKeys.key(row.tenantId, row.personHash),
    });
  }

  /** Marks the person as erased (again is the same). */
  async block(tenantId: TenantId, personId: string, at: Date): Promise<void> {
    try {
      await this.table.insert({
        tenantId,
        personHash: hashOf(tenantId, personId),
        erasedAt: at.toISOString(),
      });
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }

  /** Whether a person id was erased in the organisation: one read of its (small) partition for a whole import. */
  async matcher(tenantId: TenantId): Promise<(personId: string) => boolean> {
    const rows = await this.table.list(partitionFilter(erasedPersonKeys.partition(tenantId)));
    const hashes = new Set(rows.map((read) => read.value.personHash));
    return (personId) => hashes.has(hashOf(tenantId, personId));
  }

  /** Lets the person be imported again; false if they were not erased. */
  async lift(tenantId: TenantId, personId: string): Promise<boolean> {
    const read = await this.table.get(erasedPersonKeys.key(tenantId, hashOf(tenantId, personId)));
    if (!read) return false;
    await this.table.delete(read);
    return true;
  }
}
