/**
 * The background refresh of the team aggregates follows the organisation's round, not the calendar: in December
 * the discussions and the summaries already work on next year's round, and that round's figures must be
 * refreshed (people who changed team, teams removed) like the calendar year's. Real Azurite, tables of its own so
 * that the job's scan of every organisation sees only this one.
 */
import { randomBytes } from 'node:crypto';
import { createLogger } from '../../bot/src/logging';
import { refreshAllTenants } from '../../bot/src/summaries/aggregate-job';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { openStorageAccount } from '../../bot/src/storage/storage-account';
import { newTenantId } from '../support/storage';
import { knownCity, storeKnownCity, YEAR } from './support/known-city';

const ROUND = YEAR + 1;
/** 10 December: the calendar year is still YEAR, the organisation's round (default clock) is already YEAR + 1. */
const DECEMBER = new Date(`${YEAR}-12-10T09:00:00.000Z`);

describe('the background refresh of the team aggregates', () => {
  const tenantId = newTenantId();
  let repositories: Repositories;

  beforeAll(async () => {
    const connectionString = process.env.OSK_TEST_STORAGE_CONNECTION_STRING ?? '';
    const tablePrefix = `agg${randomBytes(4).toString('hex')}`;
    repositories = await openRepositories(
      openStorageAccount({ kind: 'connectionString', connectionString, tablePrefix }),
    );
    const city = knownCity(tenantId);
    // The same signed discussions, held in the next round (January–March of YEAR + 1).
    const nextRound = city.discussions.map((discussion) => ({ ...discussion, year: ROUND }));
    await storeKnownCity(repositories, { ...city, discussions: [...city.discussions, ...nextRound] });
  });

  it('rebuilds the round the organisation works on in December as well as the calendar year', async () => {
    expect(await repositories.teamAggregates.listForYear(tenantId, ROUND)).toEqual([]);
    const lines: string[] = [];
    await refreshAllTenants({
      repositories,
      logger: createLogger('info', (line) => lines.push(line)),
      now: () => DECEMBER,
    });

    const round = await repositories.teamAggregates.listForYear(tenantId, ROUND);
    const calendar = await repositories.teamAggregates.listForYear(tenantId, YEAR);
    expect(round.length).toBeGreaterThan(0);
    expect(round.map((read) => read.value.teamId).sort()).toEqual(
      calendar.map((read) => read.value.teamId).sort(),
    );
    const refreshed = lines.map((line) => JSON.parse(line) as { event: string; year?: number });
    expect(
      refreshed.filter((line) => line.event === 'aggregates.refreshed').map((line) => line.year),
    ).toEqual([YEAR, ROUND]);
  });
});
