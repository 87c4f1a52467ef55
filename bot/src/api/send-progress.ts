/**
 * The progress of the annual clock's reminder sends, for HR: the fan-out has no list of campaigns, but the
 * clock's campaign ids are a function of the date, the reminder kind, the phase and a scope (the audience, or the
 * escalation step), so the sends of recent days are found by asking the fan-out for each id those days could have. Counts only; who was not reached stays
 * with the fan-out.
 */
import { clockEventsOn } from '../clock/due-reminders';
import { AUDIENCES, campaignId, type ReminderKind } from '../clock/reminder';
import type { CampaignProgress } from '../fanout/campaign-progress';
import type { StateCounts } from '../fanout/delivery-repository';
import type { Repositories } from '../storage/repositories';
import { organisationDate, tenantClock } from './organisation-clock';

/** How many days back a send still counts as recent. */
export const SEND_LOOKBACK_DAYS = 7;

export interface SendProgress {
  campaignId: string;
  date: string;
  kind: ReminderKind;
  phaseId: string;
  total: number;
  counts: StateCounts;
  uncertain: number;
  finished: boolean;
}

export interface SendProgressSource {
  list(tenantId: string): Promise<SendProgress[]>;
}

interface Candidate {
  campaignId: string;
  date: string;
  kind: ReminderKind;
  phaseId: string;
}

function daysBack(today: string, days: number): string[] {
  const start = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days + 1 }, (_, i) =>
    new Date(start - i * 86_400_000).toISOString().slice(0, 10),
  );
}

export function clockSendProgress(
  repositories: Pick<Repositories, 'annualClocks' | 'serviceAreas'>,
  progress: (tenantId: string, campaignId: string) => Promise<CampaignProgress | null>,
  now: () => Date,
): SendProgressSource {
  return {
    async list(tenantId) {
      const [clock, areas] = await Promise.all([
        tenantClock(repositories, tenantId),
        repositories.serviceAreas.list(tenantId),
      ]);
      const areaIds = areas.map((read) => read.value.id);
      const preparationPhases = clock.phases.filter((phase) => phase.kind === 'developmentDiscussions');
      const candidates = new Map<string, Candidate>();
      const add = (
        date: string,
        kind: ReminderKind,
        phaseId: string,
        scopes: ReadonlyArray<string | number>,
      ): void => {
        for (const scope of scopes) {
          const id = campaignId(date, kind, phaseId, scope);
          candidates.set(id, { campaignId: id, date, kind, phaseId });
        }
      };
      for (const date of daysBack(organisationDate(now()), SEND_LOOKBACK_DAYS)) {
        for (const event of clockEventsOn(clock, areaIds, date)) {
          if (event.kind === 'overdue' && event.step !== null) {
            add(date, 'overdue', event.window.phaseId, [event.step]);
            add(date, 'escalation', event.window.phaseId, [event.step]);
          } else add(date, event.kind, event.window.phaseId, AUDIENCES);
        }
        for (const phase of preparationPhases) add(date, 'preparationDue', phase.id, AUDIENCES);
      }
      const found = await Promise.all(
        [...candidates.values()].map(async (candidate) => ({
          candidate,
          progress: await progress(tenantId, candidate.campaignId),
        })),
      );
      return found
        .flatMap(({ candidate, progress: p }) =>
          p
            ? [
                {
                  ...candidate,
                  total: p.total,
                  counts: p.counts,
                  uncertain: p.uncertain,
                  finished: p.finished,
                },
              ]
            : [],
        )
        .sort((a, b) => b.date.localeCompare(a.date) || a.campaignId.localeCompare(b.campaignId));
    },
  };
}
