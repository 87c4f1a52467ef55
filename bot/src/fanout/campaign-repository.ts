/**
 * FanoutCampaigns: one row per campaign in the tenant's partition; the campaign id is the idempotency key. A copy
 * of each, written in the same transaction, lists the tenant's campaigns newest first (fanout-keys.ts).
 */
import { z } from 'zod';
import { rowKeyPrefixFilter } from '../storage/keys';
import { RecordCodec } from '../storage/record-codec';
import { RecordTable, type PageRequest } from '../storage/record-table';
import type { Page, TableStore, Versioned } from '../storage/table-store';
import { DELIVERY_STATES } from './delivery';
import type { StateCounts } from './delivery-repository';
import { campaignKeys } from './fanout-keys';

export interface Campaign {
  tenantId: string;
  campaignId: string;
  /** What the campaign is, as a stable code (e.g. "reminder.deadlineApproaching"); shown to HR translated. */
  label: string;
  total: number;
  /** Every delivery row exists and every batch was queued. */
  materialised: boolean;
  createdAt: string;
  /** The counts once every delivery is final (they never change then), so listing past sends reads no rows. */
  finalCounts: FinalCounts | null;
}

export interface FinalCounts {
  counts: StateCounts;
  uncertain: number;
}

const campaignSchema = z.object({
  tenantId: z.string().min(1),
  campaignId: z.string().min(1),
  label: z.string().min(1),
  total: z.number().int().min(0),
  materialised: z.boolean(),
  createdAt: z.string().datetime(),
  finalCounts: z
    .object({
      counts: z.record(z.enum(DELIVERY_STATES), z.number().int().min(0)),
      uncertain: z.number().int().min(0),
    })
    .nullable()
    .default(null),
}) satisfies z.ZodType<Campaign>;

export class CampaignRepository {
  private readonly table: RecordTable<Campaign>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<Campaign>(store.tableName, campaignSchema, ['finalCounts']),
      key: (campaign) => campaignKeys.key(campaign.tenantId, campaign.campaignId),
      copies: (campaign) => [campaignKeys.recentRow(campaign.campaignId, campaign.createdAt)],
    });
  }

  async get(tenantId: string, campaignId: string): Promise<Versioned<Campaign> | null> {
    return this.table.get(campaignKeys.key(tenantId, campaignId));
  }

  /** A page of the tenant's campaigns, newest first. */
  async listRecent(tenantId: string, page: PageRequest = {}): Promise<Page<Campaign>> {
    return this.table.pageCopies(
      rowKeyPrefixFilter(campaignKeys.partition(tenantId), campaignKeys.recentPrefix),
      page,
    );
  }

  /** AlreadyExistsError if the campaign exists. */
  async create(campaign: Omit<Campaign, 'finalCounts'>): Promise<Versioned<Campaign>> {
    return this.table.insert({ ...campaign, finalCounts: null });
  }

  /** ConcurrencyConflictError if the campaign changed since `read`. */
  async update(
    read: Versioned<Campaign>,
    changes: Partial<Pick<Campaign, 'materialised' | 'total' | 'finalCounts'>>,
  ): Promise<Versioned<Campaign>> {
    return this.table.update(read, changes);
  }
}
