/**
 * Hidden for a small change, then shown (docs/anonymity.md, rule 1 across time). A service area's count of one
 * rating value is shown (5 people), hidden at the next release because only 2 more gave it, and must not be
 * shown at the release after with those 2 still the only difference from what was last shown: reading the
 * figures at the first and third release would tell what the 2 people said.
 */
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { compileCityFigures, compileServiceAreaSummary } from '../../bot/src/summaries/summary-compilation';
import { newTenantId, testStorageAccount } from '../support/storage';
import { CellWatcher, readableCells } from './support/readable-cells';
import { seedOrganisation, signDiscussion, type OrgShape } from './support/scripted-org';

const K = 5;
const YEAR = 2026;
const COMPETENCE = 'self-management';
const ORG: OrgShape = {
  areas: [
    { id: 'a1', teams: [{ id: 't15', size: 15 }] },
    { id: 'a2', teams: [{ id: 't6', size: 6 }] },
  ],
};

describe('anonymity: a figure hidden for a small change is not shown later with that change', () => {
  let repositories: Repositories;
  const tenantId = newTenantId();

  beforeAll(async () => {
    repositories = await openRepositories(testStorageAccount());
  });

  it('never shows a count that moved by fewer than the threshold since it was last shown', async () => {
    const people = await seedOrganisation(repositories, tenantId, ORG, K);
    // Release 1: five 3s. Release 2: two more 3s (a change of 2) and three 4s. Release 3: five more 4s.
    const ratings = [3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4];
    const watcher = new CellWatcher(K);
    const areaReads: Map<string, number>[] = [];
    for (const [index, rating] of ratings.entries()) {
      const employee = people.get(`t15-${index}`);
      if (!employee) throw new Error('no such person');
      await signDiscussion(
        repositories,
        employee,
        YEAR,
        COMPETENCE,
        rating,
        new Date(Date.UTC(YEAR, 1, 1, 8, index)).toISOString(),
      );
      const [area, city] = await Promise.all([
        compileServiceAreaSummary(repositories, tenantId, YEAR, 'a1'),
        compileCityFigures(repositories, tenantId, YEAR),
      ]);
      areaReads.push(readableCells('a1', area.figures));
      watcher.read(index + 1, readableCells('a1', area.figures));
      watcher.read(index + 1, readableCells('city', city));
    }
    // The script's own check: the area's five 3s were read at release 1, and all fifteen at release 3.
    expect(areaReads[4]?.get('a1 self-management self =3')).toBe(5);
    expect(areaReads[14]?.get('a1 self-management rated')).toBe(15);
    expect(watcher.moves).toEqual([]);
    // The 3s are shown on their own again only once at least the threshold more gave it: here never.
    expect(areaReads[14]?.get('a1 self-management self =3')).toBeUndefined();
  });
});
