/** RetentionPolicies: the organisation's retention times (privacy/retention-policy.ts), one row per tenant. */
import { z } from 'zod';
import type { TenantId } from '../domain/organisation';
import { retentionYearsSchema, type RetentionPolicy } from '../domain/retention-policy';
import { retentionPolicyKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes } from './record-table';
import type { TableStore, Versioned } from './table-store';

const retentionPolicySchema = z.object({
  tenantId: z.string().min(1),
  years: retentionYearsSchema,
  updatedBy: z.string().min(1),
  updatedAt: z.string(),
}) satisfies z.ZodType<RetentionPolicy>;

export class RetentionPolicyRepository {
  private readonly table: RecordTable<RetentionPolicy>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<RetentionPolicy>(store.tableName, retentionPolicySchema, ['years']),
      key: (policy) => retentionPolicyKeys.key(policy.tenantId),
    });
  }

  async get(tenantId: TenantId): Promise<Versioned<RetentionPolicy> | null> {
    return this.table.get(retentionPolicyKeys.key(tenantId));
  }

  /** AlreadyExistsError if the organisation has a policy. */
  async create(policy: RetentionPolicy): Promise<Versioned<RetentionPolicy>> {
    return this.table.insert(policy);
  }

  /** ConcurrencyConflictError if the policy changed since `read`. */
  async update(
    read: Versioned<RetentionPolicy>,
    changes: Changes<RetentionPolicy, 'tenantId'>,
  ): Promise<Versioned<RetentionPolicy>> {
    return this.table.update(read, changes);
  }
}
