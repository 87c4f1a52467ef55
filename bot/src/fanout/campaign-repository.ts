/** FanoutCampaigns: one row per campaign in the tenant's partition; the campaign id is the idempotency key. */
import { z } from 'zod';
import { RecordCodec } from '../storage/record-codec';
import type { TableStore, Versioned } from '../storage/table-store';
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
}

const campaignSchema = z.object({
  tenantId: z.string().min(1),
  campaignId: z.string().min(1),
  label: z.string().min(1),
  total: z.number().int().min(0),
  materialised: z.boolean(),
  createdAt: z.string(),
}) satisfies z.ZodType<Campaign>;

export class CampaignRepository {
  private readonly codec: RecordCodec<Campaign>;

  constructor(private readonly store: TableStore) {
    this.codec = new RecordCodec<Campaign>(store.tableName, campaignSchema, []);
  }

  async get(tenantId: string, campaignId: string): Promise<Versioned<Campaign> | null> {
    const key = campaignKeys.key(tenantId, campaignId);
    const read = await this.store.get(key.partitionKey, key.rowKey);
    return read && { value: this.codec.decode(read.value), etag: read.etag };
  }

  /** AlreadyExistsError if the campaign exists. */
  async create(campaign: Campaign): Promise<Versioned<Campaign>> {
    const etag = await this.store.insert(
      this.codec.row(campaignKeys.key(campaign.tenantId, campaign.campaignId), campaign),
    );
    return { value: campaign, etag };
  }

  async update(
    read: Versioned<Campaign>,
    changes: Pick<Campaign, 'materialised'>,
  ): Promise<Versioned<Campaign>> {
    const value = { ...read.value, ...changes };
    const etag = await this.store.replace(
      this.codec.row(campaignKeys.key(value.tenantId, value.campaignId), value),
      read.etag,
    );
    return { value, etag };
  }
}
