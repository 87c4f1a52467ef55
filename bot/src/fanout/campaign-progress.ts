/**
 * What HR sees while a send runs and afterwards: counts by state, and every recipient the send did not reach
 * (blocked, not installed, failed, no channel), so nobody is skipped silently.
 */
import type { PageRequest } from '../storage/record-table';
import type { Page } from '../storage/table-store';
import { ConcurrencyConflictError } from '../storage/errors';
import type { Campaign, FinalCounts } from './campaign-repository';
import type { CampaignStores } from './start-campaign';
import type { DeliveryState } from './delivery';
import type { CampaignProgress } from '../contract/hr';

export type { CampaignProgress };

export interface UndeliveredRecipient {
  recipientKey: string;
  state: Extract<DeliveryState, 'blocked' | 'notInstalled' | 'failed' | 'noChannel'>;
  lastError: string | null;
}

export async function campaignProgress(
  stores: Pick<CampaignStores, 'campaigns' | 'deliveries'>,
  tenantId: string,
  campaignId: string,
): Promise<CampaignProgress | null> {
  const campaign = await stores.campaigns.get(tenantId, campaignId);
  return campaign && progressOf(stores, campaign.value);
}

/** A page of the tenant's campaigns, newest first, each with its counts. */
export async function recentCampaigns(
  stores: Pick<CampaignStores, 'campaigns' | 'deliveries'>,
  tenantId: string,
  page: PageRequest,
): Promise<Page<CampaignProgress>> {
  const campaigns = await stores.campaigns.listRecent(tenantId, page);
  return {
    items: await Promise.all(campaigns.items.map((campaign) => progressOf(stores, campaign))),
    continuationToken: campaigns.continuationToken,
  };
}

/** A campaign's counts: kept on its row once it has finished, otherwise counted from its deliveries. */
async function progressOf(
  stores: Pick<CampaignStores, 'campaigns' | 'deliveries'>,
  campaign: Campaign,
): Promise<CampaignProgress> {
  const { counts, uncertain } =
    campaign.finalCounts ?? (await stores.deliveries.countByState(campaign.tenantId, campaign.campaignId));
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const finished = campaign.materialised && counts.pending === 0 && counts.sending === 0;
  if (finished && !campaign.finalCounts) await keepFinalCounts(stores, campaign, { counts, uncertain });
  return {
    campaignId: campaign.campaignId,
    label: campaign.label,
    createdAt: campaign.createdAt,
    total,
    counts,
    uncertain,
    finished,
  };
}

async function keepFinalCounts(
  stores: Pick<CampaignStores, 'campaigns'>,
  campaign: Campaign,
  finalCounts: FinalCounts,
): Promise<void> {
  const read = await stores.campaigns.get(campaign.tenantId, campaign.campaignId);
  if (!read || read.value.finalCounts) return;
  try {
    await stores.campaigns.update(read, { finalCounts });
  } catch (error) {
    // Another reader kept them first: the same counts.
    if (!(error instanceof ConcurrencyConflictError)) throw error;
  }
}

export async function undeliveredRecipients(
  stores: Pick<CampaignStores, 'deliveries'>,
  tenantId: string,
  campaignId: string,
): Promise<UndeliveredRecipient[]> {
  const deliveries = await stores.deliveries.all(tenantId, campaignId);
  return deliveries.flatMap(({ value }) =>
    value.state === 'blocked' ||
    value.state === 'notInstalled' ||
    value.state === 'failed' ||
    value.state === 'noChannel'
      ? [{ recipientKey: value.recipientKey, state: value.state, lastError: value.lastError }]
      : [],
  );
}
