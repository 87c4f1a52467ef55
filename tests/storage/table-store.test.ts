import { odata, type TransactionAction } from '@azure/data-tables';
import { TableStore } from '../../bot/src/storage/table-store';
import { ConcurrencyConflictError, AlreadyExistsError } from '../../bot/src/storage/errors';
import { newTenantId, testStorageAccount } from '../support/storage';

describe('TableStore on real Azurite', () => {
  let store: TableStore;
  beforeAll(async () => {
    store = await TableStore.open(testStorageAccount(), 'StoreSmoke');
  });

  it('refuses a stale ETag and keeps the stored record unchanged', async () => {
    const pk = newTenantId();
    const etag = await store.insert({ partitionKey: pk, rowKey: 'a', name: 'first' });
    const second = await store.replace({ partitionKey: pk, rowKey: 'a', name: 'second' }, etag);
    await expect(
      store.replace({ partitionKey: pk, rowKey: 'a', name: 'stale' }, etag),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    const stored = await store.get(pk, 'a');
    expect(stored?.value.name).toBe('second');
    expect(stored?.etag).toBe(second);
  });

  it('never inserts over an existing row', async () => {
    const pk = newTenantId();
    await store.insert({ partitionKey: pk, rowKey: 'a', name: 'first' });
    await expect(store.insert({ partitionKey: pk, rowKey: 'a', name: 'again' })).rejects.toBeInstanceOf(
      AlreadyExistsError,
    );
  });

  it('pages with continuation tokens', async () => {
    const pk = newTenantId();
    const actions: TransactionAction[] = Array.from({ length: 25 }, (_, i) => [
      'create',
      { partitionKey: pk, rowKey: `r${String(i).padStart(2, '0')}` },
    ]);
    await store.transaction(actions);
    const first = await store.page({ filter: odata`PartitionKey eq ${pk}`, pageSize: 10 });
    expect(first.items).toHaveLength(10);
    expect(first.continuationToken).toBeDefined();
    const rows: string[] = [];
    for await (const row of store.scan({ filter: odata`PartitionKey eq ${pk}`, pageSize: 10 }))
      rows.push(row.value.rowKey);
    expect(rows).toHaveLength(25);
  });
});
