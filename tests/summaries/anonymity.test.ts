/**
 * Anonymity of the summaries, on real storage with known data (support/known-city.ts): teams of 5 and 8 are
 * shown, teams of 4 and 3 (and the director alone) roll up into one combined row, a service area of 4 shows
 * nothing and counts only in the city, and a competence rated by 3 supervisors shows nothing anywhere.
 */
import { rebuildYear } from '../../bot/src/summaries/aggregate-refresh';
import { compileCityFigures, compileServiceAreaSummary } from '../../bot/src/summaries/summary-compilation';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import type { HeatmapRow, SummaryFigures } from '../../bot/src/storage/summary-publication-repository';
import { newTenantId, testStorageAccount } from '../support/storage';
import {
  AREA_A,
  AREA_B,
  AREA_C,
  knownCity,
  storeKnownCity,
  YEAR,
  type KnownCity,
} from './support/known-city';

describe('summaries: anonymity with known data', () => {
  let repositories: Repositories;
  let city: KnownCity;
  let area: SummaryFigures;

  beforeAll(async () => {
    repositories = await openRepositories(testStorageAccount());
    city = knownCity(newTenantId());
    await storeKnownCity(repositories, city);
    await rebuildYear(repositories, city.organisation.tenantId, YEAR);
    area = (await compileServiceAreaSummary(repositories, city.organisation.tenantId, YEAR, AREA_A)).figures;
  });

  const row = (rows: HeatmapRow[], name: string | null): HeatmapRow | undefined =>
    rows.find((candidate) => candidate.name === name);

  const competence = (figures: SummaryFigures, id: string) =>
    figures.competences.find((candidate) => candidate.competenceId === id);

  it('shows a team of 5 on its own, with its means, but no share that narrows down a hidden need count', () => {
    const alfa = row(area.heatmap, 'Alfa');
    expect(alfa).toMatchObject({ kind: 'group', groupCount: 1, respondents: 5 });
    // The area's 3 needs in self-management are under 5 and hidden: no row shows its share of them either.
    expect(competence(area, 'self-management')?.needs).toBeNull();
    expect(alfa?.cells['self-management']).toEqual({ n: 5, self: 4, supervisor: 4, needShare: null });
    expect(alfa?.cells['technology-and-digital']).toMatchObject({ n: 5, self: 2 });
    // The area shows 9 needs in technology; Alfa's 5 beside them would leave the other rows' 4: hidden too.
    expect(competence(area, 'technology-and-digital')?.needs).toEqual({ rated: 21, needs: 9, share: 0.429 });
    expect(alfa?.cells['technology-and-digital']?.needShare).toBeNull();
  });

  it('never shows a team of 4 (or 3) on its own: they roll up into one combined row of at least 5', () => {
    expect(row(area.heatmap, 'Beeta')).toBeUndefined();
    expect(row(area.heatmap, 'Gamma')).toBeUndefined();
    const combined = area.heatmap.filter((candidate) => candidate.kind === 'combined');
    expect(combined).toHaveLength(1);
    // Beeta 4 + Gamma 3 + the director's management team 1.
    expect(combined[0]).toMatchObject({ groupId: null, name: null, groupCount: 3, respondents: 8 });
    // Their self-management ratings are 5 (×4), 2 (×3) and 3 (×1): every value is under 5, so they merge into
    // one band of all 8 and the row shows no mean (it would be the band's middle, telling nothing).
    expect(combined[0]?.cells['self-management']).toMatchObject({ n: 8, self: null });
    expect(area.heatmap.map((candidate) => candidate.name)).toEqual(['Alfa', 'Delta', null]);
  });

  it('never shows a rating value chosen by fewer than 5: the small values are merged into one band', () => {
    // Self-management in the area: 2 (×3), 3 (×9), 4 (×5), 5 (×4); the 2 and the 5 are shown as "2, 5": 7.
    expect(competence(area, 'self-management')?.self).toEqual({
      n: 21,
      counts: { '3': 9, '4': 5, '2, 5': 7 },
      mean: expect.any(Number) as number,
    });
    for (const figure of area.competences) {
      for (const side of [figure.self, figure.supervisor]) {
        for (const count of Object.values(side?.counts ?? {})) expect(count).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('counts only signed discussions (Delta has 9 members, 8 signed)', () => {
    expect(row(area.heatmap, 'Delta')?.respondents).toBe(8);
    expect(area.respondents).toBe(21);
  });

  it('hides a supervisor competence rated by only 3 supervisors, in every row and for the whole area', () => {
    for (const candidate of area.heatmap) {
      expect(candidate.cells['competence-management']).toEqual({
        n: null,
        self: null,
        supervisor: null,
        needShare: null,
      });
    }
    const figure = area.competences.find((competence) => competence.competenceId === 'competence-management');
    expect(figure).toMatchObject({ self: null, supervisor: null, needs: null });
  });

  it('gives needs only as counts per competence, ranked, leaving out a count under 5', () => {
    // Technology: 9 of 21; self-management's 3 needs are under the threshold and not listed.
    expect(area.needsRanking).toEqual([
      { competenceId: 'technology-and-digital', rated: 21, needs: 9, share: 0.429 },
    ]);
    expect(area.learningWays).toEqual({
      counts: { '70': 5, '20': 8, '10': 7 },
      percent: { '70': 25, '20': 40, '10': 35 },
    });
    const text = JSON.stringify(area);
    for (const person of city.people) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.lastName);
    }
  });

  it('shows nothing for a service area of 4 people', async () => {
    const small = (await compileServiceAreaSummary(repositories, city.organisation.tenantId, YEAR, AREA_B))
      .figures;
    expect(small.respondents).toBeNull();
    expect(small.heatmap).toEqual([]);
    expect(small.needsRanking).toEqual([]);
    expect(small.learningWays).toBeNull();
    expect(small.competences.every((figure) => figure.self === null && figure.supervisor === null)).toBe(
      true,
    );
  });

  it('leaves an area of 4 out of the city until it has 5 signings to release, so nothing subtracts it', async () => {
    const figures = await compileCityFigures(repositories, city.organisation.tenantId, YEAR);
    // The 4 signings of the technical services were never released: they count neither in the total nor in a row.
    expect(figures.respondents).toBe(21 + 6);
    expect(figures.heatmap.map((candidate) => [candidate.groupId, candidate.respondents])).toEqual([
      [AREA_A, 21],
      [AREA_C, 6],
    ]);
    expect(figures.heatmap.some((candidate) => candidate.groupId === AREA_B)).toBe(false);
  });

  it('never shows anything below a raised threshold either', async () => {
    const organisation = await repositories.organisations.get(city.organisation.tenantId);
    if (!organisation) throw new Error('no organisation');
    await repositories.organisations.update(organisation, { anonymityThreshold: 6 });
    const raised = (await compileServiceAreaSummary(repositories, city.organisation.tenantId, YEAR, AREA_A))
      .figures;
    expect(raised.threshold).toBe(6);
    expect(row(raised.heatmap, 'Alfa')).toBeUndefined();
    expect(raised.heatmap.map((candidate) => [candidate.name, candidate.respondents])).toEqual([
      ['Delta', 8],
      [null, 13],
    ]);
  });
});
