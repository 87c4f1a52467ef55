/**
 * The annual clock's reminders in a running server: the daily schedule plans each tenant's reminders into
 * campaigns, and a fan-out worker delivers them (with the other servers' workers). A feature module starts it.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging';
import type { Repositories } from '../storage/repositories';
import type { StorageAccount } from '../storage/storage-account';
import { openFanout } from '../fanout/fanout-engine';
import type { MessageSender } from '../fanout/message-sender';
import { runRemindersForDay } from './daily-reminders';
import { reminderActivity, type ReminderLinks, type ReminderPayload } from './reminder-card';
import { storedAddresses, type ChannelDirectory } from './reminder-addresses';
import { startReminderSchedule } from './reminder-schedule';
import { addressKeeping } from '../fanout/address-keeping';

export interface ReminderServiceSettings {
  sender: MessageSender;
  channels: ChannelDirectory;
  links: () => ReminderLinks;
  /** Where new 1:1 conversations are created; null where there is no Teams (local runs). */
  serviceUrl: string | null;
  fromHour?: number;
}

export async function startReminderService(
  context: { repositories: Repositories; storage: StorageAccount; logger: Logger; now(): Date },
  settings: ReminderServiceSettings,
): Promise<() => Promise<void>> {
  const { repositories, logger } = context;
  const fanout = await openFanout(context.storage);
  const worker = fanout.worker(
    {
      sender: settings.sender,
      render: (delivery) => reminderActivity(delivery.payload as ReminderPayload, settings.links()),
      ...addressKeeping(repositories.conversationReferences),
      logger,
    },
    { owner: randomUUID() },
  );
  worker.start();
  const addresses = storedAddresses(
    repositories.conversationReferences,
    settings.channels,
    settings.serviceUrl,
  );
  const schedule = startReminderSchedule({
    tenants: async function* () {
      for await (const organisation of repositories.organisations.scanAll())
        yield organisation.value.tenantId;
    },
    runDay: (tenantId, date) =>
      runRemindersForDay({ repositories, fanout, addresses, logger }, tenantId, date),
    now: context.now,
    logger,
    fromHour: settings.fromHour,
  });
  return async () => {
    await schedule.stop();
    await worker.stop();
  };
}
