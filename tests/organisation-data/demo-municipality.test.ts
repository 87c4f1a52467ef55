import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../bot/src/domain/organisation';
import {
  DEMO_PERSONAS,
  demoPersonas,
  generateDemoMunicipality,
} from '../../bot/src/organisation-data/demo-municipality';
import { parsePeopleCsv } from '../../bot/src/organisation-data/people-csv';
import { toPeopleCsv } from '../../bot/src/organisation-data/people-csv-writer';

const demo = generateDemoMunicipality('tenant-demo');
const { people, teams, serviceAreas } = demo;
const byId = new Map(people.map((person) => [person.id, person]));
const reportCounts = new Map<string, number>();
for (const person of people) {
  if (person.supervisorId)
    reportCounts.set(person.supervisorId, (reportCounts.get(person.supervisorId) ?? 0) + 1);
}
const cityManager = people[0];
const sortById = <T extends { id: string }>(items: T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id));

describe('generateDemoMunicipality', () => {
  it('gives the same municipality for the same seed, and another for another seed', () => {
    expect(generateDemoMunicipality('tenant-demo')).toEqual(demo);
    expect(generateDemoMunicipality('tenant-demo', 2026)).toEqual(demo);
    const other = generateDemoMunicipality('tenant-demo', 7);
    expect(other.people.map((person) => person.email)).not.toEqual(people.map((person) => person.email));
  });

  it('is Demokaupunki, Finnish by default, with an anonymity threshold of 5', () => {
    expect(demo.organisation).toEqual({
      tenantId: 'tenant-demo',
      name: 'Demokaupunki',
      defaultLocale: 'fi',
      anonymityThreshold: 5,
    });
    expect([...people, ...teams, ...serviceAreas].every((item) => item.tenantId === 'tenant-demo')).toBe(
      true,
    );
  });

  it('has at least 5 service areas, education on the alternating-year model, and a director for each', () => {
    expect(serviceAreas.length).toBeGreaterThanOrEqual(5);
    const education = serviceAreas.filter((area) => area.alternatingYearRule !== null);
    expect(education.map((area) => area.name)).toEqual(['Opetus ja varhaiskasvatus']);
    expect(serviceAreas.map((area) => area.name)).toContain('Konsernipalvelut');
    for (const area of serviceAreas) {
      expect(byId.get(area.directorId ?? '')).toMatchObject({
        serviceAreaId: area.id,
        roles: expect.arrayContaining(['cityManagementTeam']),
      });
    }
  });

  it('has at least 40 teams, including principals, daycare directors and a management team per service area', () => {
    expect(teams.length).toBeGreaterThanOrEqual(40);
    const kinds = teams.map((team) => team.kind);
    expect(kinds).toContain('principals');
    expect(kinds).toContain('daycareDirectors');
    expect(kinds.filter((kind) => kind === 'cityManagementTeam')).toHaveLength(1);
    for (const area of serviceAreas) {
      expect(
        teams.filter((team) => team.serviceAreaId === area.id && team.kind === 'serviceAreaManagementTeam'),
      ).toHaveLength(1);
    }
    for (const team of teams) {
      expect(people.some((person) => person.teamId === team.id)).toBe(true);
      expect(byId.has(team.supervisorId ?? '')).toBe(true);
    }
  });

  it('has 1,900–2,100 people with unique ids, emails and Entra object ids', () => {
    expect(people.length).toBeGreaterThanOrEqual(1900);
    expect(people.length).toBeLessThanOrEqual(2100);
    for (const key of ['id', 'email', 'aadObjectId'] as const) {
      expect(new Set(people.map((person) => person[key])).size).toBe(people.length);
    }
    for (const person of people) {
      expect(person.email).toMatch(/^[a-z-]+\.[a-z-]+\d*@demokaupunki\.fi$/);
      expect(person.aadObjectId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('speaks mostly Finnish, about 8–10 % Swedish and a little English', () => {
    const share = (locale: Person['locale']) =>
      people.filter((person) => person.locale === locale).length / people.length;
    expect(share('sv')).toBeGreaterThanOrEqual(0.08);
    expect(share('sv')).toBeLessThanOrEqual(0.1);
    expect(share('en')).toBeGreaterThan(0);
    expect(share('en')).toBeLessThan(0.03);
  });

  it('has one hierarchy under the city manager, without cycles, every supervisor leading 5–20 people', () => {
    expect(people.filter((person) => person.supervisorId === null)).toEqual([cityManager]);
    const topOf = (person: Person): Person | undefined => {
      const seen = new Set<string>();
      let current: Person | undefined = person;
      while (current?.supervisorId && !seen.has(current.id)) {
        seen.add(current.id);
        current = byId.get(current.supervisorId);
      }
      return current;
    };
    expect(people.filter((person) => topOf(person) !== cityManager)).toEqual([]);
    expect([...reportCounts].filter(([, count]) => count < 5 || count > 20)).toEqual([]);
    expect([...reportCounts.keys()].filter((id) => !byId.get(id)?.roles.includes('supervisor'))).toEqual([]);
  });

  it('gives the roles of the practice to the right people', () => {
    const withRole = (role: Person['roles'][number]) =>
      people.filter((person) => person.roles.includes(role));
    const directorIds = serviceAreas.map((area) => area.directorId);
    const cityManagement = withRole('cityManagementTeam');
    expect(cityManagement.map((person) => person.id)).toEqual(
      expect.arrayContaining([cityManager?.id, ...directorIds]),
    );
    expect(cityManagement.filter((person) => person.roles.includes('hr'))).toHaveLength(1);
    expect(cityManagement).toHaveLength(serviceAreas.length + 2);
    expect(withRole('hr').length).toBeGreaterThanOrEqual(10);
    const committee = withRole('cooperationCommittee');
    expect(committee.filter((person) => person.roles.includes('supervisor')).length).toBeGreaterThan(0);
    expect(committee.filter((person) => !person.roles.includes('supervisor')).length).toBeGreaterThan(0);
    expect(people.every((person) => person.roles.includes('employee'))).toBe(true);
  });

  it('round-trips through the people CSV (the alternating-year rule is configuration, not HR data)', () => {
    for (const delimiter of [',', ';'] as const) {
      const parsed = parsePeopleCsv(
        toPeopleCsv(people, serviceAreas, teams, { delimiter, bom: true }),
        'tenant-demo',
      );
      expect(parsed.errors).toEqual([]);
      expect(parsed.people).toEqual(people);
      expect(sortById(parsed.teams)).toEqual(sortById(teams));
      expect(sortById(parsed.serviceAreas)).toEqual(
        sortById(serviceAreas.map((area) => ({ ...area, alternatingYearRule: null }))),
      );
    }
  });

  it('matches the committed sample export (its first 50 people, as Finnish Excel saves it)', () => {
    const sample = readFileSync(join(__dirname, '../fixtures/people/demo-sample.csv'), 'utf8');
    const first50 = people.slice(0, 50);
    expect(sample).toBe(toPeopleCsv(first50, serviceAreas, teams, { delimiter: ';', bom: true }));
    const parsed = parsePeopleCsv(sample, 'tenant-demo');
    expect(parsed.errors).toEqual([]);
    expect(parsed.people).toEqual(first50);
  });
});

describe('DEMO_PERSONAS', () => {
  it('are the personas of the default demo, whatever the tenant', () => {
    expect(DEMO_PERSONAS).toEqual(demoPersonas(demo));
  });

  it('resolve to people with the roles each persona is for', () => {
    const person = (key: keyof typeof DEMO_PERSONAS) => {
      const persona = DEMO_PERSONAS[key];
      const found = byId.get(persona.personId);
      expect(found).toMatchObject({ aadObjectId: persona.aadObjectId, roles: persona.roles });
      expect(`${found?.firstName} ${found?.lastName}`).toBe(persona.name);
      return found as Person;
    };
    expect(person('cityManager').supervisorId).toBeNull();
    const director = person('director');
    expect(serviceAreas.find((area) => area.directorId === director.id)?.alternatingYearRule).not.toBeNull();
    const supervisor = person('supervisor');
    expect(reportCounts.get(supervisor.id)).toBeGreaterThanOrEqual(13);
    expect(reportCounts.get(supervisor.id)).toBeLessThanOrEqual(17);
    const employee = person('employee');
    expect(employee).toMatchObject({ supervisorId: supervisor.id, roles: ['employee'], locale: 'fi' });
    expect(person('hr').roles).toEqual(['employee', 'hr']);
    expect(person('swedishEmployee')).toMatchObject({ locale: 'sv', roles: ['employee'] });
  });
});
