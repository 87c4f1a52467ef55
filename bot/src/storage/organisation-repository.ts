/** Organisations: one row per tenant (partition = tenant id, row "organisation"). */
import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { LOCALES } from '../domain/locale';
import type { Organisation, TenantId } from '../domain/organisation';
import { organisationKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes, type SyncPlan } from './record-table';
import type { TableStore, Versioned } from './table-store';

const organisationSchema = z.object({
  tenantId: z.string().min(1),
  name: z.string().min(1),
  defaultLocale: z.enum(LOCALES),
  anonymityThreshold: z.number().int().min(1),
}) satisfies z.ZodType<Organisation>;

export class OrganisationRepository {
  private readonly table: RecordTable<Organisation>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<Organisation>(store.tableName, organisationSchema, []),
      key: (organisation) => organisationKeys.key(organisation.tenantId),
    });
  }

  async get(tenantId: TenantId): Promise<Versioned<Organisation> | null> {
    return this.table.get(organisationKeys.key(tenantId));
  }

  async create(organisation: Organisation): Promise<Versioned<Organisation>> {
    return this.table.insert(organisation);
  }

  async update(
    read: Versioned<Organisation>,
    changes: Changes<Organisation, 'tenantId'>,
  ): Promise<Versioned<Organisation>> {
    return this.table.update(read, changes);
  }

  async planSync(tenantId: TenantId, organisation: Organisation): Promise<SyncPlan> {
    const key = organisationKeys.key(tenantId);
    const existing = await this.table.get(key);
    return this.table.planSync([organisation], existing ? [existing] : [], key.partitionKey);
  }

  /** Every tenant's organisation, across partitions: for scheduled jobs only, never a request path. */
  scanAll(): AsyncGenerator<Versioned<Organisation>> {
    return this.table.scan(odata`RowKey eq ${organisationKeys.rowKey}`);
  }
}
