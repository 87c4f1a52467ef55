/**
 * A storage account whose table clients report every HTTP request they send, by table (the name without the
 * deployment's prefix): how benchmarks and tests count storage round trips. Each client is counted once, however
 * often the account hands it out.
 */
import type { TableClient } from '@azure/data-tables';
import type { StorageAccount } from './storage-account';

export function requestCountingAccount(
  account: StorageAccount,
  onRequest: (table: string) => void,
): StorageAccount {
  const counted = new WeakSet<TableClient>();
  const instrument = (client: TableClient, name: string): TableClient => {
    if (!counted.has(client)) {
      client.pipeline.addPolicy({
        name: 'countRequests',
        sendRequest: (request, next) => {
          onRequest(name);
          return next(request);
        },
      });
      counted.add(client);
    }
    return client;
  };
  return {
    ...account,
    table: (name) => instrument(account.table(name), name),
    ensureTable: async (name) => instrument(await account.ensureTable(name), name),
  };
}
