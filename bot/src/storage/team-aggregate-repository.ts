/**
 * TeamAggregates: each team's anonymous tallies of its signed development discussions for a year (rating
 * counts per competence, development needs, learning goals by way of learning). Summaries read these rows
 * instead of the discussions: a 5,000-person service area is one range read of a few hundred rows, the whole
 * city a few pages. No row names a person; the rows are rebuilt from the discussions (see
 * summaries/aggregate-refresh.ts), so they never need to be edited by hand.
 */
import { z } from 'zod';
import { LEARNING_WAYS } from '../domain/development-discussion';
import type { TenantId } from '../domain/organisation';
import type { TeamAggregate } from '../domain/team-aggregate';
import { rowKeyPrefixesFilter, rowKeyPrefixFilter, teamAggregateKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type SyncCounts } from './record-table';
import type { TransactionAction } from '@azure/data-tables';
import { MAX_TRANSACTION_ACTIONS, type TableStore, type Versioned } from './table-store';
import { ConcurrencyConflictError, NotFoundError } from './errors';

export type { CompetenceTally, RatingCounts, TeamAggregate, TeamTally } from '../domain/team-aggregate';

const count = z.number().int().min(0);
const counts = z.record(z.string(), count);

const tallySchema = z.object({
  respondents: count,
  competences: z.record(
    z.string(),
    z.object({ self: counts, supervisor: counts, rated: count, needs: count }),
  ),
  learningWays: z.record(z.enum(LEARNING_WAYS), count),
});

const teamAggregateSchema = tallySchema.extend({
  tenantId: z.string().min(1),
  year: z.number().int(),
  serviceAreaId: z.string().min(1),
  teamId: z.string().min(1),
  releasedAt: z.string().nullable().optional(),
  previous: tallySchema.nullable().optional(),
}) satisfies z.ZodType<TeamAggregate>;

/**
 * What was last shown of one node of the figures' hierarchy (the city, an area, a row), so that a figure hidden
 * for a small change is compared with its last shown value, not with the release before (docs/anonymity.md,
 * rule 1). Column name → count. `before` is what the figures of release state `releases` were compared with;
 * `shown` is, per column, the value last shown (at `releases`, or earlier where it was hidden then).
 */
export interface DisclosureBaseline {
  tenantId: TenantId;
  year: number;
  nodeId: string;
  releases: string;
  before: Record<string, number>;
  shown: Record<string, number>;
}

const disclosureBaselineSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  nodeId: z.string().min(1),
  releases: z.string(),
  before: counts,
  shown: counts,
}) satisfies z.ZodType<DisclosureBaseline>;

/**
 * Many nodes' baselines in one row (`shown|pack|NNNN`): the columns named once, each node's `before` and `shown`
 * as counts in that order (0: not listed), its release state as an index into `releases`.
 */
interface BaselinePack {
  tenantId: TenantId;
  year: number;
  pack: number;
  columns: string[];
  releases: string[];
  /** [node id, index into `releases`, before, shown]. */
  nodes: Array<[string, number, number[], number[]]>;
}

const baselinePackSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  pack: z.number().int().min(0),
  columns: z.array(z.string().min(1)),
  releases: z.array(z.string()),
  nodes: z.array(z.tuple([z.string().min(1), z.number().int().min(0), z.array(count), z.array(count)])),
}) satisfies z.ZodType<BaselinePack>;

/** Nodes per pack row at most: 250 nodes of the default framework's 159 columns take some 200,000 characters. */
const PACK_NODES = 250;

/**
 * What a pack's nodes may take at most, in characters of JSON (an entity holds 1 MiB: 2 bytes a character, and
 * a JSON field at most 16 parts of 32,768): a framework with more columns packs fewer nodes to a row.
 */
const PACK_CHARS = 350_000;

/**
 * How many nodes go in a pack for `columns` columns: each node's two lists at 6 characters a value at most
 * (a count up to 99,999 and its comma), and its id and release index.
 */
const nodesPerPack = (columns: number): number =>
  Math.max(1, Math.min(PACK_NODES, Math.floor(PACK_CHARS / (2 * 6 * columns + 200))));

/** A transaction's body is at most 4 MiB: packs are written in transactions of at most this many characters. */
const MAX_TRANSACTION_CHARS = 3 * 1024 * 1024;

/** The year's baselines as read: each node's, and the rows they were read from (for the conditional write). */
export interface StoredBaselines {
  nodes: DisclosureBaseline[];
  readonly packs: readonly Versioned<BaselinePack>[];
  /** Baselines stored one row per node, as before the packs: folded into the packs on the next write. */
  readonly single: readonly Versioned<DisclosureBaseline>[];
}

function unpack(pack: BaselinePack): DisclosureBaseline[] {
  const record = (values: readonly number[]): Record<string, number> => {
    const counts: Record<string, number> = {};
    values.forEach((value, index) => {
      const column = pack.columns[index];
      if (value !== 0 && column !== undefined) counts[column] = value;
    });
    return counts;
  };
  return pack.nodes.map(([nodeId, release, before, shown]) => ({
    tenantId: pack.tenantId,
    year: pack.year,
    nodeId,
    releases: pack.releases[release] ?? '',
    before: record(before),
    shown: record(shown),
  }));
}

function packOf(
  tenantId: TenantId,
  year: number,
  number: number,
  nodes: readonly DisclosureBaseline[],
): BaselinePack {
  const columns = [
    ...new Set(nodes.flatMap((node) => [...Object.keys(node.before), ...Object.keys(node.shown)])),
  ];
  const releases = [...new Set(nodes.map((node) => node.releases))];
  const values = (counts: Readonly<Record<string, number>>): number[] => {
    const list = columns.map((column) => counts[column] ?? 0);
    while (list.length > 0 && list[list.length - 1] === 0) list.pop();
    return list;
  };
  return {
    tenantId,
    year,
    pack: number,
    columns,
    releases,
    nodes: nodes.map((node) => [
      node.nodeId,
      releases.indexOf(node.releases),
      values(node.before),
      values(node.shown),
    ]),
  };
}

/**
 * A set of live counts as last released (summaries/released-counts.ts): demand per service area, HR's progress
 * per service area. `releasedAt` null: never released.
 */
export interface ReleasedCounts {
  tenantId: TenantId;
  year: number;
  key: string;
  counts: Record<string, number>;
  releasedAt: string;
}

const releasedCountsSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  key: z.string().min(1),
  counts,
  releasedAt: z.string(),
}) satisfies z.ZodType<ReleasedCounts>;

/** The year's released counts and disclosure baselines as read (with what a conditional write needs). */
export interface DisclosureState {
  released: Versioned<ReleasedCounts>[];
  baselines: StoredBaselines;
}

export interface YearWithDisclosureState extends DisclosureState {
  rows: Versioned<TeamAggregate>[];
}

export class TeamAggregateRepository {
  private readonly released: RecordTable<ReleasedCounts>;
  private readonly releasedCodec: RecordCodec<ReleasedCounts>;
  private readonly baselineCodec: RecordCodec<DisclosureBaseline>;
  private readonly table: RecordTable<TeamAggregate>;
  private readonly packCodec: RecordCodec<BaselinePack>;

  constructor(private readonly store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<TeamAggregate>(store.tableName, teamAggregateSchema, [
        'competences',
        'learningWays',
        'previous',
      ]),
      key: (row) => teamAggregateKeys.key(row.tenantId, row.year, row.serviceAreaId, row.teamId),
    });
    this.releasedCodec = new RecordCodec<ReleasedCounts>(store.tableName, releasedCountsSchema, ['counts']);
    this.baselineCodec = new RecordCodec<DisclosureBaseline>(store.tableName, disclosureBaselineSchema, [
      'before',
      'shown',
    ]);
    this.released = new RecordTable(store, {
      codec: this.releasedCodec,
      key: (row) => teamAggregateKeys.released(row.tenantId, row.year, row.key),
    });
    this.packCodec = new RecordCodec<BaselinePack>(store.tableName, baselinePackSchema, [
      'columns',
      'releases',
      'nodes',
    ]);
  }

  /**
   * The year's disclosure state, released counts and baselines together, in ONE range read: their row keys
   * (`released|…`, `shown|…`) sit next to each other after the team rows (`area|…`).
   */
  async listDisclosureState(tenantId: TenantId, year: number): Promise<DisclosureState> {
    const { released, baselines } = await this.readRange(tenantId, year, teamAggregateKeys.releasedPrefix);
    return { released, baselines };
  }

  /**
   * Every team row of the year AND its disclosure state in ONE range read (a page per 1,000 rows): the team
   * rows (`area|…`), the released counts (`released|…`) and the baselines (`shown|…`) are neighbours in the
   * year's partition. What a summary compiles from, read in as many round trips as `listForYear` alone.
   */
  async listYearWithDisclosureState(tenantId: TenantId, year: number): Promise<YearWithDisclosureState> {
    return this.readRange(tenantId, year, teamAggregateKeys.allAreasPrefix);
  }

  /** The year's partition from the rows starting with `from` up to the last baseline, decoded by kind. */
  private async readRange(tenantId: TenantId, year: number, from: string): Promise<YearWithDisclosureState> {
    const partitionKey = teamAggregateKeys.partition(tenantId, year);
    const rows: Versioned<TeamAggregate>[] = [];
    const released: Versioned<ReleasedCounts>[] = [];
    const packs: Versioned<BaselinePack>[] = [];
    const single: Versioned<DisclosureBaseline>[] = [];
    const filter = rowKeyPrefixesFilter(partitionKey, from, teamAggregateKeys.baselinePrefix);
    for await (const read of this.store.scan({ filter })) {
      const rowKey = String(read.value.rowKey);
      if (rowKey.startsWith(teamAggregateKeys.baselinePackPrefix))
        packs.push({ value: this.packCodec.decode(read.value), etag: read.etag });
      else if (rowKey.startsWith(teamAggregateKeys.baselinePrefix))
        single.push({ value: this.baselineCodec.decode(read.value), etag: read.etag });
      else if (rowKey.startsWith(teamAggregateKeys.releasedPrefix))
        released.push({ value: this.releasedCodec.decode(read.value), etag: read.etag });
      else if (rowKey.startsWith(teamAggregateKeys.allAreasPrefix))
        rows.push({ value: this.table.decodeRow(read.value), etag: read.etag });
    }
    // A node in a pack was written after its single row (the write that made the pack deleted those rows).
    const nodes = new Map(single.map(({ value }) => [value.nodeId, value]));
    for (const { value } of packs) for (const node of unpack(value)) nodes.set(node.nodeId, node);
    return { rows, released, baselines: { nodes: [...nodes.values()], packs, single } };
  }

  /** Writes new releases, each with the ETag read (none: created); throws when another reader released first. */
  async writeReleased(
    tenantId: TenantId,
    year: number,
    releases: readonly ReleasedCounts[],
    existing: Iterable<Versioned<ReleasedCounts>>,
  ): Promise<void> {
    await this.released.planSync(releases, existing, teamAggregateKeys.partition(tenantId, year)).run();
  }

  /** As `writeDisclosure`, with baselines only. */
  async writeBaselines(
    tenantId: TenantId,
    year: number,
    baselines: readonly DisclosureBaseline[],
    stored: StoredBaselines,
  ): Promise<void> {
    await this.writeDisclosure(
      tenantId,
      year,
      { baselines, released: [] },
      { released: [], baselines: stored },
    );
  }

  /**
   * Writes new releases (each replacing the one read, in `read.released`, with its ETag; none: created) and the
   * given baselines over those read (`read.baselines`): the year's nodes, sorted by id, are packed up to
   * PACK_NODES to a row (fewer for a framework of many columns) and only the packs that changed are written,
   * each replaced with the ETag it was read with (none: created). All in one transaction (more only past 100 rows or 3 MiB). Single-node baseline rows of before
   * are deleted in the same write. Throws when another reader wrote one of them in between (the caller computes
   * again from what is stored then); nothing of that transaction is written.
   */
  async writeDisclosure(
    tenantId: TenantId,
    year: number,
    {
      baselines,
      released,
    }: { baselines: readonly DisclosureBaseline[]; released: readonly ReleasedCounts[] },
    read: DisclosureState,
  ): Promise<void> {
    const stored = read.baselines;
    const partitionKey = teamAggregateKeys.partition(tenantId, year);
    for (const baseline of baselines) {
      if (baseline.tenantId !== tenantId || baseline.year !== year) {
        throw new Error('A baseline belongs to another tenant or year.');
      }
    }
    const nodes = new Map(stored.nodes.map((node) => [node.nodeId, node]));
    for (const baseline of baselines) nodes.set(baseline.nodeId, baseline);
    const sorted = [...nodes.values()].sort((a, b) =>
      a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0,
    );
    for (const release of released) {
      if (release.tenantId !== tenantId || release.year !== year) {
        throw new Error('A release belongs to another tenant or year.');
      }
    }
    const readReleases = new Map(read.released.map((release) => [release.value.key, release]));
    const writes: { action: TransactionAction; chars: number }[] = released.map((release) => {
      const row = this.releasedCodec.row(teamAggregateKeys.released(tenantId, year, release.key), release);
      const previous = readReleases.get(release.key);
      return {
        action: previous ? ['update', row, 'Replace', { etag: previous.etag }] : ['create', row],
        chars: JSON.stringify(row).length,
      };
    });
    const readPacks = new Map(stored.packs.map((pack) => [pack.value.pack, pack]));
    let count = 0;
    const columns = new Set(
      sorted.flatMap((node) => [...Object.keys(node.before), ...Object.keys(node.shown)]),
    );
    const perPack = nodesPerPack(columns.size);
    for (let start = 0; start < sorted.length; start += perPack, count++) {
      const pack = packOf(tenantId, year, count, sorted.slice(start, start + perPack));
      const previous = readPacks.get(count);
      if (previous && this.packCodec.same(previous.value, pack)) continue;
      const row = this.packCodec.row(teamAggregateKeys.baselinePack(tenantId, year, count), pack);
      writes.push({
        action: previous ? ['update', row, 'Replace', { etag: previous.etag }] : ['create', row],
        chars: JSON.stringify(row).length,
      });
    }
    // The SDK's transactional delete carries no ETag: these go with the conditional writes above.
    const gone = [
      ...stored.packs
        .filter((pack) => pack.value.pack >= count)
        .map(({ value }) => teamAggregateKeys.baselinePack(tenantId, year, value.pack)),
      ...stored.single.map(({ value }) => teamAggregateKeys.baseline(tenantId, year, value.nodeId)),
    ];
    if (writes.length === 0) return;
    // First, so that they share a transaction with conditional writes even when the write takes several.
    writes.unshift(
      ...gone.map((key) => ({ action: ['delete', { ...key }] as TransactionAction, chars: 200 })),
    );
    const batches: TransactionAction[][] = [];
    let chars = 0;
    for (const write of writes) {
      const batch = batches[batches.length - 1];
      if (batch && batch.length < MAX_TRANSACTION_ACTIONS && chars + write.chars <= MAX_TRANSACTION_CHARS) {
        batch.push(write.action);
        chars += write.chars;
      } else {
        batches.push([write.action]);
        chars = write.chars;
      }
    }
    if (batches.some((batch) => batch.some(([, entity]) => entity.partitionKey !== partitionKey))) {
      throw new Error('A baseline pack belongs to another partition.');
    }
    for (const batch of batches) {
      try {
        await this.store.transaction(batch);
      } catch (error) {
        // A row this write deletes is gone: another reader folded the old rows in first. A lost race, as a moved ETag.
        if (error instanceof NotFoundError) throw new ConcurrencyConflictError(this.store.tableName);
        throw error;
      }
    }
  }

  /** A service area's teams of the year: one range read (a page holds 1,000 teams). */
  async listForServiceArea(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
  ): Promise<Versioned<TeamAggregate>[]> {
    const partitionKey = teamAggregateKeys.partition(tenantId, year);
    return this.table.list(rowKeyPrefixFilter(partitionKey, teamAggregateKeys.areaPrefix(serviceAreaId)));
  }

  /** Every team of the year: one read per 1,000 teams (a city of 40,000 people has a few thousand). */
  async listForYear(tenantId: TenantId, year: number): Promise<Versioned<TeamAggregate>[]> {
    const partitionKey = teamAggregateKeys.partition(tenantId, year);
    return this.table.list(rowKeyPrefixFilter(partitionKey, teamAggregateKeys.allAreasPrefix));
  }

  /** Stores one team's tallies, whatever was there (they are recomputed from the discussions); equal ones are not written. */
  async put(aggregate: TeamAggregate): Promise<void> {
    await this.table.put(aggregate);
  }

  /**
   * Makes the year's rows equal `aggregates`: changed rows are replaced with the ETag they were read with,
   * equal ones left alone, and rows of teams that are no longer there (moved or gone) deleted.
   */
  async replaceYear(
    tenantId: TenantId,
    year: number,
    aggregates: readonly TeamAggregate[],
  ): Promise<SyncCounts> {
    return this.replace(tenantId, year, aggregates, await this.listForYear(tenantId, year));
  }

  /** As `replaceYear`, for one service area's rows. */
  async replaceServiceArea(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
    aggregates: readonly TeamAggregate[],
  ): Promise<SyncCounts> {
    if (aggregates.some((row) => row.serviceAreaId !== serviceAreaId)) {
      throw new Error('A service area is replaced with its own teams only.');
    }
    const existing = await this.listForServiceArea(tenantId, year, serviceAreaId);
    return this.replace(tenantId, year, aggregates, existing);
  }

  private async replace(
    tenantId: TenantId,
    year: number,
    aggregates: readonly TeamAggregate[],
    existing: Versioned<TeamAggregate>[],
  ): Promise<SyncCounts> {
    const plan = this.table.planSync(aggregates, existing, teamAggregateKeys.partition(tenantId, year));
    await plan.run();
    const kept = new Set(aggregates.map((row) => `${row.serviceAreaId}\n${row.teamId}`));
    for (const row of existing) {
      if (!kept.has(`${row.value.serviceAreaId}\n${row.value.teamId}`)) await this.table.delete(row);
    }
    return plan.counts;
  }
}
