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
  deliveries: readonly DeliveryRequest[];
}

export type StartOutcome = 'started' | 'resumed' | 'alreadyStarted';

export async function startCampaign(
  stores: CampaignStores,
  request: CampaignRequest,
  now: Date = new Date(),
): Promise<StartOutcome> {
  const { tenantId, campaignId } = request;
  const keys = new Set(request.deliveries.map((delivery) => delivery.recipientKey));
  if (keys.size !== request.deliveries.length) throw new Error('A campaign names each recipient once.');

  let campaign = await stores.campaigns.get(tenantId, campaignId);
  if (campaign?.value.materialised) return 'alreadyStarted';
  const outcome: StartOutcome = campaign ? 'resumed' : 'started';
  if (!campaign) {
    try {
      campaign = await stores.campaigns.create({
        tenantId,
        campaignId,
        label: request.label,
        total: request.deliveries.length,
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

  const buckets = await stores.deliveries.createMissing(tenantId, campaignId, request.deliveries, now);
  for (const bucket of buckets) await stores.queue.enqueue({ tenantId, campaignId, bucket });
  try {
    await stores.campaigns.update(campaign, { materialised: true });
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
  return outcome;
}
