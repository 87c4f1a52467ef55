/**
 * The reminder sends for HR: the fan-out's campaigns of the tenant, newest first, a page at a time, each with its
 * counts by delivery state. A clock campaign's id names its day, reminder kind, phase and scope (reminder.ts).
 * Counts only; who was not reached stays with the fan-out.
 *
 * A reminder sent to those whose part is still open (every clock kind but `phaseOpened`) has as many recipients as
 * there were open: two sends of one series (phase, kind, audience) differ by how many finished in between. Such a
 * send's counts are shown only when its total moved by 0 or at least the anonymity threshold since the last total
 * of its series shown (the series starts from the phase's opening send to the same audience, which went to
 * everyone); otherwise its counts are null (docs/anonymity.md, rule 10).
 */
import { parseCampaignId } from '../domain/reminder';
import { isProactiveRetry } from '../fanout/proactive-retries';
import type { CampaignProgress } from '../fanout/campaign-progress';
import type { SendProgress, SendsPage } from '../contract/hr';
import type { PageRequest } from '../storage/record-table';
import type { Page } from '../storage/table-store';
import { organisationDate } from '../domain/organisation-time';
import { MAX_HISTORY_PAGES, SENDS_PAGE_SIZE } from '../tunables';

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

/** The series a send's total can be compared within, or null for a send that went to everyone it concerns. */
function seriesOf(send: SendProgress): { key: string; opening: string | null } | null {
  if (!send.phaseId || send.kind === 'phaseOpened' || send.kind === send.label) return null;
  // An overdue or escalation send's scope is its step: the steps of one phase are one series.
  const byStep = send.kind === 'overdue' || send.kind === 'escalation';
  return {
    key: [send.phaseId, send.kind, byStep ? '' : send.scope].join('|'),
    opening: byStep ? null : `${send.phaseId}|${send.scope}`,
  };
}

/** The campaigns whose counts are not shown (rule 10), from every send of the tenant in any order. */
export function withheldSends(all: readonly SendProgress[], threshold: number): Set<string> {
  const withheld = new Set<string>();
  const lastShown = new Map<string, number>();
  const opened = new Map<string, number>();
  const inOrder = [...all].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.campaignId.localeCompare(b.campaignId),
  );
  for (const send of inOrder) {
    if (send.total === null) continue;
    if (send.kind === 'phaseOpened' && send.phaseId) opened.set(`${send.phaseId}|${send.scope}`, send.total);
    const series = seriesOf(send);
    if (!series) continue;
    const before = lastShown.get(series.key) ?? (series.opening ? opened.get(series.opening) : undefined);
    const moved = before === undefined ? 0 : Math.abs(send.total - before);
    if (moved > 0 && moved < threshold) withheld.add(send.campaignId);
    else lastShown.set(series.key, send.total);
  }
  return withheld;
}

export function fanoutSendProgress(
  recent: (tenantId: string, page: PageRequest) => Promise<Page<CampaignProgress>>,
  threshold: (tenantId: string) => Promise<number>,
): SendProgressSource {
  const reminderSends = (page: Page<CampaignProgress>): SendProgress[] =>
    // The kept single sends (an invitation retried, …) are not reminder sends.
    page.items.filter((item) => !isProactiveRetry(item.campaignId)).map(sendOf);
  return {
    async list(tenantId, continuationToken) {
      const [page, k] = await Promise.all([
        recent(tenantId, { pageSize: SENDS_PAGE_SIZE, continuationToken }),
        threshold(tenantId),
      ]);
      const all: SendProgress[] = [];
      let token: string | undefined;
      for (let pages = 0; pages < MAX_HISTORY_PAGES; pages++) {
        const history = await recent(tenantId, { pageSize: SENDS_PAGE_SIZE, continuationToken: token });
        all.push(...reminderSends(history));
        token = history.continuationToken;
        if (!token) break;
      }
      const withheld = withheldSends(all, k);
      const sends = reminderSends(page).map((send) =>
        withheld.has(send.campaignId) ? { ...send, total: null, counts: null, uncertain: null } : send,
      );
      return { sends, continuationToken: page.continuationToken };
    },
  };
}
