/**
 * Runs each tenant's day of reminders once a day, from a local hour on (the organisation's time zone), and on
 * start-up if that hour has passed: a server that was down at the hour catches up. Every server instance may run
 * it; the campaigns' idempotency keeps a day from being sent twice.
 */
import { localParts } from '../domain/organisation-time';
import { REMINDER_CHECK_EVERY_MS, REMINDERS_FROM_HOUR } from '../tunables';
import { describeError, type Logger } from '../logging';

export interface ReminderScheduleOptions {
  tenants(): AsyncIterable<string>;
  runDay(tenantId: string, date: string): Promise<unknown>;
  now(): Date;
  logger: Logger;
  /** The local hour from which a day's reminders go out. */
  fromHour?: number;
  checkEveryMs?: number;
}

export function startReminderSchedule(options: ReminderScheduleOptions): { stop(): Promise<void> } {
  const fromHour = options.fromHour ?? REMINDERS_FROM_HOUR;
  let lastDay = '';
  let running: Promise<void> = Promise.resolve();
  const check = async (): Promise<void> => {
    const now = options.now();
    const { date: today, hour } = localParts(now);
    if (today === lastDay || hour < fromHour) return;
    for await (const tenantId of options.tenants()) {
      try {
        await options.runDay(tenantId, today);
      } catch (error) {
        // One tenant's failure does not hold back the others; the next check tries it again.
        options.logger.error('clock.dayFailed', { tenantId, date: today, ...describeError(error) });
        return;
      }
    }
    lastDay = today;
  };
  const tick = (): void => {
    running = running.then(check);
  };
  tick();
  const timer = setInterval(tick, options.checkEveryMs ?? REMINDER_CHECK_EVERY_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
