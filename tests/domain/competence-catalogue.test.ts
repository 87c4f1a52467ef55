import { defaultCompetenceFramework } from '../../bot/src/domain/competence-catalogue';
import { LOCALES } from '../../bot/src/domain/locale';

describe('the default competence catalogue', () => {
  const framework = defaultCompetenceFramework(2026);

  it('has the seed’s six all-staff and seven supervisor competences, all assessed', () => {
    expect(framework.year).toBe(2026);
    expect(framework.competences.filter((c) => c.audience === 'allStaff')).toHaveLength(6);
    expect(framework.competences.filter((c) => c.audience === 'supervisors')).toHaveLength(7);
    expect(framework.competences.every((c) => c.assessed)).toBe(true);
  });

  it('uses the seed’s Finnish names', () => {
    const names = framework.competences.map((c) => c.name.fi);
    expect(names).toContain('Itsensä johtamisen taidot');
    expect(names).toContain('Työkykyjohtaminen ja työhyvinvoinnin osaaminen');
  });

  it('names and describes every competence in Finnish, Swedish and English', () => {
    for (const competence of framework.competences) {
      for (const locale of LOCALES) {
        expect(competence.name[locale].trim()).not.toBe('');
        expect(competence.description[locale].trim().length).toBeGreaterThan(competence.name[locale].length);
      }
    }
  });

  it('gives every competence a distinct stable id', () => {
    const ids = framework.competences.map((c) => c.id);
    expect(new Set(ids).size).toBe(13);
    expect(ids).toContain('self-management');
  });

  it('has a 1–5 scale with a label for every step in every language', () => {
    expect(framework.scale).toMatchObject({ min: 1, max: 5 });
    expect(framework.scale.labels).toHaveLength(5);
    expect(framework.scale.labels[0]?.fi).toBe('Kehittymässä');
    expect(framework.scale.labels[4]?.fi).toBe('Erinomainen');
    for (const label of framework.scale.labels)
      for (const locale of LOCALES) expect(label[locale]).not.toBe('');
  });

  it('gives each year its own copy, so editing one year leaves the next alone', () => {
    const edited = defaultCompetenceFramework(2026);
    edited.competences[0]!.assessed = false;
    edited.competences[0]!.name.fi = 'Muutettu';
    const next = defaultCompetenceFramework(2027);
    expect(next.competences[0]?.assessed).toBe(true);
    expect(next.competences[0]?.name.fi).toBe('Itsensä johtamisen taidot');
  });
});
