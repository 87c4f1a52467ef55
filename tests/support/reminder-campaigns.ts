/**
 * A reminder campaign as the clock's sender leaves it once materialised: the campaign row and one pending delivery
 * per recipient, written straight into the fan-out's tables (what HR's send history reads), without sending.
 */
import type { StorageAccount } from '../../bot/src/storage/storage-account';
import { openFanout } from '../../bot/src/fanout/fanout-engine';

export interface StoredCampaign {
  tenantId: string;
  campaignId: string;
  label: string;
  createdAt: Date;
  /** Each delivery's recipient key (`person:<id>`); the campaign's total is their number. */
  recipientKeys: readonly string[];
  /** The Bot Connector the deliveries would go to. */
  serviceUrl: string;
}

export async function storeMaterialisedCampaign(
  storage: StorageAccount,
  campaign: StoredCampaign,
): Promise<void> {
  const fanout = await openFanout(storage);
  await fanout.campaigns.create({
    tenantId: campaign.tenantId,
    campaignId: campaign.campaignId,
    label: campaign.label,
    total: campaign.recipientKeys.length,
    materialised: true,
    createdAt: campaign.createdAt.toISOString(),
  });
  await fanout.deliveries.createMissing(
    campaign.tenantId,
    campaign.campaignId,
    campaign.recipientKeys.map((recipientKey, i) => ({
      recipientKey,
      target: { kind: 'conversation' as const, serviceUrl: campaign.serviceUrl, conversationId: `a:${i}` },
      payload: {},
    })),
    campaign.createdAt,
  );
}

/** `person:p-0` … `person:p-<count − 1>`. */
export const numberedRecipients = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `person:p-${i}`);
