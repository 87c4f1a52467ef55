/**
 * The fan-out's tables and keys (same conventions as storage/keys.ts: tenant first, parts encoded by keyPart).
 * - FanoutCampaigns: the tenant's partition, one row per campaign (campaign ids start with a date), and a copy
 *   of each under `recent|`, newest first, for HR's list of sends.
 * - FanoutDeliveries: a campaign's rows are spread over DELIVERY_BUCKETS partitions by a hash of the recipient
 *   key, so a row is found from campaign + recipient alone; each bucket is one queue message's batch (one
 *   partition read), and partitions stay small (Azurite's point operations slow down with partition size).
 * - FanoutPacing: the tenant's shared rate-limit row, and one row per conversation with its recent sends.
 */
import { fnv1a } from '../storage/fingerprint';
import { keyPart, type EntityKey } from '../storage/keys';
import { LATEST_ROW_TIME_MS } from '../tunables';

export const FANOUT_TABLES = {
  campaigns: 'FanoutCampaigns',
  deliveries: 'FanoutDeliveries',
  pacing: 'FanoutPacing',
} as const;

/** The queue the workers share; one for all tenants. */
export const FANOUT_QUEUE = 'fanout';

const tenant = (tenantId: string): string => keyPart(tenantId, 'tenant id');

export const campaignKeys = {
  partition: tenant,
  key: (tenantId: string, campaignId: string): EntityKey => ({
    partitionKey: tenant(tenantId),
    rowKey: keyPart(campaignId, 'campaign id'),
  }),
  /**
   * The campaign's copy under `recent|`, keyed by the time left until LATEST_ROW_TIME_MS, so the tenant's campaigns read
   * newest first, page by page (Table Storage only reads row keys in ascending order).
   */
  recentRow: (campaignId: string, createdAt: string): string =>
    `recent|${String(LATEST_ROW_TIME_MS - Date.parse(createdAt)).padStart(15, '0')}|${keyPart(campaignId, 'campaign id')}`,
  recentPrefix: 'recent|',
};

/** Buckets per campaign: about 80 rows each for 10,000 recipients, 300 for a city of 40,000. */
export const DELIVERY_BUCKETS = 128;

const campaignPart = (tenantId: string, campaignId: string): string =>
  `${tenant(tenantId)}|${keyPart(campaignId, 'campaign id')}`;

export const deliveryKeys = {
  bucketOf: (recipientKey: string): number => fnv1a(recipientKey) % DELIVERY_BUCKETS,
  partition: (tenantId: string, campaignId: string, bucket: number): string =>
    `${campaignPart(tenantId, campaignId)}|${String(bucket).padStart(3, '0')}`,
  key: (tenantId: string, campaignId: string, recipientKey: string): EntityKey => ({
    partitionKey: deliveryKeys.partition(tenantId, campaignId, deliveryKeys.bucketOf(recipientKey)),
    rowKey: keyPart(recipientKey, 'recipient key'),
  }),
  /** Every bucket's partition key lies in [from, to). */
  campaignRange: (tenantId: string, campaignId: string): { from: string; to: string } => ({
    from: `${campaignPart(tenantId, campaignId)}|`,
    to: `${campaignPart(tenantId, campaignId)}}`,
  }),
};

export const pacingKeys = {
  tenant: (tenantId: string): EntityKey => ({ partitionKey: tenant(tenantId), rowKey: 'tenant' }),
  conversation: (tenantId: string, conversationId: string): EntityKey => ({
    partitionKey: `${tenant(tenantId)}|${keyPart(conversationId, 'conversation id')}`,
    rowKey: 'conversation',
  }),
};
