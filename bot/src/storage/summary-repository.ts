/**
 * Summaries (koonnit): HR's summary per service area and year, in the tenant's partition under
 * `YEAR|SA`, so one year's summaries of every service area are one range read.
 */
import { z } from 'zod';
import { LEARNING_WAYS } from '../domain/development-discussion';
import { GROUP_THEMES } from '../domain/group-discussion';
import type { TenantId } from '../domain/organisation';
import { SUMMARY_EVENT_ACTIONS, type ServiceAreaSummary } from '../domain/summary';
import { rowKeyPrefixFilter, summaryKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes } from './record-table';
import type { TableStore, Versioned } from './table-store';

const counts = z.record(z.string(), z.number().int().min(0));

const summarySchema = z.object({
  tenantId: z.string().min(1),
  serviceAreaId: z.string().min(1),
  year: z.number().int(),
  status: z.enum(['draft', 'published']),
  conclusions: z.partialRecord(z.enum(GROUP_THEMES), z.array(z.string())),
  competences: z.array(
    z.object({
      competenceId: z.string().min(1),
      self: counts,
      supervisor: counts,
      respondents: z.number().int().min(0),
    }),
  ),
  learningWaySplit: z.record(z.enum(LEARNING_WAYS), z.number()),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().min(1).nullable(),
  postFailure: z
    .object({ at: z.string(), reason: z.string(), keptId: z.string().min(1).optional() })
    .nullable()
    .default(null),
  channelPost: z
    .object({ conversationId: z.string().min(1), activityId: z.string().min(1) })
    .nullable()
    .default(null),
  history: z
    .array(
      z.object({
        action: z.enum(SUMMARY_EVENT_ACTIONS),
        at: z.string(),
        by: z.string().min(1),
        reason: z.string().nullable(),
      }),
    )
    .default([]),
  suppressed: z
    .object({
      small: z.number().int().min(0),
      change: z.number().int().min(0),
      hierarchy: z.number().int().min(0),
      complementary: z.number().int().min(0),
      wholeGroup: z.boolean(),
    })
    .nullable()
    .optional(),
}) satisfies z.ZodType<ServiceAreaSummary>;

type Identity = 'tenantId' | 'serviceAreaId' | 'year';

export class SummaryRepository {
  private readonly table: RecordTable<ServiceAreaSummary>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<ServiceAreaSummary>(store.tableName, summarySchema, [
        'conclusions',
        'competences',
        'learningWaySplit',
        'postFailure',
        'channelPost',
        'history',
        'suppressed',
      ]),
      key: (summary) => summaryKeys.key(summary.tenantId, summary.year, summary.serviceAreaId),
    });
  }

  async get(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
  ): Promise<Versioned<ServiceAreaSummary> | null> {
    return this.table.get(summaryKeys.key(tenantId, year, serviceAreaId));
  }

  /** AlreadyExistsError if the service area has the year's summary. */
  async create(summary: ServiceAreaSummary): Promise<Versioned<ServiceAreaSummary>> {
    return this.table.insert(summary);
  }

  async update(
    read: Versioned<ServiceAreaSummary>,
    changes: Changes<ServiceAreaSummary, Identity>,
  ): Promise<Versioned<ServiceAreaSummary>> {
    return this.table.update(read, changes);
  }

  /** The year's summaries: one row per service area, so a bounded range read. */
  async listForYear(tenantId: TenantId, year: number): Promise<Versioned<ServiceAreaSummary>[]> {
    return this.table.list(rowKeyPrefixFilter(summaryKeys.partition(tenantId), summaryKeys.yearPrefix(year)));
  }
}
