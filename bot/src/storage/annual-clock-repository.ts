/** AnnualClocks (vuosikello): one clock per tenant (partition = tenant id, row "clock"), phases as JSON. */
import { z } from 'zod';
import { LEVELS, PHASE_KINDS, type AnnualClock } from '../domain/annual-clock';
import { currentRoundYear } from '../domain/annual-clock-rules';
import { defaultAnnualClock } from '../domain/default-annual-clock';
import { ROLES, type TenantId } from '../domain/organisation';
import { ExpiringCache } from './expiring-cache';
import { annualClockKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes } from './record-table';
import type { TableStore, Versioned } from './table-store';
import { ANNUAL_CLOCK_CACHE } from '../tunables';

/** The clock as stored: the domain's clock is the same for every tenant, so the record adds whose it is. */
export type TenantAnnualClock = AnnualClock & { tenantId: TenantId };

const monthDay = z.string().regex(/^\d{2}-\d{2}$/);
const reminderDays = z.array(z.number().int().min(0));

const annualClockSchema = z.object({
  tenantId: z.string().min(1),
  phases: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.enum(PHASE_KINDS),
      level: z.enum(LEVELS),
      opens: monthDay,
      closes: monthDay,
      remindDaysBefore: reminderDays,
      audience: z.array(z.enum(ROLES)),
    }),
  ),
  overrides: z.array(
    z.object({
      serviceAreaId: z.string().min(1),
      phases: z.record(
        z.string(),
        z.object({
          opens: monthDay.optional(),
          closes: monthDay.optional(),
          remindDaysBefore: reminderDays.optional(),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<TenantAnnualClock>;

export class AnnualClockRepository {
  private readonly table: RecordTable<TenantAnnualClock>;
  private readonly recent = new ExpiringCache<TenantAnnualClock | null>(ANNUAL_CLOCK_CACHE);

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<TenantAnnualClock>(store.tableName, annualClockSchema, ['phases', 'overrides']),
      key: (clock) => annualClockKeys.key(clock.tenantId),
    });
  }

  async get(tenantId: TenantId): Promise<Versioned<TenantAnnualClock> | null> {
    return this.table.get(annualClockKeys.key(tenantId));
  }

  /** The tenant's clock (null: none saved yet) as read at most ANNUAL_CLOCK_CACHE.ttlMs ago; to change it, use `get`. */
  async current(tenantId: TenantId): Promise<TenantAnnualClock | null> {
    return this.recent.load(tenantId, 'clock', async () => (await this.get(tenantId))?.value ?? null);
  }

  /** The clock the tenant works by: the saved one (as `current` reads it), or the default until HR saves one. */
  async inEffect(tenantId: TenantId): Promise<AnnualClock> {
    const stored = await this.current(tenantId);
    return stored ? { phases: stored.phases, overrides: stored.overrides } : defaultAnnualClock();
  }

  /**
   * The round current now on the clock the tenant works by: for the discussions, or for a later phase of the round
   * (planning, strategy) — the one rule of the domain (`currentRoundYear`), read for the whole organisation.
   */
  async currentRound(
    tenantId: TenantId,
    now: Date,
    phase?: Parameters<typeof currentRoundYear>[3],
  ): Promise<number> {
    return currentRoundYear(await this.inEffect(tenantId), null, now, phase);
  }

  /** AlreadyExistsError if the tenant has a clock. */
  async create(clock: TenantAnnualClock): Promise<Versioned<TenantAnnualClock>> {
    return this.recent.forgetTenantAfter(clock.tenantId, this.table.insert(clock));
  }

  async update(
    read: Versioned<TenantAnnualClock>,
    changes: Changes<TenantAnnualClock, 'tenantId'>,
  ): Promise<Versioned<TenantAnnualClock>> {
    return this.recent.forgetTenantAfter(read.value.tenantId, this.table.update(read, changes));
  }
}
