/**
 * TeamAggregates: each team's anonymous tallies of its signed development discussions for a year (rating
 * counts per competence, development needs, learning goals by way of learning). Summaries read these instead
 * of the discussions. A service area's teams are packed many to a row (`area|SA|pack|0000`, …: the counts as
 * lists over columns named once per row, the area's team names beside them), so the whole city's teams, the
 * released counts and the disclosure baselines are one range read of a few dozen rows. No row names a person;
 * the rows are rebuilt from the discussions (see summaries/aggregate-refresh.ts), so they never need to be
 * edited by hand. Teams stored one row per team before the packs (`area|SA|TM`) are read as long as their area
 * has no pack, and deleted by the write that packs it.
 */
import { z } from 'zod';
import { LEARNING_WAYS, type LearningWay } from '../domain/development-discussion';
import type { TenantId } from '../domain/organisation';
import type { TeamAggregate, TeamTally } from '../domain/team-aggregate';
import { keyPart, rowKeyPrefixesFilter, rowKeyPrefixFilter, teamAggregateKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type SyncCounts } from './record-table';
import type { TransactionAction } from '@azure/data-tables';
import { MAX_TRANSACTION_ACTIONS, type Row, type TableStore, type Versioned } from './table-store';
import { ConcurrencyConflictError, NotFoundError, isWriteRace } from './errors';
import { PACK_CHARS, PACK_NODES, RECORD_PUT_ATTEMPTS } from '../tunables';

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
 * One column of a team pack: respondents (`n`), learning goals of a way (`w`, way), and per competence whether it
 * is tallied and how many rated it (`c`: rated + 1, 0: not tallied), its needs (`needs`) and the count of one
 * self (`s`) or supervisor (`v`) rating (count + 1, 0: not listed), so a tally reads back exactly as written.
 */
type PackColumn = ['n'] | ['w', LearningWay] | ['c' | 'needs', string] | ['s' | 'v', string, string];

/**
 * Many teams of one service area in one row: the columns named once, each team's counts as a comma-separated
 * list over them (trailing zeros left out), its release as an index into `releases` (-1: never released).
 * `names`: the teams' names as the rebuild read them at `namesAt` (absent: not kept), shown instead of reading
 * the teams when nothing newer was written (TeamRepository.namesForServiceArea).
 */
interface TeamPack {
  tenantId: TenantId;
  year: number;
  serviceAreaId: string;
  pack: number;
  columns: PackColumn[];
  releases: string[];
  /** [team id, index into `releases`, counts, counts at the release before (null: none)]. */
  teams: Array<[string, number, string, string | null]>;
  names?: Record<string, string> | undefined;
  namesAt?: string | null;
}

const countList = z.string().regex(/^(?:\d+(?:,\d+)*)?$/);

const teamPackSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  serviceAreaId: z.string().min(1),
  pack: z.number().int().min(0),
  columns: z.array(
    z.union([
      z.tuple([z.literal('n')]),
      z.tuple([z.literal('w'), z.enum(LEARNING_WAYS)]),
      z.tuple([z.enum(['c', 'needs']), z.string().min(1)]),
      z.tuple([z.enum(['s', 'v']), z.string().min(1), z.string().min(1)]),
    ]),
  ),
  releases: z.array(z.string()),
  teams: z.array(z.tuple([z.string().min(1), z.number().int().min(-1), countList, countList.nullable()])),
  names: z.record(z.string(), z.string()).optional(),
  namesAt: z.string().nullable().optional(),
}) satisfies z.ZodType<TeamPack>;

/** An area's team names as the rebuild read them (`at`), for showing them without reading the teams. */
export interface StoredTeamNames {
  names: ReadonlyMap<string, string>;
  at: string;
}

const columnId = (column: PackColumn): string => column.join('\n');

/** Builds the columns of a pack as its teams' tallies are listed, each named once. */
class PackColumns {
  readonly list: PackColumn[] = [];
  private readonly index = new Map<string, number>();

  of(column: PackColumn): number {
    const id = columnId(column);
    let found = this.index.get(id);
    if (found === undefined) {
      found = this.list.length;
      this.list.push(column);
      this.index.set(id, found);
    }
    return found;
  }

  counts(tally: TeamTally): string {
    const values: number[] = [];
    const set = (column: PackColumn, value: number): void => {
      values[this.of(column)] = value;
    };
    set(['n'], tally.respondents);
    for (const way of LEARNING_WAYS) set(['w', way], tally.learningWays[way]);
    for (const [id, competence] of Object.entries(tally.competences)) {
      set(['c', id], competence.rated + 1);
      set(['needs', id], competence.needs);
      for (const [rating, count] of Object.entries(competence.self)) set(['s', id, rating], count + 1);
      for (const [rating, count] of Object.entries(competence.supervisor)) set(['v', id, rating], count + 1);
    }
    let length = values.length;
    while (length > 0 && !values[length - 1]) length--;
    let text = '';
    for (let index = 0; index < length; index++) text += `${index === 0 ? '' : ','}${values[index] ?? 0}`;
    return text;
  }
}

/** A tally from its counts over `columns` (PackColumns.counts read back). */
function tallyFrom(columns: readonly PackColumn[], text: string): TeamTally {
  const tally: TeamTally = { respondents: 0, competences: {}, learningWays: { '70': 0, '20': 0, '10': 0 } };
  if (text === '') return tally;
  const values = text.split(',');
  for (let index = 0; index < values.length; index++) {
    const value = Number(values[index]);
    const column = columns[index];
    if (value === 0 || !column) continue;
    switch (column[0]) {
      case 'n':
        tally.respondents = value;
        break;
      case 'w':
        tally.learningWays[column[1]] = value;
        break;
      case 'c':
        tally.competences[column[1]] = { self: {}, supervisor: {}, rated: value - 1, needs: 0 };
        break;
      case 'needs': {
        const competence = tally.competences[column[1]];
        if (competence) competence.needs = value;
        break;
      }
      default: {
        const competence = tally.competences[column[1]];
        if (competence) (column[0] === 's' ? competence.self : competence.supervisor)[column[2]] = value - 1;
      }
    }
  }
  return tally;
}

/**
 * What a team pack's teams may take at most, in characters of JSON: well under an entity's 1 MiB (2 bytes a
 * character, https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model)
 * and a JSON field's 16 parts of 32,768 characters (RecordCodec); an area past it takes more rows.
 */
const TEAM_PACK_CHARS = PACK_CHARS;

/** An area's teams (sorted by id) packed in rows of at most TEAM_PACK_CHARS characters. */
function packArea(
  tenantId: TenantId,
  year: number,
  serviceAreaId: string,
  rows: readonly TeamAggregate[],
  names: StoredTeamNames | null,
): TeamPack[] {
  const packs: TeamPack[] = [];
  let columns = new PackColumns();
  let releases: string[] = [];
  let teams: TeamPack['teams'] = [];
  let chars = 0;
  const close = (): void => {
    const kept =
      names &&
      teams.flatMap(([teamId]) => {
        const name = names.names.get(teamId);
        return name === undefined ? [] : [[teamId, name] as const];
      });
    packs.push({
      tenantId,
      year,
      serviceAreaId,
      pack: packs.length,
      columns: columns.list,
      releases,
      teams,
      ...(kept ? { names: Object.fromEntries(kept), namesAt: names.at } : {}),
    });
    columns = new PackColumns();
    releases = [];
    teams = [];
    chars = 0;
  };
  const sorted = [...rows].sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
  for (const row of sorted) {
    let release = -1;
    if (row.releasedAt) {
      release = releases.indexOf(row.releasedAt);
      if (release < 0) release = releases.push(row.releasedAt) - 1;
    }
    const counts = columns.counts(row);
    const previous = row.previous ? columns.counts(row.previous) : null;
    teams.push([row.teamId, release, counts, previous]);
    chars += row.teamId.length * 2 + counts.length + (previous?.length ?? 4) + 200;
    if (chars >= TEAM_PACK_CHARS) close();
  }
  if (teams.length > 0 || packs.length === 0) close();
  return packs;
}

function unpackTeams(pack: TeamPack): TeamAggregate[] {
  return pack.teams.map(([teamId, release, counts, previous]) => ({
    tenantId: pack.tenantId,
    year: pack.year,
    serviceAreaId: pack.serviceAreaId,
    teamId,
    ...tallyFrom(pack.columns, counts),
    releasedAt: pack.releases[release] ?? null,
    previous: previous === null ? null : tallyFrom(pack.columns, previous),
  }));
}

/** What is stored of one service area: its packs, and its rows of before (read only while it has no pack). */
interface StoredArea {
  packs: Versioned<TeamPack>[];
  single: Versioned<TeamAggregate>[];
}

/** The teams an area's stored rows hold (its packs' where it has any), each with the ETag of its row. */
function teamsOf(area: StoredArea): Versioned<TeamAggregate>[] {
  if (area.packs.length === 0) return area.single;
  return area.packs.flatMap(({ value, etag }) => unpackTeams(value).map((team) => ({ value: team, etag })));
}

/** The names kept with an area's packs (null: none kept, or the packs were written without them). */
function namesOf(area: StoredArea): StoredTeamNames | null {
  const first = area.packs[0]?.value;
  if (!first?.names || !first.namesAt) return null;
  const names = new Map<string, string>();
  for (const { value } of area.packs)
    for (const [id, name] of Object.entries(value.names ?? {})) names.set(id, name);
  return { names, at: first.namesAt };
}

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

/**
 * How many nodes go in a pack for `columns` columns: each node's two lists at 6 characters a value at most
 * (a count up to 99,999 and its comma), and its id and release index.
 */
const nodesPerPack = (columns: number): number =>
  Math.max(1, Math.min(PACK_NODES, Math.floor(PACK_CHARS / (2 * 6 * columns + 200))));

/**
 * A transaction's body is at most 4 MiB (a fact: https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions): packs are written in transactions of at
 * most this many characters, leaving room for the batch's envelope.
 */
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
  /** Every team of the year, each with the ETag of the row it is stored in (its area's pack). */
  rows: Versioned<TeamAggregate>[];
}

/** The year's teams and disclosure state, and each service area's team names kept with its teams. */
export interface YearForFigures {
  state: YearWithDisclosureState;
  /** By service area (absent: none kept). */
  names: Map<string, StoredTeamNames>;
}

/** The area of a team row's key (`area|SA|TM` or `area|SA|pack|NNNN`), and whether it is a pack. */
function areaRowKind(rowKey: string): { area: string; pack: boolean } {
  const parts = rowKey.split('|');
  return { area: parts[1] ?? '', pack: parts.length === 4 && parts[2] === 'pack' };
}

/**
 * Writes in order, in as few transactions as Table Storage takes: at most MAX_TRANSACTION_ACTIONS actions and
 * MAX_TRANSACTION_CHARS of payload each (`chars`, the write's estimated size).
 */
function transactionBatches(
  writes: ReadonlyArray<{ action: TransactionAction; chars: number }>,
): TransactionAction[][] {
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
  return batches;
}

export class TeamAggregateRepository {
  private readonly released: RecordTable<ReleasedCounts>;
  private readonly releasedCodec: RecordCodec<ReleasedCounts>;
  private readonly baselineCodec: RecordCodec<DisclosureBaseline>;
  private readonly table: RecordTable<TeamAggregate>;
  private readonly packCodec: RecordCodec<BaselinePack>;
  private readonly teamPackCodec: RecordCodec<TeamPack>;
  private readonly teamCodec: RecordCodec<TeamAggregate>;

  constructor(private readonly store: TableStore) {
    this.teamCodec = new RecordCodec<TeamAggregate>(store.tableName, teamAggregateSchema, [
      'competences',
      'learningWays',
      'previous',
    ]);
    this.table = new RecordTable(store, {
      codec: this.teamCodec,
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
    this.teamPackCodec = new RecordCodec<TeamPack>(store.tableName, teamPackSchema, [
      'columns',
      'releases',
      'teams',
      'names',
    ]);
  }

  /**
   * The year's disclosure state, released counts and baselines together, in ONE range read: their row keys
   * (`released|…`, `shown|…`) sit next to each other after the team rows (`area|…`).
   */
  async listDisclosureState(tenantId: TenantId, year: number): Promise<DisclosureState> {
    const { state } = await this.readRange(tenantId, year, teamAggregateKeys.releasedPrefix);
    return { released: state.released, baselines: state.baselines };
  }

  /**
   * Every team row of the year AND its disclosure state in ONE range read (a page per 1,000 rows): the team
   * rows (`area|…`), the released counts (`released|…`) and the baselines (`shown|…`) are neighbours in the
   * year's partition. What a summary compiles from, read in as many round trips as `listForYear` alone.
   */
  async listYearWithDisclosureState(tenantId: TenantId, year: number): Promise<YearWithDisclosureState> {
    return (await this.readRange(tenantId, year, teamAggregateKeys.allAreasPrefix)).state;
  }

  /** As `listYearWithDisclosureState`, with the team names kept beside the teams: what a summary reads. */
  async listYearForFigures(tenantId: TenantId, year: number): Promise<YearForFigures> {
    return this.readRange(tenantId, year, teamAggregateKeys.allAreasPrefix);
  }

  /** The year's partition from the rows starting with `from` up to the last baseline, decoded by kind. */
  private async readRange(tenantId: TenantId, year: number, from: string): Promise<YearForFigures> {
    const partitionKey = teamAggregateKeys.partition(tenantId, year);
    const areas = new Map<string, StoredArea>();
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
      else if (rowKey.startsWith(teamAggregateKeys.allAreasPrefix)) this.addAreaRow(areas, read);
    }
    // A node in a pack was written after its single row (the write that made the pack deleted those rows).
    const nodes = new Map(single.map(({ value }) => [value.nodeId, value]));
    for (const { value } of packs) for (const node of unpack(value)) nodes.set(node.nodeId, node);
    const names = new Map<string, StoredTeamNames>();
    for (const area of areas.values()) {
      const kept = namesOf(area);
      const id = area.packs[0]?.value.serviceAreaId;
      if (kept && id !== undefined) names.set(id, kept);
    }
    return {
      state: {
        rows: [...areas.values()].flatMap(teamsOf),
        released,
        baselines: { nodes: [...nodes.values()], packs, single },
      },
      names,
    };
  }

  /** Files a team row (a pack, or a team's row of before) under its area. */
  private addAreaRow(areas: Map<string, StoredArea>, read: Versioned<Row>): void {
    const { area, pack } = areaRowKind(String(read.value.rowKey));
    let stored = areas.get(area);
    if (!stored) {
      stored = { packs: [], single: [] };
      areas.set(area, stored);
    }
    if (pack) stored.packs.push({ value: this.teamPackCodec.decode(read.value), etag: read.etag });
    else stored.single.push({ value: this.table.decodeRow(read.value), etag: read.etag });
  }

  /** The stored rows under `prefix` (an area's, or every area's), by area. */
  private async readAreas(
    tenantId: TenantId,
    year: number,
    prefix: string,
  ): Promise<Map<string, StoredArea>> {
    const areas = new Map<string, StoredArea>();
    const filter = rowKeyPrefixFilter(teamAggregateKeys.partition(tenantId, year), prefix);
    for await (const read of this.store.scan({ filter })) this.addAreaRow(areas, read);
    return areas;
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
    const batches = transactionBatches(writes);
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

  /** A service area's teams of the year: one range read (its packs, or its rows of before). */
  async listForServiceArea(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
  ): Promise<Versioned<TeamAggregate>[]> {
    const areas = await this.readAreas(tenantId, year, teamAggregateKeys.areaPrefix(serviceAreaId));
    return [...areas.values()].flatMap(teamsOf);
  }

  /** Every team of the year: one range read (a row per area, or per 1,000 teams stored one to a row). */
  async listForYear(tenantId: TenantId, year: number): Promise<Versioned<TeamAggregate>[]> {
    const areas = await this.readAreas(tenantId, year, teamAggregateKeys.allAreasPrefix);
    return [...areas.values()].flatMap(teamsOf);
  }

  /**
   * Stores one team's tallies in its area's pack, whatever was there (they are recomputed from the
   * discussions); an equal one is not written. The area's other teams stay as they are.
   */
  async put(aggregate: TeamAggregate): Promise<void> {
    const { tenantId, year, serviceAreaId } = aggregate;
    for (let attempt = 1; ; attempt++) {
      const areas = await this.readAreas(tenantId, year, teamAggregateKeys.areaPrefix(serviceAreaId));
      const stored = [...areas.values()][0] ?? { packs: [], single: [] };
      const teams = teamsOf(stored)
        .map(({ value }) => value)
        .filter((team) => team.teamId !== aggregate.teamId);
      try {
        await this.writeArea(tenantId, year, serviceAreaId, [...teams, aggregate], namesOf(stored), stored);
        return;
      } catch (error) {
        const raced = isWriteRace(error);
        if (!raced || attempt >= RECORD_PUT_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Makes the year's teams equal `aggregates`: each area's packs are written where they changed (each
   * replaced with the ETag it was read with), equal ones left alone, and the packs of areas that no longer
   * have teams deleted. `names` (team id → name, read at `namesAt`) are kept with the teams, for showing.
   */
  async replaceYear(
    tenantId: TenantId,
    year: number,
    aggregates: readonly TeamAggregate[],
    names?: TeamNamesRead,
  ): Promise<SyncCounts> {
    const stored = await this.readAreas(tenantId, year, teamAggregateKeys.allAreasPrefix);
    const byArea = new Map<string, TeamAggregate[]>();
    for (const row of aggregates) {
      if (row.tenantId !== tenantId || row.year !== year) {
        throw new Error('A team row belongs to another tenant or year.');
      }
      byArea.set(row.serviceAreaId, [...(byArea.get(row.serviceAreaId) ?? []), row]);
    }
    const areaIds = new Set([...byArea.keys()]);
    for (const area of stored.values()) {
      const id = teamsOf(area)[0]?.value.serviceAreaId ?? area.packs[0]?.value.serviceAreaId;
      if (id !== undefined) areaIds.add(id);
    }
    const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0 };
    for (const areaId of areaIds) {
      const area = stored.get(keyPart(areaId, 'service area id')) ?? { packs: [], single: [] };
      const result = await this.writeArea(
        tenantId,
        year,
        areaId,
        byArea.get(areaId) ?? [],
        names ? namesFor(names, byArea.get(areaId) ?? []) : namesOf(area),
        area,
      );
      counts.created += result.created;
      counts.updated += result.updated;
      counts.unchanged += result.unchanged;
    }
    return counts;
  }

  /** As `replaceYear`, for one service area's teams. */
  async replaceServiceArea(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
    aggregates: readonly TeamAggregate[],
    names?: TeamNamesRead,
  ): Promise<SyncCounts> {
    if (aggregates.some((row) => row.serviceAreaId !== serviceAreaId)) {
      throw new Error('A service area is replaced with its own teams only.');
    }
    if (aggregates.some((row) => row.tenantId !== tenantId || row.year !== year)) {
      throw new Error('A team row belongs to another tenant or year.');
    }
    const areas = await this.readAreas(tenantId, year, teamAggregateKeys.areaPrefix(serviceAreaId));
    const area = [...areas.values()][0] ?? { packs: [], single: [] };
    return this.writeArea(
      tenantId,
      year,
      serviceAreaId,
      aggregates,
      names ? namesFor(names, aggregates) : namesOf(area),
      area,
    );
  }

  /**
   * Writes an area's packs over what was read of it: the packs that changed, each with the ETag read (none:
   * created), the ones no longer needed deleted, and its rows of before deleted (a pack makes them unread).
   * The packs and as many deletes as fit go in one transaction; more deletes follow in others. Throws when
   * another writer changed a pack in between (nothing of that transaction is written).
   */
  private async writeArea(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
    rows: readonly TeamAggregate[],
    names: StoredTeamNames | null,
    stored: StoredArea,
  ): Promise<SyncCounts> {
    const before = new Map(teamsOf(stored).map(({ value }) => [value.teamId, value]));
    const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0 };
    for (const row of rows) {
      const previous = before.get(row.teamId);
      if (!previous) counts.created++;
      else if (this.teamCodec.same(previous, row)) counts.unchanged++;
      else counts.updated++;
    }
    // Names read again but unchanged keep the time they were first read with (an unchanged pack is not written).
    const keptNames = namesOf(stored);
    const sameNames =
      names !== null &&
      keptNames !== null &&
      names.names.size === keptNames.names.size &&
      [...names.names].every(([id, name]) => keptNames.names.get(id) === name);
    const packs =
      rows.length === 0 ? [] : packArea(tenantId, year, serviceAreaId, rows, sameNames ? keptNames : names);
    const readPacks = new Map(stored.packs.map((pack) => [pack.value.pack, pack]));
    const writes: { action: TransactionAction; chars: number }[] = [];
    for (const pack of packs) {
      const previous = readPacks.get(pack.pack);
      if (previous && this.teamPackCodec.same(previous.value, pack)) continue;
      const row = this.teamPackCodec.row(
        teamAggregateKeys.teamPack(tenantId, year, serviceAreaId, pack.pack),
        pack,
      );
      writes.push({
        action: previous ? ['update', row, 'Replace', { etag: previous.etag }] : ['create', row],
        chars: JSON.stringify(row).length,
      });
    }
    // The SDK's transactional delete carries no ETag: these go with the conditional writes above.
    const gone: TransactionAction[] = [
      ...stored.packs
        .filter((pack) => pack.value.pack >= packs.length)
        .map(({ value }): TransactionAction => [
          'delete',
          { ...teamAggregateKeys.teamPack(tenantId, year, serviceAreaId, value.pack) },
        ]),
      ...stored.single.map(({ value }): TransactionAction => [
        'delete',
        { ...teamAggregateKeys.key(tenantId, year, value.serviceAreaId, value.teamId) },
      ]),
    ];
    if (writes.length === 0 && gone.length === 0) return counts;
    const batches = transactionBatches([...writes, ...gone.map((action) => ({ action, chars: 200 }))]);
    for (const [index, batch] of batches.entries()) {
      try {
        await this.store.transaction(batch);
      } catch (error) {
        // Only deletes of rows of before follow the first transaction: unread while the area has a pack, they
        // go with the next write if another writer has not deleted them already.
        if (index > 0) continue;
        // A row of before already gone (another writer packed the area first): a lost race, as a moved ETag.
        if (error instanceof NotFoundError) throw new ConcurrencyConflictError(this.store.tableName);
        throw error;
      }
    }
    return counts;
  }
}

/** Team names as a rebuild read them: team id → name, and when. */
export interface TeamNamesRead {
  names: ReadonlyMap<string, string>;
  at: string;
}

/** The names of `rows`' teams, as read. */
function namesFor(read: TeamNamesRead, rows: readonly TeamAggregate[]): StoredTeamNames {
  const names = new Map<string, string>();
  for (const row of rows) {
    const name = read.names.get(row.teamId);
    if (name !== undefined) names.set(row.teamId, name);
  }
  return { names, at: read.at };
}
