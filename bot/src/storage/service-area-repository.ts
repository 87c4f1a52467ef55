/** ServiceAreas (palvelualueet): a tenant's few service areas, one partition per tenant. */
import { z } from 'zod';
import type { ServiceArea, TenantId } from '../domain/organisation';
import { partitionFilter, serviceAreaKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes, type SyncPlan } from './record-table';
import type { TableStore, Versioned } from './table-store';

const serviceAreaSchema = z.object({
  tenantId: z.string().min(1),
  id: z.string().min(1),
  name: z.string().min(1),
  directorId: z.string().min(1).nullable(),
  alternatingYearRule: z.object({ individualDiscussionYears: z.enum(['even', 'odd']) }).nullable(),
}) satisfies z.ZodType<ServiceArea>;

export class ServiceAreaRepository {
  private readonly table: RecordTable<ServiceArea>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<ServiceArea>(store.tableName, serviceAreaSchema, ['alternatingYearRule']),
      key: (area) => serviceAreaKeys.key(area.tenantId, area.id),
    });
  }

  async get(tenantId: TenantId, serviceAreaId: string): Promise<Versioned<ServiceArea> | null> {
    return this.table.get(serviceAreaKeys.key(tenantId, serviceAreaId));
  }

  async create(area: ServiceArea): Promise<Versioned<ServiceArea>> {
    return this.table.insert(area);
  }

  async update(
    read: Versioned<ServiceArea>,
    changes: Changes<ServiceArea, 'tenantId' | 'id'>,
  ): Promise<Versioned<ServiceArea>> {
    return this.table.update(read, changes);
  }

  /** All of a tenant's service areas: one partition of a few dozen rows at most. */
  async list(tenantId: TenantId): Promise<Versioned<ServiceArea>[]> {
    return this.table.list(partitionFilter(serviceAreaKeys.partition(tenantId)));
  }

  async planSync(tenantId: TenantId, areas: readonly ServiceArea[]): Promise<SyncPlan> {
    return this.table.planSync(areas, await this.list(tenantId), serviceAreaKeys.partition(tenantId));
  }
}
