/**
 * CoachingQuestionBanks: an organisation's own coaching question bank (coaching/coaching-bank.ts), one row per
 * tenant; none while the organisation uses the built-in bank. The discussion cards read it through `find`, as
 * read at most a minute ago (any save through this repository forgets the tenant's).
 */
import { z } from 'zod';
import { coachingBankSchema, type CoachingBank } from '../domain/coaching-bank';
import type { TenantId } from '../domain/organisation';
import { ExpiringCache } from './expiring-cache';
import { coachingBankKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes } from './record-table';
import type { TableStore, Versioned } from './table-store';
import { COACHING_BANK_CACHE } from '../tunables';

export interface StoredCoachingBank {
  tenantId: TenantId;
  questions: CoachingBank;
  updatedBy: string;
  updatedAt: string;
}

const storedBankSchema = z.object({
  tenantId: z.string().min(1),
  questions: coachingBankSchema,
  updatedBy: z.string().min(1),
  updatedAt: z.string(),
}) satisfies z.ZodType<StoredCoachingBank>;

export class CoachingBankRepository {
  private readonly table: RecordTable<StoredCoachingBank>;
  private readonly recent = new ExpiringCache<CoachingBank | null>(COACHING_BANK_CACHE);

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<StoredCoachingBank>(store.tableName, storedBankSchema, ['questions']),
      key: (bank) => coachingBankKeys.key(bank.tenantId),
    });
  }

  async get(tenantId: TenantId): Promise<Versioned<StoredCoachingBank> | null> {
    return this.table.get(coachingBankKeys.key(tenantId));
  }

  /** The organisation's own questions (null: it uses the built-in bank), as read at most a minute ago. */
  find(tenantId: TenantId): Promise<CoachingBank | null> {
    return this.recent.load(
      tenantId,
      'bank',
      async () => (await this.get(tenantId))?.value.questions ?? null,
    );
  }

  /** AlreadyExistsError if the organisation has saved a bank. */
  async create(bank: StoredCoachingBank): Promise<Versioned<StoredCoachingBank>> {
    return this.recent.forgetTenantAfter(bank.tenantId, this.table.insert(bank));
  }

  /** ConcurrencyConflictError if the bank changed since `read`. */
  async update(
    read: Versioned<StoredCoachingBank>,
    changes: Changes<StoredCoachingBank, 'tenantId'>,
  ): Promise<Versioned<StoredCoachingBank>> {
    return this.recent.forgetTenantAfter(read.value.tenantId, this.table.update(read, changes));
  }
}
