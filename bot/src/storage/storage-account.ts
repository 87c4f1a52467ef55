/**
 * Where the tables and queues live: a connection string (Azurite, or Azure with a key) or an account
 * name with a managed identity (Azure, no secrets). The same code runs on both.
 */
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

export type StorageSettings =
  | { kind: 'connectionString'; connectionString: string; tablePrefix: string }
  | { kind: 'managedIdentity'; accountName: string; clientId: string | null; tablePrefix: string };

export interface StorageAccount {
  readonly tablePrefix: string;
  table(name: string): TableClient;
  queue(name: string): QueueClient;
  /** Creates the table if it does not exist (idempotent). */
  ensureTable(name: string): Promise<TableClient>;
  ensureQueue(name: string): Promise<QueueClient>;
  /** A cheap round trip that proves storage answers. */
  ping(): Promise<void>;
}

function isHttp(connectionString: string): boolean {
  return (
    /TableEndpoint=http:\/\//i.test(connectionString) || /UseDevelopmentStorage=true/i.test(connectionString)
  );
}

export function openStorageAccount(settings: StorageSettings): StorageAccount {
  let tableService: TableServiceClient;
  let queueService: QueueServiceClient;
  let tableClient: (fullName: string) => TableClient;
  if (settings.kind === 'connectionString') {
    const options = { allowInsecureConnection: isHttp(settings.connectionString) };
    tableService = TableServiceClient.fromConnectionString(settings.connectionString, options);
    queueService = QueueServiceClient.fromConnectionString(settings.connectionString);
    tableClient = (fullName) =>
      TableClient.fromConnectionString(settings.connectionString, fullName, options);
  } else {
    const credential: TokenCredential = settings.clientId
      ? new ManagedIdentityCredential({ clientId: settings.clientId })
      : new DefaultAzureCredential();
    const tableUrl = `https://${settings.accountName}.table.core.windows.net`;
    tableService = new TableServiceClient(tableUrl, credential);
    queueService = new QueueServiceClient(
      `https://${settings.accountName}.queue.core.windows.net`,
      credential,
    );
    tableClient = (fullName) => new TableClient(tableUrl, fullName, credential);
  }
  const fullName = (name: string): string => `${settings.tablePrefix}${name}`;
  const queueName = (name: string): string => `${settings.tablePrefix}${name}`.toLowerCase();
  const created = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    let pending = created.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = make();
      created.set(key, pending);
      pending.catch(() => created.delete(key));
    }
    return pending;
  };

  return {
    tablePrefix: settings.tablePrefix,
    table: (name) => tableClient(fullName(name)),
    queue: (name) => queueService.getQueueClient(queueName(name)),
    ensureTable: (name) =>
      once(`t:${name}`, async () => {
        await tableService.createTable(fullName(name)); // the SDK treats "already exists" as success
        return tableClient(fullName(name));
      }),
    ensureQueue: (name) =>
      once(`q:${name}`, async () => {
        const queue = queueService.getQueueClient(queueName(name));
        await queue.createIfNotExists();
        return queue;
      }),
    ping: async () => {
      const pages = tableService.listTables().byPage({ maxPageSize: 1 });
      await pages.next();
    },
  };
}
