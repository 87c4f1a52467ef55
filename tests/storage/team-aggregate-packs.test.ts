/**
 * Team aggregates packed per service area (issue 13's round-trip target): a city's teams are a row per area, so
 * the year's read is one request however many teams; a team reads back exactly as written (every count, its
 * release and its tallies at the release before); rows stored one per team before the packs are still read, and
 * packed (and deleted) by the next write; a write over a newer pack is refused; a large area takes more rows,
 * each within an entity's limits. On real Azurite.
 */
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { requestCountingAccount } from '../../bot/src/storage/request-counting';
import { ConcurrencyConflictError } from '../../bot/src/storage/errors';
import { teamAggregateKeys } from '../../bot/src/storage/keys';
import type { TeamAggregate, TeamTally } from '../../bot/src/storage/team-aggregate-repository';
import { newTenantId, testStorageAccount } from '../support/storage';

const YEAR = 2026;

function tally(seed: number, competences = 12): TeamTally {
  return {
    respondents: 5 + (seed % 9),
    competences: Object.fromEntries(
      Array.from({ length: competences }, (_, index) => [
        `competence-${index}`,
        {
          self: { '1': (seed + index) % 3, '3': 2 + (index % 4), '5': seed % 2 },
          supervisor: (index % 5 === 0 ? {} : { '2': 1 + ((seed * index) % 6), '4': 3 }) as Record<
            string,
            number
          >,
          rated: 6 + index,
          needs: (seed + index) % 4,
        },
      ]),
    ),
    learningWays: { '70': seed % 7, '20': 3, '10': 0 },
  };
}

function team(tenantId: string, area: string, index: number, competences?: number): TeamAggregate {
  return {
    tenantId,
    year: YEAR,
    serviceAreaId: area,
    teamId: `${area}-team-${String(index).padStart(3, '0')}`,
    ...tally(index, competences),
    releasedAt: index % 3 === 0 ? null : `${YEAR}-0${1 + (index % 2)}-01T10:00:00.000Z`,
    previous: index % 4 === 0 ? null : tally(index + 1, competences),
  };
}

const byTeam = (a: TeamAggregate, b: TeamAggregate): number => a.teamId.localeCompare(b.teamId);

describe('team aggregates: packed per service area', () => {
  const requests: string[] = [];
  let repositories: Repositories;

  beforeAll(async () => {
    repositories = await openRepositories(
      requestCountingAccount(testStorageAccount(), (table) => requests.push(table)),
    );
  });

  it("reads a city's teams back exactly as written, in one request however many teams", async () => {
    const tenantId = newTenantId();
    const teams = ['area-1', 'area-2', 'area-3'].flatMap((area) =>
      Array.from({ length: 120 }, (_, index) => team(tenantId, area, index)),
    );
    // Explicit zero counts and a competence nobody rated are kept as written.
    teams[0] = {
      ...(teams[0] as TeamAggregate),
      competences: { none: { self: { '3': 0 }, supervisor: {}, rated: 0, needs: 0 } },
    };
    const counts = await repositories.teamAggregates.replaceYear(tenantId, YEAR, teams);
    expect(counts).toEqual({ created: 360, updated: 0, unchanged: 0 });
    requests.length = 0;
    const read = await repositories.teamAggregates.listYearWithDisclosureState(tenantId, YEAR);
    expect(requests).toHaveLength(1);
    expect(read.rows.map(({ value }) => value).sort(byTeam)).toEqual([...teams].sort(byTeam));
    const area = await repositories.teamAggregates.listForServiceArea(tenantId, YEAR, 'area-2');
    expect(area.map(({ value }) => value).sort(byTeam)).toEqual(
      teams.filter((row) => row.serviceAreaId === 'area-2'),
    );
    // Written again unchanged: nothing is written.
    requests.length = 0;
    expect(await repositories.teamAggregates.replaceYear(tenantId, YEAR, teams)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 360,
    });
    expect(requests).toEqual(['TeamAggregates']);
  });

  it('reads teams stored one row per team before the packs, and packs them (deleting those rows) on the next write', async () => {
    const tenantId = newTenantId();
    const table = testStorageAccount().table('TeamAggregates');
    const old = Array.from({ length: 130 }, (_, index) => ({
      ...team(tenantId, 'area-old', index),
      previous: undefined,
    }));
    for (const row of old) {
      const { partitionKey, rowKey } = teamAggregateKeys.key(tenantId, YEAR, row.serviceAreaId, row.teamId);
      await table.createEntity({
        partitionKey,
        rowKey,
        tenantId,
        year: YEAR,
        serviceAreaId: row.serviceAreaId,
        teamId: row.teamId,
        respondents: row.respondents,
        competences: JSON.stringify(row.competences),
        learningWays: JSON.stringify(row.learningWays),
        ...(row.releasedAt ? { releasedAt: row.releasedAt } : {}),
      });
    }
    const read = await repositories.teamAggregates.listForYear(tenantId, YEAR);
    expect(read.map(({ value }) => value).sort(byTeam)).toEqual(
      old.map((row) => ({ ...row, releasedAt: row.releasedAt ?? null })),
    );

    const changed = old.map((row, index) => (index === 7 ? { ...row, respondents: 99 } : row));
    const counts = await repositories.teamAggregates.replaceServiceArea(tenantId, YEAR, 'area-old', changed);
    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 129 });
    const rowKeys: string[] = [];
    for await (const entity of table.listEntities({
      queryOptions: { filter: `PartitionKey eq '${teamAggregateKeys.partition(tenantId, YEAR)}'` },
    }))
      rowKeys.push(String(entity.rowKey));
    expect(rowKeys).toEqual([teamAggregateKeys.teamPack(tenantId, YEAR, 'area-old', 0).rowKey]);
    const after = await repositories.teamAggregates.listForYear(tenantId, YEAR);
    expect(after.map(({ value }) => value.respondents)).toEqual(changed.map((row) => row.respondents));
  });

  it("stores one team's tallies in its area's pack, leaving the area's other teams as they are", async () => {
    const tenantId = newTenantId();
    const teams = Array.from({ length: 10 }, (_, index) => team(tenantId, 'area-1', index));
    await repositories.teamAggregates.replaceYear(tenantId, YEAR, teams);
    await repositories.teamAggregates.put({ ...(teams[3] as TeamAggregate), respondents: 42 });
    const read = await repositories.teamAggregates.listForServiceArea(tenantId, YEAR, 'area-1');
    expect(read.find(({ value }) => value.teamId === teams[3]?.teamId)?.value.respondents).toBe(42);
    expect(read).toHaveLength(10);
  });

  it("takes more rows for an area past one row's share of an entity, each within the limits", async () => {
    const tenantId = newTenantId();
    // 600 teams of 60 competences: some 1.4 million characters of counts, past an entity's 1 MiB.
    const teams = Array.from({ length: 600 }, (_, index) => team(tenantId, 'area-big', index, 60));
    await repositories.teamAggregates.replaceServiceArea(tenantId, YEAR, 'area-big', teams);
    const read = await repositories.teamAggregates.listForServiceArea(tenantId, YEAR, 'area-big');
    expect(new Set(read.map(({ etag }) => etag)).size).toBeGreaterThan(1);
    expect(read.map(({ value }) => value).sort(byTeam)).toEqual(teams);
    // Fewer teams again: the rows no longer needed go.
    await repositories.teamAggregates.replaceServiceArea(tenantId, YEAR, 'area-big', teams.slice(0, 5));
    const fewer = await repositories.teamAggregates.listForServiceArea(tenantId, YEAR, 'area-big');
    expect(new Set(fewer.map(({ etag }) => etag)).size).toBe(1);
    expect(fewer.map(({ value }) => value)).toEqual(teams.slice(0, 5));
  });

  it('lets only one of two rebuilds of an area that read the same pack write, and keeps its teams', async () => {
    const tenantId = newTenantId();
    const teams = Array.from({ length: 10 }, (_, index) => team(tenantId, 'area-1', index));
    await repositories.teamAggregates.replaceYear(tenantId, YEAR, teams);
    const plus = (added: number): TeamAggregate[] =>
      teams.map((row) => ({ ...row, respondents: row.respondents + added }));
    // Both read the pack before either writes: the second write carries an ETag that moved.
    const outcomes = await Promise.allSettled([
      repositories.teamAggregates.replaceServiceArea(tenantId, YEAR, 'area-1', plus(1)),
      repositories.teamAggregates.replaceServiceArea(tenantId, YEAR, 'area-1', plus(2)),
    ]);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyConflictError);
    const winner = outcomes[0]?.status === 'fulfilled' ? 1 : 2;
    const after = await repositories.teamAggregates.listForServiceArea(tenantId, YEAR, 'area-1');
    expect(after.map(({ value }) => value)).toEqual(plus(winner));
  });
});
