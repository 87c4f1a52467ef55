/** Starts the real app (same wiring as `npm start`) on the suite's Azurite, on a free loopback port. */
import { loadConfig } from '../../bot/src/config';
import { startApp, type RunningApp, type StartOptions } from '../../bot/src/app';
import { createLogger } from '../../bot/src/logging';

export function startTestApp(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningApp> {
  const connectionString = process.env.OSK_TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('Azurite was not started by the global setup.');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    // Tests run on loopback without the Bot Connector or Entra; a test that needs either sets it.
    DEV_MODE: 'on',
    AZURE_STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: 'test',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'error',
    // The daily reminders would reach every tenant of the shared storage: a test that needs them turns them on.
    REMINDERS: 'off',
    // Likewise the daily retention purge; tests call privacy/retention-purge.ts with a fixed clock instead.
    PRIVACY_PURGE: 'off',
    ...env,
  });
  return startApp(config, { logger: createLogger('error', () => undefined), ...options });
}
