/**
 * The service of bench:app-memory: `startApp` exactly as bot/src/index.ts starts it (configuration from the
 * environment, every feature, the reminder schedule and its fan-out worker), bundled to JavaScript and run under
 * plain `node` with production's heap flags. Only its clock differs: BENCH_NOW is the moment it starts at (a day
 * of the annual clock that has reminders), and time runs on from there, so the schedule plans that day at once.
 * IPC: → { started: url } once it serves; 'stop' stops it and exits.
 */
import { startApp } from '../bot/src/app';
import { loadConfig } from '../bot/src/config';

async function main(): Promise<void> {
  const startsAt = Date.parse(process.env.BENCH_NOW ?? '');
  if (Number.isNaN(startsAt)) throw new Error('BENCH_NOW is not set');
  const offset = startsAt - Date.now();
  const app = await startApp(loadConfig(process.env), { now: () => new Date(Date.now() + offset) });
  process.on('message', (message: string) => {
    if (message === 'stop') void app.stop().then(() => process.exit(0));
  });
  process.send?.({ started: app.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
