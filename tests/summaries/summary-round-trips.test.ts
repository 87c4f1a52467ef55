/**
 * How many storage requests a summary costs (issue 13: an area's summary in at most 10 round trips), on real
 * Azurite with the known city: the year's team rows and the disclosure state beside them come in one range
 * read, a repeated compile reads and writes nothing more than the first one read, and the first compile after
 * a release writes what it showed in one transaction. Counting requests is behaviour (each is a round trip to
 * Azure Storage), not timing.
 */
import { rebuildYear } from '../../bot/src/summaries/aggregate-refresh';
import { compileCityFigures, compileServiceAreaSummary } from '../../bot/src/summaries/summary-compilation';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { requestCountingAccount } from '../../bot/src/storage/request-counting';
import { ConcurrencyConflictError } from '../../bot/src/storage/errors';
import { teamAggregateKeys } from '../../bot/src/storage/keys';
import type { DisclosureBaseline } from '../../bot/src/storage/team-aggregate-repository';
import { newTenantId, testStorageAccount } from '../support/storage';
import { AREA_A, knownCity, storeKnownCity, YEAR } from './support/known-city';

/** Requests sent by the table clients, by table (without the tests' prefix). */
type Requests = Map<string, number>;

const total = (requests: Requests): number => [...requests.values()].reduce((a, b) => a + b, 0);

describe('summaries: storage round trips', () => {
  const requests: Requests = new Map();
  let repositories: Repositories;
  let tenantId: string;

  /** The requests `run` sends, by table. */
  async function counting<T>(run: () => Promise<T>): Promise<{ result: T; requests: Requests }> {
    requests.clear();
    const result = await run();
    return { result, requests: new Map(requests) };
  }

  beforeAll(async () => {
    repositories = await openRepositories(
      requestCountingAccount(testStorageAccount(), (table) =>
        requests.set(table, (requests.get(table) ?? 0) + 1),
      ),
    );
    const city = knownCity(newTenantId());
    tenantId = city.organisation.tenantId;
    await storeKnownCity(repositories, city);
    await rebuildYear(repositories, tenantId, YEAR);
    // Six people of the area ask for coaching: at least a step (5) moved, so the first read releases them.
    const askers = city.people.filter((person) => person.serviceAreaId === AREA_A).slice(0, 6);
    expect(askers).toHaveLength(6);
    for (const person of askers) {
      await repositories.developmentActionRequests.create({
        tenantId,
        year: YEAR,
        personId: person.id,
        serviceAreaId: AREA_A,
        kind: 'coaching',
        form: 'individual',
        status: 'requested',
        updatedAt: `${YEAR}-03-01T10:00:00.000Z`,
      });
    }
  });

  it("compiles an area's first summary after a release in 8 requests: what it showed and released is one write", async () => {
    const first = await counting(() => compileServiceAreaSummary(repositories, tenantId, YEAR, AREA_A));
    // Organisation, framework, service areas, the year's team rows (the area's team names kept with them by the
    // rebuild) with the disclosure state beside them, last year's team rows, the requests' counts, the group
    // discussions; then one transaction with the demand released and the baselines of what was shown.
    expect(first.requests.get('TeamAggregates')).toBe(3);
    expect(first.requests.get('Teams')).toBeUndefined();
    expect(first.requests.get('DevelopmentActionRequests')).toBe(1);
    expect(total(first.requests)).toBe(8);
    expect(first.result.figures.developmentActions).toContainEqual(
      expect.objectContaining({ kind: 'coaching', form: 'individual', count: 6 }),
    );
    const state = await repositories.teamAggregates.listDisclosureState(tenantId, YEAR);
    expect(state.baselines.nodes.length).toBeGreaterThan(0);
    expect(state.released.map(({ value }) => value.key)).toContain(`demand:${AREA_A}`);
  });

  it('compiles it again in 7 reads, writing nothing, and shows exactly the same figures', async () => {
    const before = await compileServiceAreaSummary(repositories, tenantId, YEAR, AREA_A);
    const again = await counting(() => compileServiceAreaSummary(repositories, tenantId, YEAR, AREA_A));
    expect(again.result).toEqual(before);
    expect(again.requests.get('TeamAggregates')).toBe(2);
    // The area's team names were read within the minute (names only: the figures do not depend on them).
    expect(again.requests.get('Teams')).toBeUndefined();
    expect(total(again.requests)).toBe(7);
  });

  it("shows a team renamed in this process under its new name at once, reading the area's teams again", async () => {
    const named = (summary: Awaited<ReturnType<typeof compileServiceAreaSummary>>): (string | null)[] =>
      summary.figures.heatmap.map((row) => row.name);
    const before = await compileServiceAreaSummary(repositories, tenantId, YEAR, AREA_A);
    expect(named(before)).toContain('Alfa');
    const alfa = (await repositories.teams.listForServiceArea(tenantId, AREA_A)).items.find(
      (team) => team.name === 'Alfa',
    );
    const read = alfa && (await repositories.teams.get(tenantId, alfa.id));
    if (!read) throw new Error('no team Alfa');
    await repositories.teams.update(read, { name: 'Alfa uusi' });
    const after = await counting(() => compileServiceAreaSummary(repositories, tenantId, YEAR, AREA_A));
    expect(after.requests.get('Teams')).toBe(1);
    expect(named(after.result)).toEqual(named(before).map((name) => (name === 'Alfa' ? 'Alfa uusi' : name)));
    await repositories.teams.update((await repositories.teams.get(tenantId, read.value.id))!, {
      name: 'Alfa',
    });
  });

  it("compiles the city's figures at the same release in 6 reads", async () => {
    await compileCityFigures(repositories, tenantId, YEAR);
    const again = await counting(() => compileCityFigures(repositories, tenantId, YEAR));
    expect(again.requests.get('TeamAggregates')).toBe(2);
    expect(total(again.requests)).toBe(6);
  });

  it('reads the team rows and the disclosure state of a year in one request, the same as read apart', async () => {
    const apart = {
      rows: await repositories.teamAggregates.listForYear(tenantId, YEAR),
      ...(await repositories.teamAggregates.listDisclosureState(tenantId, YEAR)),
    };
    expect(apart.rows.length).toBeGreaterThan(0);
    expect(apart.baselines.nodes.length).toBeGreaterThan(0);
    const together = await counting(() =>
      repositories.teamAggregates.listYearWithDisclosureState(tenantId, YEAR),
    );
    expect(together.result).toEqual(apart);
    expect(total(together.requests)).toBe(1);
  });

  it("keeps 600 nodes' baselines in 3 rows, written in one transaction, and refuses a write over a newer one", async () => {
    const tenant = newTenantId();
    const node = (index: number, shown: number): DisclosureBaseline => ({
      tenantId: tenant,
      year: YEAR,
      nodeId: `team:area:${String(index).padStart(3, '0')}`,
      releases: index % 2 === 0 ? 'state-a' : 'state-b',
      before: index % 3 === 0 ? {} : { 'c|self|3': index },
      shown: { 'c|self|3': shown, 'c|rated': index + 5, 'ways|70': 0 === index % 5 ? 7 : 0 },
    });
    const nodes = Array.from({ length: 600 }, (_, index) => node(index, index + 1));
    const empty = await repositories.teamAggregates.listDisclosureState(tenant, YEAR);
    const written = await counting(() =>
      repositories.teamAggregates.writeBaselines(tenant, YEAR, nodes, empty.baselines),
    );
    expect(total(written.requests)).toBe(1);
    const read = await counting(() => repositories.teamAggregates.listDisclosureState(tenant, YEAR));
    expect(total(read.requests)).toBe(1);
    // Zeros are not listed (as before the packs): a node reads back as it was written without them.
    const withoutZeros = (baseline: DisclosureBaseline): DisclosureBaseline => ({
      ...baseline,
      shown: Object.fromEntries(Object.entries(baseline.shown).filter(([, value]) => value !== 0)),
    });
    const byId = (a: DisclosureBaseline, b: DisclosureBaseline): number => a.nodeId.localeCompare(b.nodeId);
    expect([...read.result.baselines.nodes].sort(byId)).toEqual(nodes.map(withoutZeros));
    expect(read.result.baselines.packs).toHaveLength(3);

    // Another reader records one node's baseline first: a write computed from the older read is refused whole.
    await repositories.teamAggregates.writeBaselines(tenant, YEAR, [node(5, 99)], read.result.baselines);
    await expect(
      repositories.teamAggregates.writeBaselines(tenant, YEAR, [node(7, 50)], read.result.baselines),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    const after = await repositories.teamAggregates.listDisclosureState(tenant, YEAR);
    const shownOf = (id: number): Record<string, number> | undefined =>
      after.baselines.nodes.find((candidate) => candidate.nodeId === node(id, 0).nodeId)?.shown;
    expect(shownOf(5)?.['c|self|3']).toBe(99);
    expect(shownOf(7)?.['c|self|3']).toBe(8);
  });

  it('reads baselines stored one row per node, as before the packs, and folds them into a pack when writing', async () => {
    const tenant = newTenantId();
    const account = testStorageAccount();
    const table = account.table('TeamAggregates');
    const old = {
      tenantId: tenant,
      year: YEAR,
      nodeId: 'city',
      releases: 'state-a',
      before: { 'c|rated': 5 },
      shown: { 'c|rated': 12 },
    };
    const { partitionKey, rowKey } = teamAggregateKeys.baseline(tenant, YEAR, 'city');
    await table.createEntity({
      partitionKey,
      rowKey,
      tenantId: tenant,
      year: YEAR,
      nodeId: 'city',
      releases: 'state-a',
      before: JSON.stringify(old.before),
      shown: JSON.stringify(old.shown),
    });
    const read = await repositories.teamAggregates.listDisclosureState(tenant, YEAR);
    expect(read.baselines.nodes).toEqual([old]);
    const area = { ...old, nodeId: 'area:x', shown: { 'c|rated': 7 } };
    await repositories.teamAggregates.writeBaselines(tenant, YEAR, [area], read.baselines);
    const after = await repositories.teamAggregates.listDisclosureState(tenant, YEAR);
    expect(after.baselines.single).toEqual([]);
    expect(after.baselines.packs).toHaveLength(1);
    expect([...after.baselines.nodes].sort((a, b) => a.nodeId.localeCompare(b.nodeId))).toEqual([area, old]);
    // A reader that still saw the old row (folded in and deleted since) lost the race: its write is refused.
    await expect(
      repositories.teamAggregates.writeBaselines(tenant, YEAR, [{ ...area, shown: { 'c|rated': 9 } }], {
        ...after.baselines,
        single: read.baselines.single,
      }),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    const unchanged = await repositories.teamAggregates.listDisclosureState(tenant, YEAR);
    expect(unchanged.baselines.nodes).toEqual(after.baselines.nodes);
  });

  it('packs fewer nodes to a row for a framework of many columns, so no row outgrows an entity', async () => {
    const tenant = newTenantId();
    const columns = Array.from({ length: 400 }, (_, index) => `competence-${index}|self|3`);
    const nodes: DisclosureBaseline[] = Array.from({ length: 200 }, (_, index) => ({
      tenantId: tenant,
      year: YEAR,
      nodeId: `team:area:${String(index).padStart(3, '0')}`,
      releases: 'state-a',
      before: Object.fromEntries(columns.map((column) => [column, 10_000 + index])),
      shown: Object.fromEntries(columns.map((column) => [column, 20_000 + index])),
    }));
    const empty = await repositories.teamAggregates.listDisclosureState(tenant, YEAR);
    await repositories.teamAggregates.writeBaselines(tenant, YEAR, nodes, empty.baselines);
    const read = await repositories.teamAggregates.listDisclosureState(tenant, YEAR);
    expect(read.baselines.packs.length).toBeGreaterThan(1);
    expect([...read.baselines.nodes].sort((a, b) => a.nodeId.localeCompare(b.nodeId))).toEqual(nodes);
  });
});
