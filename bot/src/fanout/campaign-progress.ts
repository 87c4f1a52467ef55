/**
 * What HR sees while a send runs and afterwards: counts by state, and every recipient the send did not reach
 * (blocked, not installed, failed), so nobody is skipped silently.
 */
import type { CampaignStores } from './start-campaign';
import type { DeliveryState } from './delivery';
import type { StateCounts } from './delivery-repository';

export interface CampaignProgress {
  campaignId: string;
  label: string;
  total: number;
  counts: StateCounts;
  /** Deliveries that may have reached their recipient twice (see delivery-worker.ts). */
  uncertain: number;
  /** Every delivery is in a final state. */
  finished: boolean;
}

export interface UndeliveredRecipient {
  recipientKey: string;
  state: Extract<DeliveryState, 'blocked' | 'notInstalled' | 'failed'>;
  lastError: string | null;
}

export async function campaignProgress(
  stores: Pick<CampaignStores, 'campaigns' | 'deliveries'>,
  tenantId: string,
  campaignId: string,
): Promise<CampaignProgress | null> {
  const campaign = await stores.campaigns.get(tenantId, campaignId);
  if (!campaign) return null;
  const { counts, uncertain } = await stores.deliveries.countByState(tenantId, campaignId);
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return {
    campaignId,
    label: campaign.value.label,
    total,
    counts,
    uncertain,
    finished: campaign.value.materialised && counts.pending === 0 && counts.sending === 0,
  };
}

export async function undeliveredRecipients(
  stores: Pick<CampaignStores, 'deliveries'>,
  tenantId: string,
  campaignId: string,
): Promise<UndeliveredRecipient[]> {
  const deliveries = await stores.deliveries.all(tenantId, campaignId);
  return deliveries.flatMap(({ value }) =>
    value.state === 'blocked' || value.state === 'notInstalled' || value.state === 'failed'
      ? [{ recipientKey: value.recipientKey, state: value.state, lastError: value.lastError }]
      : [],
  );
}
