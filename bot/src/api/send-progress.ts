/**
 * The reminder sends for HR: the fan-out's campaigns of the tenant, newest first, a page at a time, each with its
 * counts by delivery state. A clock campaign's id names its day, reminder kind, phase and scope (reminder.ts).
 * Counts only; who was not reached stays with the fan-out.
 */
import { parseCampaignId } from '../clock/reminder';
import { isProactiveRetry } from '../fanout/proactive-retries';
import type { CampaignProgress } from '../fanout/campaign-progress';
import type { SendProgress, SendsPage } from '../contract/hr';
import type { PageRequest } from '../storage/record-table';
import type { Page } from '../storage/table-store';
import { organisationDate } from '../domain/organisation-time';
import { SENDS_PAGE_SIZE } from '../tunables';

export interface SendProgressSource {
  list(tenantId: string, continuationToken?: string): Promise<SendsPage>;
}

function sendOf(progress: CampaignProgress): SendProgress {
  const parsed = parseCampaignId(progress.campaignId);
  return {
    campaignId: progress.campaignId,
    date: parsed?.date ?? organisationDate(new Date(progress.createdAt)),
    kind: parsed?.kind ?? progress.label,
    phaseId: parsed?.phaseId ?? '',
    scope: parsed?.scope ?? '',
    label: progress.label,
    createdAt: progress.createdAt,
    total: progress.total,
    counts: progress.counts,
    uncertain: progress.uncertain,
    finished: progress.finished,
  };
}

export function fanoutSendProgress(
  recent: (tenantId: string, page: PageRequest) => Promise<Page<CampaignProgress>>,
): SendProgressSource {
  return {
    async list(tenantId, continuationToken) {
      const page = await recent(tenantId, { pageSize: SENDS_PAGE_SIZE, continuationToken });
      // The kept single sends (an invitation retried, …) are not reminder sends.
      const sends = page.items.filter((item) => !isProactiveRetry(item.campaignId)).map(sendOf);
      return { sends, continuationToken: page.continuationToken };
    },
  };
}
