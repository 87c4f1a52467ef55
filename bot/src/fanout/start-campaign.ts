/**
 * Materialises a send: the campaign row, one delivery row per recipient, and one queue message per bucket of
 * rows (fanout-keys.ts). Idempotent and safe to re-run after a crash at any point: existing rows keep their progress, a batch
 * queued twice is harmless (its deliveries are leased), and a campaign already materialised is left alone, so
 * running the same day's reminders twice sends nothing twice.
 */
import { AlreadyExistsError, ConcurrencyConflictError } from '../storage/errors';
import type { CampaignRepository } from './campaign-repository';
import type { DeliveryRequest } from './delivery';
import type { DeliveryRepository } from './delivery-repository';
import type { FanoutQueue } from './fanout-queue';
import { FANOUT_CAMPAIGN_LEAD_SECONDS } from '../tunables';

export interface CampaignStores {
  campaigns: CampaignRepository;
  deliveries: DeliveryRepository;
  queue: FanoutQueue;
}

export interface CampaignRequest {
  tenantId: string;
  /** The idempotency key: the same id is never sent twice. */
  campaignId: string;
  label: string;
  /**
   * Each recipient once. Any iterable, synchronous or not: a generator lets a city-wide send be written page by
   * page without building all its requests first (delivery-repository.ts, createMissing), and an asynchronous one
   * lets each request be looked up (its address) only as its page is written (clock/daily-reminders.ts).
   */
  deliveries: Iterable<DeliveryRequest> | AsyncIterable<DeliveryRequest>;
}

/**
 * How a campaign's batches are spread over time. Each bucket's message becomes visible only shortly before the
 * tenant's rate could reach its rows: at `ratePerSecond`, the rows ahead of it take rowsAhead/rate seconds, and
 * the message shows `leadSeconds` earlier. So the queue never holds more of one campaign's work in view than the
 * tenant can send soon, and another organisation's small send queued after a city-wide one is taken at once
 * instead of waiting behind it (first in, first out). Late batches are harmless: a message that shows early
 * only waits in a worker for its send times, as every batch did before.
 */
export interface CampaignPace {
  ratePerSecond: number;
  leadSeconds: number;
}

/** What a worker can keep ahead of the rate without holding a large campaign's rows in memory (tunables.ts). */
export const DEFAULT_CAMPAIGN_LEAD_SECONDS = FANOUT_CAMPAIGN_LEAD_SECONDS;

export type StartOutcome = 'started' | 'resumed' | 'alreadyStarted';

const DUPLICATE_RECIPIENT = 'A campaign names each recipient once.';

/** An array is checked before anything is written; other iterables as their rows are (a page may be stored). */
function uniqueRecipients(deliveries: readonly DeliveryRequest[]): void {
  const keys = new Set(deliveries.map((delivery) => delivery.recipientKey));
  if (keys.size !== deliveries.length) throw new Error(DUPLICATE_RECIPIENT);
}

export async function startCampaign(
  stores: CampaignStores,
  request: CampaignRequest,
  pace: CampaignPace,
  now: Date = new Date(),
): Promise<StartOutcome> {
  const { tenantId, campaignId, deliveries } = request;
  if (Array.isArray(deliveries)) uniqueRecipients(deliveries);

  let campaign = await stores.campaigns.get(tenantId, campaignId);
  if (campaign?.value.materialised) return 'alreadyStarted';
  const outcome: StartOutcome = campaign ? 'resumed' : 'started';
  if (!campaign) {
    try {
      campaign = await stores.campaigns.create({
        tenantId,
        campaignId,
        label: request.label,
        // Counted while the rows are written when the requests are not an array (kept with `materialised`).
        total: Array.isArray(deliveries) ? deliveries.length : 0,
        materialised: false,
        createdAt: now.toISOString(),
      });
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      // Another process is materialising the same campaign: finishing it twice is harmless.
      campaign = await stores.campaigns.get(tenantId, campaignId);
      if (!campaign || campaign.value.materialised) return 'alreadyStarted';
    }
  }

  // Only the recipient keys are kept while the rows are written, to refuse a request that names one twice.
  const keys = new Set<string>();
  const buckets = await stores.deliveries.createMissing(tenantId, campaignId, deliveries, now, (delivery) => {
    if (keys.has(delivery.recipientKey)) throw new Error(DUPLICATE_RECIPIENT);
    keys.add(delivery.recipientKey);
  });
  const total = keys.size;
  keys.clear();
  let rowsAhead = 0;
  for (const { bucket, rows } of buckets) {
    const delay = rowsAhead / pace.ratePerSecond - pace.leadSeconds;
    await stores.queue.enqueue({ tenantId, campaignId, bucket }, delay);
    rowsAhead += rows;
  }
  try {
    await stores.campaigns.update(campaign, { materialised: true, total });
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
  return outcome;
}
