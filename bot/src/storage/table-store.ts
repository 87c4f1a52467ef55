/**
 * The one place that talks to Azure Table Storage for the repositories: point reads, inserts, updates
 * that always carry the entity's ETag (never "*"), paged queries with continuation tokens, and
 * single-partition transactions. Filters must be built with the SDK's `odata` tag by the caller.
 */
import type { TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { StorageAccount } from './storage-account';
import { InvalidContinuationTokenError, translateStorageError } from './errors';

export type Row = TableEntity<Record<string, unknown>>;

export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  continuationToken?: string;
}

export interface QueryOptions {
  /** Built with the `odata` tagged template, never by concatenation. */
  filter: string;
  select?: string[];
  pageSize?: number;
  continuationToken?: string;
}

/**
 * The largest page Table Storage returns (a fact: "Query Entities", at most 1,000 entities at a time,
 * https://learn.microsoft.com/rest/api/storageservices/query-entities).
 */
export const MAX_PAGE_SIZE = 1000;

/** The most actions one entity-group transaction may hold (a fact: https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions). */
export const MAX_TRANSACTION_ACTIONS = 100;

/**
 * The SDK reads a continuation token as base64 JSON naming the next partition and row, and throws a bare
 * SyntaxError on anything else; a token from a client is checked here so a garbled one is a typed refusal.
 */
function checkContinuationToken(token: string | undefined): void {
  if (token === undefined) return;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64').toString('latin1'));
    if (typeof (decoded as { nextPartitionKey?: unknown } | null)?.nextPartitionKey === 'string') return;
  } catch {
    // not JSON: refused below
  }
  throw new InvalidContinuationTokenError();
}

function versioned(entity: TableEntityResult<Record<string, unknown>>): Versioned<Row> {
  const { etag, partitionKey = '', rowKey = '', ...properties } = entity;
  delete properties.timestamp;
  return { value: { ...properties, partitionKey, rowKey }, etag };
}

export class TableStore {
  private constructor(
    readonly tableName: string,
    private readonly client: TableClient,
  ) {}

  static async open(account: StorageAccount, tableName: string): Promise<TableStore> {
    return new TableStore(tableName, await account.ensureTable(tableName));
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw translateStorageError(error, this.tableName);
    }
  }

  async get(partitionKey: string, rowKey: string, select?: string[]): Promise<Versioned<Row> | null> {
    try {
      const entity = await this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey, {
        queryOptions: select ? { select } : undefined,
      });
      return versioned(entity);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw translateStorageError(error, this.tableName);
    }
  }

  /** Creates a new row; an existing one gives AlreadyExistsError. Returns the new ETag. */
  async insert(row: Row): Promise<string> {
    const response = await this.call(() => this.client.createEntity(row));
    return response.etag ?? '';
  }

  /** Replaces a row only if it still has `etag`; otherwise ConcurrencyConflictError. Returns the new ETag. */
  async replace(row: Row, etag: string): Promise<string> {
    if (!etag || etag === '*') throw new Error('An update needs the ETag that was read.');
    const response = await this.call(() => this.client.updateEntity(row, 'Replace', { etag }));
    return response.etag ?? '';
  }

  /** Deletes a row only if it still has `etag`. */
  async delete(partitionKey: string, rowKey: string, etag: string): Promise<void> {
    if (!etag || etag === '*') throw new Error('A delete needs the ETag that was read.');
    await this.call(() => this.client.deleteEntity(partitionKey, rowKey, { etag }));
  }

  async page(options: QueryOptions): Promise<Page<Versioned<Row>>> {
    checkContinuationToken(options.continuationToken);
    const pages = this.client
      .listEntities<Record<string, unknown>>({
        queryOptions: { filter: options.filter, select: options.select },
      })
      .byPage({
        maxPageSize: Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE),
        continuationToken: options.continuationToken,
      });
    const next = await this.call(() => pages.next());
    if (next.done || !next.value) return { items: [] };
    const page = next.value as TableEntityResult<Record<string, unknown>>[] & { continuationToken?: string };
    return {
      items: page.map(versioned),
      continuationToken: page.continuationToken || undefined,
    };
  }

  /**
   * Every row a filter matches, page by page. For bounded, partition-scoped reads only (a tenant's
   * service areas, one import, an aggregation job); request paths use `page`.
   */
  async *scan(options: Omit<QueryOptions, 'continuationToken'>): AsyncGenerator<Versioned<Row>> {
    let continuationToken: string | undefined;
    do {
      const page = await this.page({ ...options, continuationToken });
      yield* page.items;
      continuationToken = page.continuationToken;
    } while (continuationToken);
  }

  /** All-or-nothing writes within one partition. Returns each action's new ETag, in the actions' order. */
  async transaction(actions: TransactionAction[]): Promise<string[]> {
    if (actions.length === 0) return [];
    if (actions.length > MAX_TRANSACTION_ACTIONS) {
      throw new Error(`A table transaction holds at most ${MAX_TRANSACTION_ACTIONS} actions.`);
    }
    const response = await this.call(() => this.client.submitTransaction(actions));
    // The SDK keeps the rest of each sub-response's header line, which on Azure ends with "\r".
    return response.subResponses.map((sub) => sub.etag?.trim() ?? '');
  }
}
