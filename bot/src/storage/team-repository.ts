/**
 * Teams (tiimit / vastuualueet): in the tenant's partition, each team under `team|T` with a copy under
 * `area|SA|T`, so a service area's teams are one range read.
 */
import { z } from 'zod';
import { TEAM_KINDS, type Team, type TenantId } from '../domain/organisation';
import { rowKeyPrefixFilter, teamKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes, type PageRequest, type SyncPlan } from './record-table';
import type { Page, TableStore, Versioned } from './table-store';
import { ExpiringCache } from './expiring-cache';
import { readAll } from './read-all';
import { TEAM_NAMES_CACHE } from '../tunables';

const teamSchema = z.object({
  tenantId: z.string().min(1),
  id: z.string().min(1),
  serviceAreaId: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(TEAM_KINDS),
  supervisorId: z.string().min(1).nullable(),
}) satisfies z.ZodType<Team>;

export class TeamRepository {
  private readonly table: RecordTable<Team>;
  /** Team id → name per service area; any write here, the import included, forgets the tenant's. */
  private readonly recentNames = new ExpiringCache<ReadonlyMap<string, string>>(TEAM_NAMES_CACHE);
  /** When this repository last finished writing each tenant's teams (ms since the epoch). */
  private readonly lastWritten = new Map<TenantId, number>();

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<Team>(store.tableName, teamSchema, []),
      key: (team) => ({ partitionKey: teamKeys.partition(team.tenantId), rowKey: teamKeys.row(team.id) }),
      copies: (team) => [teamKeys.areaRow(team.serviceAreaId, team.id)],
    });
  }

  async get(tenantId: TenantId, teamId: string): Promise<Versioned<Team> | null> {
    return this.table.get({ partitionKey: teamKeys.partition(tenantId), rowKey: teamKeys.row(teamId) });
  }

  /** AlreadyExistsError if the team exists. */
  async create(team: Team): Promise<Versioned<Team>> {
    return this.written(team.tenantId, this.table.insert(team));
  }

  /** Moving a team to another service area moves its copy in the same transaction. */
  async update(read: Versioned<Team>, changes: Changes<Team, 'tenantId' | 'id'>): Promise<Versioned<Team>> {
    return this.written(read.value.tenantId, this.table.update(read, changes));
  }

  /** Forgets the tenant's names once `write` has settled, and notes when; returns its result. */
  private async written<R>(tenantId: TenantId, write: Promise<R>): Promise<R> {
    try {
      return await this.recentNames.forgetTenantAfter(tenantId, write);
    } finally {
      this.lastWritten.set(tenantId, Date.now());
    }
  }

  /**
   * A service area's team names (id → name), as read at most a minute ago (TEAM_NAMES_CACHE) or since this
   * repository last wrote the tenant's teams: for showing names, never for deciding anything. `stored`: the
   * names kept with the area's team aggregates, as the aggregates' rebuild read them; used instead of a read
   * when this repository wrote none of the tenant's teams since (a rename elsewhere shows with the next
   * rebuild: the aggregate job's, the area's before HR drafts, or one after a signing).
   */
  async namesForServiceArea(
    tenantId: TenantId,
    serviceAreaId: string,
    stored?: { names: ReadonlyMap<string, string>; at: string } | null,
  ): Promise<ReadonlyMap<string, string>> {
    const kept = this.recentNames.peek(tenantId, serviceAreaId);
    if (kept) return kept;
    if (stored && Date.parse(stored.at) >= (this.lastWritten.get(tenantId) ?? -Infinity)) {
      this.recentNames.remember(tenantId, serviceAreaId, stored.names);
      return stored.names;
    }
    return this.recentNames.load(tenantId, serviceAreaId, async () => {
      const teams = await readAll((page) => this.listForServiceArea(tenantId, serviceAreaId, page));
      return new Map(teams.map((team) => [team.id, team.name]));
    });
  }

  async listForServiceArea(
    tenantId: TenantId,
    serviceAreaId: string,
    page?: PageRequest,
  ): Promise<Page<Team>> {
    const filter = rowKeyPrefixFilter(teamKeys.partition(tenantId), teamKeys.areaPrefix(serviceAreaId));
    return this.table.pageCopies(filter, page);
  }

  async list(tenantId: TenantId, page?: PageRequest): Promise<Page<Versioned<Team>>> {
    return this.table.page(rowKeyPrefixFilter(teamKeys.partition(tenantId), teamKeys.rowPrefix), page);
  }

  /** For the import: reads all of the tenant's teams (a bounded partition read). */
  async planSync(tenantId: TenantId, teams: readonly Team[]): Promise<SyncPlan> {
    const partitionKey = teamKeys.partition(tenantId);
    const existing = await this.table.list(rowKeyPrefixFilter(partitionKey, teamKeys.rowPrefix));
    const plan = this.table.planSync(teams, existing, partitionKey);
    return { counts: plan.counts, run: () => this.written(tenantId, plan.run()) };
  }
}
