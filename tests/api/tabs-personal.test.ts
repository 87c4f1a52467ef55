/**
 * The personal tab's API (only the caller's own records) and the channel tab's (published summaries only).
 */
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { DevelopmentDiscussion } from '../../bot/src/domain/development-discussion';
import type { Person } from '../../bot/src/domain/organisation';
import type { ServiceAreaSummary } from '../../bot/src/domain/summary';
import type { SummaryFigures } from '../../bot/src/storage/summary-publication-repository';
import type { MyCompetence } from '../../bot/src/contract/personal';
import {
  call,
  newOrganisation,
  NOW,
  ROUND_YEAR,
  startTabsApi,
  tokenOf,
  type TestApi,
} from './tabs-api-fixture';

let api: TestApi;

beforeAll(async () => {
  api = await startTabsApi();
});

afterAll(async () => {
  await api?.stop();
});

function discussion(
  person: Person,
  year: number,
  changes: Partial<DevelopmentDiscussion>,
): DevelopmentDiscussion {
  return { ...newDevelopmentDiscussion(person, year, NOW.toISOString()), ...changes };
}

describe('my competence', () => {
  test('shows my discussions, ratings over the years and goals, and what is coming for me — nobody else’s', async () => {
    const org = await newOrganisation(api.app);
    const { employee, cooperationMember } = org.people;
    const discussions = api.app.repositories.developmentDiscussions;
    await discussions.create(
      discussion(employee, 2025, {
        status: 'signed',
        selfRatings: { 'self-management': 3 },
        supervisorRatings: { 'self-management': 4 },
      }),
    );
    await discussions.create(
      discussion(employee, 2026, {
        status: 'signed',
        selfRatings: { 'self-management': 4, 'learning-and-renewal': 2 },
        supervisorRatings: { 'self-management': 4 },
        goals: [{ id: 'g1', text: 'Perehdytysmateriaali uusitaan', status: 'inProgress' }],
        learningGoals: [{ id: 'l1', text: 'Excel-kurssi', status: 'open', way: '10' }],
      }),
    );
    await discussions.create(
      discussion(employee, ROUND_YEAR, { status: 'scheduled', scheduledAt: '2027-02-10T07:00:00.000Z' }),
    );
    await discussions.create(
      discussion(cooperationMember, 2026, { goals: [{ id: 'x', text: 'Toisen tavoite', status: 'open' }] }),
    );

    const answer = await call<MyCompetence>(
      api.app,
      await tokenOf(api.app, org, employee),
      'GET',
      '/api/v1/my/competence',
    );

    expect(answer.status).toBe(200);
    const mine = answer.body;
    expect(mine.roundYear).toBe(ROUND_YEAR);
    expect(mine.discussions.map((d) => [d.year, d.status, d.supervisorName])).toEqual([
      [2027, 'scheduled', 'p-supervisor Testinen'],
      [2026, 'signed', 'p-supervisor Testinen'],
      [2025, 'signed', 'p-supervisor Testinen'],
    ]);
    expect(mine.competences).toEqual([
      {
        id: 'self-management',
        name: { fi: 'Itsensä johtamisen taidot', sv: 'Självledarskap', en: 'Self-management' },
        points: [
          { year: 2025, self: 3, supervisor: 4 },
          { year: 2026, self: 4, supervisor: 4 },
        ],
      },
      expect.objectContaining({
        id: 'learning-and-renewal',
        points: [{ year: 2026, self: 2, supervisor: null }],
      }),
    ]);
    expect(mine.discussions[1]?.goals).toEqual([
      { id: 'g1', text: 'Perehdytysmateriaali uusitaan', status: 'inProgress' },
    ]);
    expect(mine.upcoming).toContainEqual({
      phaseId: 'development-discussions',
      kind: 'developmentDiscussions',
      level: 'individual',
      opens: '2027-01-01',
      closes: '2027-03-31',
      meetingAt: '2027-02-10T07:00:00.000Z',
    });
    // The strategic discussion is the management team's and HR's, not an employee's.
    expect(mine.upcoming.map((item) => item.kind)).not.toContain('strategicDiscussion');
    expect(JSON.stringify(mine)).not.toContain('Toisen tavoite');
  });

  test('HR sees the strategic discussion coming, and an employee in a group-discussion year no development discussion', async () => {
    const org = await newOrganisation(api.app, (o) => {
      for (const area of o.snapshot.serviceAreas)
        area.alternatingYearRule = { individualDiscussionYears: 'even' };
    });
    const hr = await call<MyCompetence>(
      api.app,
      await tokenOf(api.app, org, org.people.hr),
      'GET',
      '/api/v1/my/competence',
    );
    const employee = await call<MyCompetence>(
      api.app,
      await tokenOf(api.app, org, org.people.employee),
      'GET',
      '/api/v1/my/competence',
    );

    expect(hr.body.upcoming.map((item) => `${item.kind} ${item.opens}`)).toContain(
      'strategicDiscussion 2026-10-01',
    );
    expect(employee.body.conversations).toEqual({ developmentDiscussion: false, groupDiscussion: true });
    expect(employee.body.upcoming.map((item) => item.kind)).toEqual(['groupDiscussions']);
  });
});

describe('the channel tab', () => {
  const noFigures: SummaryFigures = {
    threshold: 5,
    respondents: null,
    competences: [],
    heatmap: [],
    needsRanking: [],
    learningWays: null,
    developmentActions: [],
  };

  test('lists the service areas and shows an area’s published summaries, never a draft', async () => {
    const org = await newOrganisation(api.app);
    await api.app.repositories.summaryPublications.put({
      tenantId: org.tenantId,
      serviceAreaId: 'sa-1',
      year: 2025,
      serviceAreaName: 'Palvelualue',
      conclusions: { futureNeeds: ['Tarpeet 2025'] },
      figures: noFigures,
      publishedAt: '2025-10-01T08:00:00.000Z',
      publishedBy: 'p-hr',
    });
    // This year's summary is still HR's draft: it has no publication.
    const draft: ServiceAreaSummary = {
      tenantId: org.tenantId,
      serviceAreaId: 'sa-1',
      year: 2026,
      status: 'draft',
      conclusions: { futureNeeds: ['Luonnos 2026'] },
      competences: [],
      learningWaySplit: { '70': 0, '20': 0, '10': 0 },
      publishedAt: null,
      publishedBy: null,
    };
    await api.app.repositories.summaries.create(draft);
    const token = await tokenOf(api.app, org, org.people.employee);

    const areas = await call(api.app, token, 'GET', '/api/v1/service-areas');
    const summaries = await call<{ publications: Array<{ year: number; conclusions: unknown }> }>(
      api.app,
      token,
      'GET',
      '/api/v1/service-areas/sa-1/summary-publications',
    );
    const unknown = await call(api.app, token, 'GET', '/api/v1/service-areas/nowhere/summary-publications');

    expect(areas.body).toEqual({ serviceAreas: [{ id: 'sa-1', name: 'Palvelualue' }] });
    expect(summaries.body.publications).toEqual([
      expect.objectContaining({ year: 2025, conclusions: { futureNeeds: ['Tarpeet 2025'] } }),
    ]);
    expect(JSON.stringify(summaries.body)).not.toContain('Luonnos');
    expect(JSON.stringify(summaries.body)).not.toContain('p-hr');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      error: { code: 'serviceArea.notFound', message: 'The service area was not found.' },
    });
  });
});
