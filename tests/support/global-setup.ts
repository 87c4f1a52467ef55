/**
 * Starts one real Azurite (in memory, loopback, free ports) for the whole suite. Workers inherit the
 * connection string through the environment; each test isolates itself with its own tenant id.
 */
import { startAzurite } from '../../bot/src/devstack/azurite';

export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  process.env.OSK_TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __azurite?: typeof azurite }).__azurite = azurite;
}
