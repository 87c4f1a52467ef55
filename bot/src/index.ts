/** The production / plain entry point: starts the service with configuration from the environment. */
import { ConfigError, loadConfig } from './config';
import { startApp } from './app';

async function main(): Promise<void> {
  const app = await startApp(loadConfig());
  const shutdown = (): void => {
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
