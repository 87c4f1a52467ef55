/** The daily schedule: each tenant's day runs once, from the local hour on, and catches up after a restart. */
import { startReminderSchedule } from '../../bot/src/clock/reminder-schedule';
import { createLogger } from '../../bot/src/logging';

const quiet = createLogger('error', () => undefined);

async function runsAt(isoInstant: string): Promise<string[]> {
  const runs: string[] = [];
  const schedule = startReminderSchedule({
    tenants: async function* () {
      yield 'tenant-a';
      yield 'tenant-b';
    },
    runDay: async (tenantId, date) => {
      runs.push(`${tenantId} ${date}`);
    },
    now: () => new Date(isoInstant),
    logger: quiet,
    checkEveryMs: 10,
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  await schedule.stop();
  return runs;
}

test("from 8 o'clock Finnish time each tenant's day runs once, however often the schedule checks", async () => {
  // 06:30 UTC is 08:30 in Helsinki in winter.
  expect(await runsAt('2026-01-01T06:30:00Z')).toEqual(['tenant-a 2026-01-01', 'tenant-b 2026-01-01']);
});

test("before 8 o'clock nothing runs yet", async () => {
  expect(await runsAt('2026-01-01T05:30:00Z')).toEqual([]);
});

test('the hour is Finnish time, summer time included', async () => {
  expect(await runsAt('2026-07-01T05:30:00Z')).toEqual(['tenant-a 2026-07-01', 'tenant-b 2026-07-01']);
  expect(await runsAt('2026-01-01T05:30:00Z')).toEqual([]);
});
