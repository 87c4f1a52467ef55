/**
 * DevelopmentActionRequests: coaching (valmennus) and work supervision (työnohjaus) a person has asked for
 * (Vantaa's model, seed 000). One partition per tenant and year; a request sits under its service area
 * (`area|SA|P|KIND`) with a copy under `person|P|KIND` (the person's own requests, also after moving to another
 * area). A request carries no free text: it says only what kind of support was asked for.
 *
 * The year's open requests are also counted per service area, kind and form in one row beside them (`area`),
 * written in the same transaction as every request that changes them (its ETag guarding against a lost
 * update): HR's view of demand and every summary read that row instead of every request of the city. A year
 * whose requests were stored before the counts were kept is counted once from its rows, and the counts stored
 * (`demandCounts`); the first write of a request in such a year does the same in its transaction.
 */
import { z } from 'zod';
import type { TenantId } from '../domain/organisation';
import { odata, type TransactionAction } from '@azure/data-tables';
import {
  developmentActionRequestKeys,
  rowKeyPrefixesFilter,
  rowKeyPrefixFilter,
  tenantPartitionsFilter,
  yearPart,
} from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes } from './record-table';
import { MAX_PAGE_SIZE, type TableStore, type Versioned } from './table-store';
import { AlreadyExistsError, ConcurrencyConflictError, isWriteRace } from './errors';
import { DEMAND_COUNT_WRITE_ATTEMPTS } from '../tunables';

export const DEVELOPMENT_ACTION_KINDS = ['coaching', 'workSupervision'] as const;
export type DevelopmentActionKind = (typeof DEVELOPMENT_ACTION_KINDS)[number];

/** For an individual, a group, or the whole work community (seed 000: "yksilöille, ryhmille ja työyhteisöille"). */
export const DEVELOPMENT_ACTION_FORMS = ['individual', 'group', 'workCommunity'] as const;
export type DevelopmentActionForm = (typeof DEVELOPMENT_ACTION_FORMS)[number];

export interface DevelopmentActionRequest {
  tenantId: TenantId;
  year: number;
  personId: string;
  /** Where the person was when asking; demand is counted there. */
  serviceAreaId: string;
  kind: DevelopmentActionKind;
  form: DevelopmentActionForm;
  status: 'requested' | 'withdrawn';
  updatedAt: string;
}

const requestSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  personId: z.string().min(1),
  serviceAreaId: z.string().min(1),
  kind: z.enum(DEVELOPMENT_ACTION_KINDS),
  form: z.enum(DEVELOPMENT_ACTION_FORMS),
  status: z.enum(['requested', 'withdrawn']),
  updatedAt: z.string(),
}) satisfies z.ZodType<DevelopmentActionRequest>;

/** What a demand count needs: nothing that names the person. */
export type DemandRow = Pick<DevelopmentActionRequest, 'serviceAreaId' | 'kind' | 'form' | 'status'>;

const DEMAND_FIELDS = ['serviceAreaId', 'kind', 'form', 'status'] as const;

/** Open requests by service area, then by `kind|form`. */
export type DemandCountsByArea = Record<string, Record<string, number>>;

interface DemandCountsRow {
  tenantId: TenantId;
  year: number;
  areas: DemandCountsByArea;
}

const demandCountsSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  areas: z.record(z.string(), z.record(z.string(), z.number().int().min(0))),
}) satisfies z.ZodType<DemandCountsRow>;

/** Where a request counts in the demand: its area and `kind|form` while it is open; null once withdrawn. */
function demandCell(request: DemandRow): [string, string] | null {
  return request.status === 'requested' ? [request.serviceAreaId, `${request.kind}|${request.form}`] : null;
}

/** Adds `change` to the request's cell of `counts`, in place (a cell at 0 is left out). */
function count(counts: DemandCountsByArea, request: DemandRow | null, change: number): void {
  const cell = request && demandCell(request);
  if (!cell) return;
  const [area, key] = cell;
  const cells = (counts[area] ??= {});
  const value = (cells[key] ?? 0) + change;
  if (value > 0) cells[key] = value;
  else delete cells[key];
}

/** `counts` with the request as it was (`before`) taken out and as it is (`after`) put in. */
function countedWith(
  counts: DemandCountsByArea,
  before: DemandRow | null,
  after: DemandRow | null,
): DemandCountsByArea {
  const next: DemandCountsByArea = Object.fromEntries(
    Object.entries(counts).map(([area, cells]) => [area, { ...cells }]),
  );
  count(next, before, -1);
  count(next, after, 1);
  return next;
}

/** The first row key after every key starting with `prefix` (which ends with "|"). */
const prefixEnd = (prefix: string): string => `${prefix.slice(0, -1)}}`;

export class DevelopmentActionRequestRepository {
  private readonly table: RecordTable<DevelopmentActionRequest>;
  private readonly countsCodec: RecordCodec<DemandCountsRow>;

  constructor(private readonly store: TableStore) {
    this.countsCodec = new RecordCodec<DemandCountsRow>(store.tableName, demandCountsSchema, ['areas']);
    this.table = new RecordTable(store, {
      codec: new RecordCodec<DevelopmentActionRequest>(store.tableName, requestSchema, []),
      key: (request) =>
        developmentActionRequestKeys.key(
          request.tenantId,
          request.year,
          request.serviceAreaId,
          request.personId,
          request.kind,
        ),
      copies: (request) => [developmentActionRequestKeys.personRow(request.personId, request.kind)],
    });
  }

  /** The person's requests of the year, read through their copies. */
  async listForPerson(
    tenantId: TenantId,
    year: number,
    personId: string,
  ): Promise<DevelopmentActionRequest[]> {
    const partitionKey = developmentActionRequestKeys.partition(tenantId, year);
    const page = await this.table.pageCopies(
      rowKeyPrefixFilter(partitionKey, developmentActionRequestKeys.personPrefix(personId)),
      { pageSize: DEVELOPMENT_ACTION_KINDS.length },
    );
    return page.items;
  }

  async get(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
    personId: string,
    kind: DevelopmentActionKind,
  ): Promise<Versioned<DevelopmentActionRequest> | null> {
    return this.table.get(developmentActionRequestKeys.key(tenantId, year, serviceAreaId, personId, kind));
  }

  /** AlreadyExistsError if the person has asked for this kind this year (withdrawn or not). */
  async create(request: DevelopmentActionRequest): Promise<Versioned<DevelopmentActionRequest>> {
    const { actions, value } = this.table.planWrite(null, request);
    const etags = await this.writeCounted(request.tenantId, request.year, async (counts, tried) => {
      // A lost race on the counts' creation reads them again; a request that exists is the caller's error.
      if (tried instanceof AlreadyExistsError && !counts.created) throw tried;
      return { actions, before: null, after: request };
    });
    return { value, etag: etags[0] ?? '' };
  }

  /** ConcurrencyConflictError if the request changed since `read`; its open count changes with it. */
  async update(
    read: Versioned<DevelopmentActionRequest>,
    changes: Changes<DevelopmentActionRequest, 'tenantId' | 'year' | 'personId' | 'serviceAreaId' | 'kind'>,
  ): Promise<Versioned<DevelopmentActionRequest>> {
    const next = { ...read.value, ...changes };
    const before = demandCell(read.value);
    const after = demandCell(next);
    // Its ETag guards the request: what it counted for is what `read` says, so unmoved counts need no write.
    if (before?.join('|') === after?.join('|')) return this.table.update(read, changes);
    const { actions, value } = this.table.planWrite(read, next);
    const etags = await this.writeCounted(read.value.tenantId, read.value.year, async (_, tried) => {
      // The request's own ETag or the counts' may have moved: only the latter is a race to run again.
      if (tried instanceof ConcurrencyConflictError) {
        const now = await this.table.get(this.keyOf(read.value));
        if (now?.etag !== read.etag) throw tried;
      }
      return { actions, before: read.value, after: next };
    });
    return { value, etag: etags[0] ?? '' };
  }

  private keyOf(request: DevelopmentActionRequest) {
    return developmentActionRequestKeys.key(
      request.tenantId,
      request.year,
      request.serviceAreaId,
      request.personId,
      request.kind,
    );
  }

  /**
   * Runs a request's write (`plan`: its actions, the request as it counted before and after) in one transaction
   * with the year's counts, read first: replaced with their ETag, or created from the year's rows where none are
   * kept yet. `plan` is asked again, with the error, after a write that failed; it throws to give up.
   */
  private async writeCounted(
    tenantId: TenantId,
    year: number,
    plan: (
      counts: { created: boolean },
      tried: unknown,
    ) => Promise<{ actions: TransactionAction[]; before: DemandRow | null; after: DemandRow | null }>,
  ): Promise<string[]> {
    let tried: unknown = null;
    let created = false;
    for (let attempt = 1; ; attempt++) {
      // The counts first: whatever `plan` reads after them and changes them meanwhile moves their ETag.
      const stored = await this.readCounts(tenantId, year);
      const { actions, before, after } = await plan({ created }, tried);
      const base = stored ? stored.value.areas : await this.countRows(tenantId, year);
      const row = this.countsCodec.row(developmentActionRequestKeys.demandCounts(tenantId, year), {
        tenantId,
        year,
        areas: countedWith(base, before, after),
      });
      created = stored === null;
      try {
        return await this.store.transaction([
          ...actions,
          stored ? ['update', row, 'Replace', { etag: stored.etag }] : ['create', row],
        ]);
      } catch (error) {
        if (!isWriteRace(error) || attempt >= DEMAND_COUNT_WRITE_ATTEMPTS) throw error;
        tried = error;
      }
    }
  }

  /** The year's counts as kept, with their ETag; null where none are kept yet. */
  private async readCounts(tenantId: TenantId, year: number): Promise<Versioned<DemandCountsRow> | null> {
    const { partitionKey, rowKey } = developmentActionRequestKeys.demandCounts(tenantId, year);
    const read = await this.store.get(partitionKey, rowKey);
    return read && { value: this.countsCodec.decode(read.value), etag: read.etag };
  }

  /** The year's open requests counted from their rows (the years stored before the counts were kept). */
  private async countRows(tenantId: TenantId, year: number): Promise<DemandCountsByArea> {
    const counts: DemandCountsByArea = {};
    for await (const row of this.scanDemand(tenantId, year)) count(counts, row, 1);
    return counts;
  }

  /**
   * The year's open requests per service area, then per `kind|form` (withdrawn ones do not count): the counts
   * kept beside the requests, in one read. A year stored before they were kept is counted from its rows once
   * (a page per 1,000 requests), and the counts stored for the next reader.
   */
  async demandCounts(tenantId: TenantId, year: number): Promise<DemandCountsByArea> {
    const key = developmentActionRequestKeys.demandCounts(tenantId, year);
    const page = await this.store.page({
      filter: rowKeyPrefixesFilter(key.partitionKey, key.rowKey, developmentActionRequestKeys.allAreasPrefix),
      pageSize: 1,
    });
    const first = page.items[0];
    if (first?.value.rowKey === key.rowKey) return this.countsCodec.decode(first.value).areas;
    if (!first) return {};
    const counts = await this.countRows(tenantId, year);
    try {
      await this.store.insert(this.countsCodec.row(key, { tenantId, year, areas: counts }));
    } catch (error) {
      // A writer stored the counts first (with its request): these, counted just now, are as current.
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
    return counts;
  }

  /** Every year's requests of a person, through their copies: for the data export and erasure only. */
  async listAllForPerson(tenantId: TenantId, personId: string): Promise<DevelopmentActionRequest[]> {
    const prefix = developmentActionRequestKeys.personPrefix(personId);
    const filter = `${tenantPartitionsFilter(tenantId)} and ${odata`RowKey ge ${prefix} and RowKey lt ${prefixEnd(prefix)}`}`;
    const requests: DevelopmentActionRequest[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.table.pageCopies(filter, { pageSize: MAX_PAGE_SIZE, continuationToken });
      requests.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return requests;
  }

  /** The tenant's requests of the years up to `lastYear` (their own rows): for the retention purge only. */
  async *scanUpToYear(tenantId: TenantId, lastYear: number): AsyncGenerator<DevelopmentActionRequest> {
    const prefix = developmentActionRequestKeys.allAreasPrefix;
    const filter = `${tenantPartitionsFilter(tenantId, yearPart(lastYear))} and ${odata`RowKey ge ${prefix} and RowKey lt ${prefixEnd(prefix)}`}`;
    for await (const read of this.table.scan(filter)) yield read.value;
  }

  /**
   * The request and its copy, whatever their version (erasure, retention purge), and its open count with them.
   * NotFoundError if it is already gone.
   */
  async delete(request: DevelopmentActionRequest): Promise<void> {
    await this.writeCounted(request.tenantId, request.year, async () => {
      // Read after the counts: a change of the request since moves the counts' ETag, so this transaction fails
      // and is run again.
      const stored = await this.table.get(this.keyOf(request));
      return { actions: this.table.deleteActions(request), before: stored?.value ?? null, after: null };
    });
  }

  /** The year's requests of every service area, for counting only. */
  async *scanDemand(tenantId: TenantId, year: number): AsyncGenerator<DemandRow> {
    const partitionKey = developmentActionRequestKeys.partition(tenantId, year);
    const filter = rowKeyPrefixFilter(partitionKey, developmentActionRequestKeys.allAreasPrefix);
    let continuationToken: string | undefined;
    do {
      const page = await this.table.pageFields(filter, DEMAND_FIELDS, {
        pageSize: MAX_PAGE_SIZE,
        continuationToken,
      });
      for (const row of page.items) yield row;
      continuationToken = page.continuationToken;
    } while (continuationToken);
  }
}
