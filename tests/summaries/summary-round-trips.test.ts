/**
 * How many storage requests a summary costs (issue 13: an area's summary in at most 10 round trips), on real
 * Azurite with the known city: the year's team rows and the disclosure state beside them come in one range
 * read, a repeated compile reads and writes nothing more than the first one read, and the first compile after
 * a release writes what it showed in one transaction. Counting requests is behaviour (each is a round trip to
 * Azure Storage), not timing.
 */
import type { TableClient } from '@azure/data-tables';
import { rebuildYear } from '../../bot/src/summaries/aggregate-refresh';
import { compileCityFigures, compileServiceAreaSummary } from '../../bot/src/summaries/summary-compilation';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import type { StorageAccount } from '../../bot/src/storage/storage-account';
import { newTenantId, testStorageAccount } from '../support/storage';
import { AREA_A, knownCity, storeKnownCity, YEAR } from './support/known-city';

/** Requests sent by the table clients, by table (without the tests' prefix). */
type Requests = Map<string, number>;

function countingAccount(account: StorageAccount, requests: Requests): StorageAccount {
  const counted = new WeakSet<TableClient>();
  const instrument = (client: TableClient, name: string): TableClient => {
    if (!counted.has(client)) {
      client.pipeline.addPolicy({
        name: 'countRequests',
        sendRequest: (request, next) => {
          requests.set(name, (requests.get(name) ?? 0) + 1);
          return next(request);
        },
      });
      counted.add(client);
    }
    return client;
  };
  return {
    ...account,
    table: (name) => instrument(account.table(name), name),
    ensureTable: async (name) => instrument(await account.ensureTable(name), name),
  };
}

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
    repositories = await openRepositories(countingAccount(testStorageAccount(), requests));
    const city = knownCity(newTenantId());
    tenantId = city.organisation.tenantId;
    await storeKnownCity(repositories, city);
    await rebuildYear(repositories, tenantId, YEAR);
  });

  it("compiles an area's first summary after a release in at most 9 requests, one of them the baselines' write", async () => {
    const first = await counting(() => compileServiceAreaSummary(repositories, tenantId, YEAR, AREA_A));
    // Organisation, framework, service areas, the area's teams, the year's team rows with the disclosure state
    // beside them, last year's team rows, the requests, the group discussions; then what was shown, written.
    expect(first.requests.get('TeamAggregates')).toBe(3);
    expect(total(first.requests)).toBeLessThanOrEqual(9);
    const state = await repositories.teamAggregates.listDisclosureState(tenantId, YEAR);
    expect(state.baselines.length).toBeGreaterThan(0);
  });

  it('compiles it again in 8 reads, writing nothing, and shows exactly the same figures', async () => {
    const before = await compileServiceAreaSummary(repositories, tenantId, YEAR, AREA_A);
    const again = await counting(() => compileServiceAreaSummary(repositories, tenantId, YEAR, AREA_A));
    expect(again.result).toEqual(before);
    expect(again.requests.get('TeamAggregates')).toBe(2);
    expect(total(again.requests)).toBe(8);
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
    expect(apart.baselines.length).toBeGreaterThan(0);
    const together = await counting(() =>
      repositories.teamAggregates.listYearWithDisclosureState(tenantId, YEAR),
    );
    expect(together.result).toEqual(apart);
    expect(total(together.requests)).toBe(1);
  });
});
