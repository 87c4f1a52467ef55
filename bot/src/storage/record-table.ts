/**
 * A table of records of one kind. Each record has its own row and may have copies under other row keys of
 * the same partition (index rows), so that other queries are one range read. A record and its copies are
 * written together by one transaction whose first action carries the record row's ETag: if the record
 * changed since it was read, nothing is written. Copies are never written on their own.
 */
import type { TransactionAction } from '@azure/data-tables';
import { MAX_TRANSACTION_ACTIONS, type Page, type Row, type TableStore, type Versioned } from './table-store';
import type { EntityKey } from './keys';
import type { RecordCodec } from './record-codec';
import { CorruptRecordError, InvalidRecordError, isWriteRace } from './errors';
import { mapConcurrently } from './bounded-concurrency';
import { DEFAULT_PAGE_SIZE, IMPORT_SYNC_CONCURRENCY, RECORD_PUT_ATTEMPTS } from '../tunables';

export interface PageRequest {
  pageSize?: number;
  continuationToken?: string;
}

/** What an update may change: everything but the fields that place the record. */
export type Changes<T, Identity extends keyof T> = Partial<Omit<T, Identity>>;

export interface RecordLayout<T> {
  codec: RecordCodec<T>;
  /** Where the record's own row is. */
  key(value: T): EntityKey;
  /** Row keys, in the record's partition, of the copies other queries read. */
  copies?(value: T): string[];
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Writes worked out in advance: nothing is written until `run`, so an invalid value writes nothing. */
export interface SyncPlan {
  counts: SyncCounts;
  run(): Promise<void>;
}

const sameKey = (a: EntityKey, b: EntityKey): boolean =>
  a.partitionKey === b.partitionKey && a.rowKey === b.rowKey;

/** One string per row of the table, for finding a record or a claimed row among many. */
const keyId = (key: EntityKey): string => `${key.partitionKey}\n${key.rowKey}`;

const mapPage = <A, B>(page: Page<A>, map: (item: A) => B): Page<B> => ({
  items: page.items.map(map),
  continuationToken: page.continuationToken,
});

export class RecordTable<T> {
  private readonly codec: RecordCodec<T>;

  constructor(
    private readonly store: TableStore,
    private readonly layout: RecordLayout<T>,
  ) {
    this.codec = layout.codec;
  }

  async get(key: EntityKey): Promise<Versioned<T> | null> {
    const read = await this.store.get(key.partitionKey, key.rowKey);
    return read && { value: this.decode(read.value), etag: read.etag };
  }

  /** A record read through one of its copies; update it through `get` and its own row's ETag. */
  async getCopy(key: EntityKey): Promise<T | null> {
    const read = await this.store.get(key.partitionKey, key.rowKey);
    return read && this.decodeCopy(read.value);
  }

  /** AlreadyExistsError if the record (or one of its copies' row keys) is taken. */
  async insert(value: T): Promise<Versioned<T>> {
    return this.write(null, value);
  }

  /** ConcurrencyConflictError if the record changed since `read`; nothing is written then. */
  async update(read: Versioned<T>, changes: Partial<T>): Promise<Versioned<T>> {
    const next = { ...read.value, ...changes };
    this.keepPlace(read, next);
    return this.write(read, next);
  }

  /**
   * The actions that write `next` (over `previous`, with its ETag; null: a new record) and its copies, and the
   * value as a read would give it, without writing: for a transaction together with other rows of the
   * partition (a counter kept beside the records). The record's placing fields cannot change.
   */
  planWrite(previous: Versioned<T> | null, next: T): { actions: TransactionAction[]; value: T } {
    if (previous) this.keepPlace(previous, next);
    const { row, value } = this.codec.encode(this.layout.key(next), next);
    return { actions: this.actions(previous, next, row), value };
  }

  /** The actions that delete a record and its copies, whatever their version (see `deleteWithCopies`). */
  deleteActions(value: T): TransactionAction[] {
    const { partitionKey, rowKey } = this.layout.key(value);
    return [rowKey, ...this.copyKeys(value)].map((key): TransactionAction => [
      'delete',
      { partitionKey, rowKey: key },
    ]);
  }

  /** InvalidRecordError if `next` would move the record: the fields that place it cannot change. */
  private keepPlace(previous: Versioned<T>, next: T): void {
    if (!sameKey(this.layout.key(next), this.layout.key(previous.value))) {
      throw new InvalidRecordError(
        this.codec.table,
        'an update cannot change the fields that place the record',
      );
    }
  }

  /** Deletes a record that has no copies, if unchanged since `read`. */
  async delete(read: Versioned<T>): Promise<void> {
    if (this.layout.copies) {
      throw new Error(`Records of ${this.codec.table} are not deleted one row at a time.`);
    }
    const key = this.layout.key(read.value);
    await this.store.delete(key.partitionKey, key.rowKey, read.etag);
  }

  /**
   * Deletes a record and its copies in one transaction, whatever their version: for erasure and the retention
   * purge, where the record goes even if it changed meanwhile (the SDK's transactional delete has no ETag).
   * NotFoundError if one of the rows is already gone; nothing is deleted then.
   */
  async deleteWithCopies(value: T): Promise<void> {
    await this.store.transaction(this.deleteActions(value));
  }

  async page(filter: string, request: PageRequest = {}): Promise<Page<Versioned<T>>> {
    return mapPage(await this.fetch(filter, request), (row) => ({
      value: this.decode(row.value),
      etag: row.etag,
    }));
  }

  async pageCopies(filter: string, request: PageRequest = {}): Promise<Page<T>> {
    return mapPage(await this.fetch(filter, request), (row) => this.decodeCopy(row.value));
  }

  /** Only `fields` of each record: less to read for aggregations. */
  async pageFields<K extends keyof T & string>(
    filter: string,
    fields: readonly K[],
    request: PageRequest = {},
  ): Promise<Page<Pick<T, K>>> {
    const page = await this.fetch(filter, request, this.codec.columns(fields));
    return mapPage(page, (row) => this.codec.decodeFields(row.value, fields));
  }

  /** Every record the filter matches: for bounded partition reads and jobs only (see docs/storage-design.md). */
  async *scan(filter: string): AsyncGenerator<Versioned<T>> {
    for await (const read of this.store.scan({ filter })) {
      yield { value: this.decode(read.value), etag: read.etag };
    }
  }

  async list(filter: string): Promise<Versioned<T>[]> {
    const records: Versioned<T>[] = [];
    for await (const record of this.scan(filter)) records.push(record);
    return records;
  }

  /**
   * Makes the stored records of one partition equal `values`: new ones are created, changed ones replaced
   * with the ETag they had in `existing`, equal ones left alone. Each record's rows share a transaction;
   * transactions are filled up to 100 actions. A value placed in another partition (another tenant's) is
   * refused before anything is written.
   */
  planSync(values: readonly T[], existing: Iterable<Versioned<T>>, partitionKey: string): SyncPlan {
    const current = new Map<string, Versioned<T>>();
    for (const record of existing) current.set(keyId(this.layout.key(record.value)), record);
    if (values.some((value) => this.layout.key(value).partitionKey !== partitionKey)) {
      throw new InvalidRecordError(this.codec.table, 'a record belongs to another partition (tenant)');
    }
    this.refuseSharedRowKeys(values);
    const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0 };
    const writes: TransactionAction[][] = [];
    for (const value of values) {
      const previous = current.get(keyId(this.layout.key(value))) ?? null;
      if (previous && this.codec.same(previous.value, value)) {
        counts.unchanged++;
        continue;
      }
      counts[previous ? 'updated' : 'created']++;
      writes.push(this.actions(previous, value));
    }
    return { counts, run: () => this.runInTransactions(writes) };
  }

  /**
   * Stores `value` whether or not the record exists: for idempotent sources (installation events,
   * imports), where the newest value wins. Equal values are not written again; a record that changed
   * between the read and the write is read again.
   */
  async put(value: T): Promise<{ outcome: WriteOutcome; record: Versioned<T> }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(this.layout.key(value));
      if (current && this.codec.same(current.value, value)) return { outcome: 'unchanged', record: current };
      try {
        return { outcome: current ? 'updated' : 'created', record: await this.write(current, value) };
      } catch (error) {
        const raced = isWriteRace(error);
        if (!raced || attempt === RECORD_PUT_ATTEMPTS) throw error;
      }
    }
  }

  private async fetch(
    filter: string,
    request: PageRequest,
    select?: string[],
  ): Promise<Page<Versioned<Row>>> {
    return this.store.page({
      filter,
      select,
      pageSize: request.pageSize ?? DEFAULT_PAGE_SIZE,
      continuationToken: request.continuationToken,
    });
  }

  /** A record's own row read by a range read over several kinds of rows (CorruptRecordError if it is not one). */
  decodeRow(row: Row): T {
    return this.decode(row);
  }

  /** The record in its own row; a row whose values would be stored elsewhere is corrupt. */
  private decode(row: Row): T {
    const value = this.codec.decode(row);
    if (!sameKey(this.layout.key(value), row)) {
      throw new CorruptRecordError(this.codec.table, 'values do not match key');
    }
    return value;
  }

  private decodeCopy(row: Row): T {
    const value = this.codec.decode(row);
    const placed =
      this.layout.key(value).partitionKey === row.partitionKey && this.copyKeys(value).includes(row.rowKey);
    if (!placed) throw new CorruptRecordError(this.codec.table, 'copy does not match its record');
    return value;
  }

  private copyKeys(value: T): string[] {
    return this.layout.copies?.(value) ?? [];
  }

  /** Two records claiming one row (the same id, or e.g. the same Entra id) would fail mid-import. */
  private refuseSharedRowKeys(values: readonly T[]): void {
    const taken = new Set<string>();
    for (const value of values) {
      const { partitionKey, rowKey } = this.layout.key(value);
      for (const claimed of [rowKey, ...this.copyKeys(value)]) {
        const id = keyId({ partitionKey, rowKey: claimed });
        if (taken.has(id)) {
          const kind = claimed.split('|')[0];
          throw new InvalidRecordError(this.codec.table, `two records claim the same row (${kind})`);
        }
        taken.add(id);
      }
    }
  }

  /** The record row first (created, or replaced with the ETag read), then its copies. */
  private actions(
    previous: Versioned<T> | null,
    next: T,
    row: Row = this.codec.row(this.layout.key(next), next),
  ): TransactionAction[] {
    if (previous && (!previous.etag || previous.etag === '*')) {
      throw new Error('An update needs the ETag that was read.');
    }
    const key = this.layout.key(next);
    const copies = this.copyKeys(next);
    const previousCopies = new Set(previous ? this.copyKeys(previous.value) : []);
    const actions: TransactionAction[] = [
      previous ? ['update', row, 'Replace', { etag: previous.etag }] : ['create', row],
    ];
    // Copies carry no ETag of their own: the record row's ETag above guards the whole transaction.
    for (const rowKey of previousCopies) {
      if (!copies.includes(rowKey)) actions.push(['delete', { partitionKey: key.partitionKey, rowKey }]);
    }
    for (const rowKey of copies) {
      actions.push(
        previousCopies.has(rowKey)
          ? ['upsert', { ...row, rowKey }, 'Replace']
          : ['create', { ...row, rowKey }],
      );
    }
    if (actions.length > MAX_TRANSACTION_ACTIONS) {
      throw new Error(`A record of ${this.codec.table} has too many copies.`);
    }
    return actions;
  }

  private async write(previous: Versioned<T> | null, next: T): Promise<Versioned<T>> {
    // The value as a read of the row would decode it, without parsing it a second time (RecordCodec.encode).
    const { row, value } = this.codec.encode(this.layout.key(next), next);
    const actions = this.actions(previous, next, row);
    const etag =
      actions.length > 1
        ? ((await this.store.transaction(actions))[0] ?? '')
        : previous
          ? await this.store.replace(row, previous.etag)
          : await this.store.insert(row);
    return { value, etag };
  }

  /** Packs each record's actions, never split, into transactions of at most 100 actions (one partition). */
  private async runInTransactions(writes: TransactionAction[][]): Promise<void> {
    const batches: TransactionAction[][] = [];
    for (const actions of writes) {
      const batch = batches[batches.length - 1];
      if (batch && batch.length + actions.length <= MAX_TRANSACTION_ACTIONS) batch.push(...actions);
      else batches.push([...actions]);
    }
    await mapConcurrently(batches, IMPORT_SYNC_CONCURRENCY, (batch) => this.store.transaction(batch));
  }
}
