import { competencesAssessedFor, validateRatings } from '../../bot/src/domain/assessment-rules';
import { defaultCompetenceFramework } from '../../bot/src/domain/competence-catalogue';
import { person, withRoles } from './fixtures';

describe('competences a person is assessed on', () => {
  it('an employee is assessed on the six all-staff competences', () => {
    const assessed = competencesAssessedFor(person('e1'), defaultCompetenceFramework(2026));
    expect(assessed).toHaveLength(6);
    expect(assessed.every((c) => c.audience === 'allStaff')).toBe(true);
  });

  it('a supervisor is also assessed on the seven supervisor competences', () => {
    const assessed = competencesAssessedFor(
      withRoles('s1', ['employee', 'supervisor']),
      defaultCompetenceFramework(2026),
    );
    expect(assessed).toHaveLength(13);
    expect(assessed.filter((c) => c.audience === 'supervisors')).toHaveLength(7);
  });

  it('skips the competences the management team left out of this year’s assessment', () => {
    const framework = defaultCompetenceFramework(2026);
    for (const c of framework.competences) {
      if (c.id === 'technology-and-digital' || c.id === 'strategic-leadership') c.assessed = false;
    }
    const employee = competencesAssessedFor(person('e1'), framework).map((c) => c.id);
    const supervisor = competencesAssessedFor(withRoles('s1', ['supervisor']), framework).map((c) => c.id);
    expect(employee).toHaveLength(5);
    expect(employee).not.toContain('technology-and-digital');
    expect(supervisor).toHaveLength(11);
    expect(supervisor).not.toContain('strategic-leadership');
  });
});

describe('validating ratings', () => {
  const framework = defaultCompetenceFramework(2026);
  const employeeCompetences = competencesAssessedFor(person('e1'), framework);

  it('accepts whole steps of the scale, and a partial set', () => {
    expect(
      validateRatings(
        { 'self-management': 1, 'professional-competence': 5 },
        employeeCompetences,
        framework.scale,
      ),
    ).toEqual({});
  });

  it('names each wrong rating by competence', () => {
    const errors = validateRatings(
      {
        'self-management': 0,
        'learning-and-renewal': 6,
        'technology-and-digital': 2.5,
        'strategic-leadership': 3,
        'no-such-competence': 3,
        'professional-competence': 4,
      },
      employeeCompetences,
      framework.scale,
    );
    expect(errors).toEqual({
      'self-management': 'rating.outOfScale',
      'learning-and-renewal': 'rating.outOfScale',
      'technology-and-digital': 'rating.notAnInteger',
      'strategic-leadership': 'rating.notAssessed',
      'no-such-competence': 'rating.notAssessed',
    });
  });
});
