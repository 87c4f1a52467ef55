/** The suite's real Azurite (started by global-setup) and a fresh tenant per test, so tests never mix. */
import { randomUUID } from 'node:crypto';
import { openStorageAccount, type StorageAccount } from '../../bot/src/storage/storage-account';

export function testStorageAccount(): StorageAccount {
  const connectionString = process.env.OSK_TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('Azurite was not started by the global setup.');
  return openStorageAccount({ kind: 'connectionString', connectionString, tablePrefix: 'test' });
}

/** A tenant id no other test uses. */
export function newTenantId(): string {
  return randomUUID();
}
