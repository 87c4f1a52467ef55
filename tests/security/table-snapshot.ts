/**
 * Every row a tenant has in the suite's Azurite, as "table partition row → ETag": two snapshots are equal
 * exactly when nothing of the tenant's was created, changed or deleted in between. Every partition key starts
 * with the tenant id (bot/src/storage/keys.ts), followed by "|" or nothing, so one key range per table finds
 * all of the tenant's rows.
 */
import { odata, TableClient, TableServiceClient } from '@azure/data-tables';

export type TableSnapshot = Map<string, string>;

export async function snapshotTenant(tablePrefix: string, tenantId: string): Promise<TableSnapshot> {
  const connectionString = process.env.OSK_TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('Azurite was not started by the global setup.');
  const options = { allowInsecureConnection: true };
  const service = TableServiceClient.fromConnectionString(connectionString, options);
  const rows: TableSnapshot = new Map();
  // "}" follows "|" in code-unit order: the range holds the tenant's own partition and its "tenant|…" ones.
  const filter = odata`PartitionKey ge ${tenantId} and PartitionKey lt ${`${tenantId}}`}`;
  for await (const table of service.listTables()) {
    const name = table.name ?? '';
    if (!name.startsWith(tablePrefix)) continue;
    const client = TableClient.fromConnectionString(connectionString, name, options);
    const entities = client.listEntities({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] } });
    for await (const entity of entities) {
      rows.set(`${name} ${entity.partitionKey} ${entity.rowKey}`, entity.etag);
    }
  }
  return rows;
}

/** What differs between two snapshots, as readable lines (empty: nothing was written). */
export function snapshotChanges(before: TableSnapshot, after: TableSnapshot): string[] {
  const changes: string[] = [];
  for (const [key, etag] of after) {
    const was = before.get(key);
    if (was === undefined) changes.push(`created ${key}`);
    else if (was !== etag) changes.push(`changed ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`deleted ${key}`);
  return changes;
}
