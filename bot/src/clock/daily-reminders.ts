/**
 * One day of the annual clock for a tenant: plan the day's reminders (due-reminders.ts) and hand each campaign to
 * the fan-out. Safe to run again, or from two servers at once: a campaign that exists is not started twice.
 */
import { mapConcurrentlyInChunks } from '../storage/bounded-concurrency';
import type { Repositories } from '../storage/repositories';
import type { Fanout } from '../fanout/fanout-engine';
import type { StartOutcome } from '../fanout/start-campaign';
import type { Logger } from '../logging';
import { dueReminders, yearsConcerned } from '../domain/due-reminders';
import { loadSnapshot, type SnapshotRepositories } from './load-snapshot';
import type { Reminder } from '../domain/reminder';
import type { ReminderPayload } from './reminder-card';
import type { ReminderAddresses } from './reminder-addresses';
import { ADDRESS_CHUNK, ADDRESS_CONCURRENCY } from '../tunables';
import type { DeliveryRequest } from '../fanout/delivery';

export interface DailyReminderDeps {
  repositories: SnapshotRepositories & Pick<Repositories, 'annualClocks'>;
  fanout: Pick<Fanout, 'start' | 'campaigns'>;
  addresses: ReminderAddresses;
  logger: Logger;
}

export interface CampaignRun {
  campaignId: string;
  recipients: number;
  outcome: StartOutcome;
}

/** A stable code for HR's list of sends, e.g. "reminder.deadlineApproaching.trainingPlans.channel". */
function labelOf(reminder: Reminder): string {
  const { kind, phase, audience } = reminder.message;
  return `reminder.${kind}.${phase}.${audience}`;
}

export async function runRemindersForDay(
  deps: DailyReminderDeps,
  tenantId: string,
  date: string,
): Promise<CampaignRun[]> {
  const { repositories, fanout, addresses, logger } = deps;
  const clock = await repositories.annualClocks.inEffect(tenantId);
  const areaIds = (await repositories.serviceAreas.list(tenantId)).map((area) => area.value.id);
  const snapshot = await loadSnapshot(repositories, tenantId, yearsConcerned(clock, areaIds, date));
  const people = new Map(snapshot.people.map((person) => [person.id, person]));

  const campaigns = new Map<string, Reminder[]>();
  for (const reminder of dueReminders(clock, snapshot, date)) {
    const reminders = campaigns.get(reminder.campaignId);
    if (reminders) reminders.push(reminder);
    else campaigns.set(reminder.campaignId, [reminder]);
  }
  const runs: CampaignRun[] = [];
  for (const [campaignId, reminders] of campaigns) {
    const existing = await fanout.campaigns.get(tenantId, campaignId);
    if (existing?.value.materialised) {
      runs.push({ campaignId, recipients: existing.value.total, outcome: 'alreadyStarted' });
      continue;
    }
    // Each address is looked up as its page of the campaign is written (start-campaign.ts): a city-wide day holds
    // a chunk of deliveries at a time, not one per person of the city.
    const deliveries = mapConcurrentlyInChunks(
      reminders,
      ADDRESS_CONCURRENCY,
      ADDRESS_CHUNK,
      async (reminder): Promise<DeliveryRequest> => {
        const person =
          reminder.recipient.kind === 'person' ? people.get(reminder.recipient.personId) : undefined;
        const payload: ReminderPayload = {
          locale: reminder.locale,
          message: reminder.message,
          personId: person?.id ?? null,
        };
        return {
          recipientKey: reminder.recipientKey,
          target: await addresses.targetOf(tenantId, reminder.recipient, person),
          payload,
        };
      },
    );
    const outcome = await fanout.start({
      tenantId,
      campaignId,
      label: labelOf(reminders[0] as Reminder),
      deliveries,
    });
    runs.push({ campaignId, recipients: reminders.length, outcome });
  }
  logger.info('clock.dayPlanned', {
    tenantId,
    date,
    campaigns: runs.length,
    started: runs.filter((run) => run.outcome !== 'alreadyStarted').length,
    recipients: runs.reduce((sum, run) => sum + run.recipients, 0),
  });
  return runs;
}
