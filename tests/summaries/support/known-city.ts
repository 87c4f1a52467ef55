/**
 * A small city with known data for the summaries' tests: three service areas, teams of 5, 8, 4 and 3 signed
 * discussions (and the director's) in "Hyvinvointipalvelut", a service area of 4 and one of 6 (HR's). Every
 * rating and learning goal is fixed, so the anonymous figures can be worked out by hand.
 */
import { newDevelopmentDiscussion } from '../../../bot/src/domain/development-discussion-lifecycle';
import type { DevelopmentDiscussion, LearningWay } from '../../../bot/src/domain/development-discussion';
import type { GroupCompetenceDiscussion } from '../../../bot/src/domain/group-discussion';
import type { Organisation, Person, Role, ServiceArea, Team } from '../../../bot/src/domain/organisation';
import { writeOrganisation } from '../../../bot/src/storage/organisation-import';
import type { Repositories } from '../../../bot/src/storage/repositories';

export const YEAR = 2026;
export const AREA_A = 'hyvinvointi';
export const AREA_B = 'tekninen';
export const AREA_C = 'konserni';

type Ratings = Record<string, [self: number, supervisor: number]>;

interface TeamPlan {
  id: string;
  name: string;
  serviceAreaId: string;
  kind?: Team['kind'];
  size: number;
  ratings: Ratings;
  /** The supervisor's extra ratings (supervisor competences). */
  supervisorRatings?: Ratings;
  way: LearningWay | null;
  roles?: Role[];
}

const TEAMS: TeamPlan[] = [
  {
    id: 'alfa',
    name: 'Alfa',
    serviceAreaId: AREA_A,
    size: 5,
    ratings: { 'self-management': [4, 4], 'technology-and-digital': [2, 3] },
    supervisorRatings: { 'competence-management': [3, 3] },
    way: '70',
  },
  {
    id: 'delta',
    name: 'Delta',
    serviceAreaId: AREA_A,
    size: 8,
    ratings: { 'self-management': [3, 3], 'technology-and-digital': [4, 4] },
    supervisorRatings: { 'competence-management': [2, 2] },
    way: '20',
  },
  {
    id: 'beeta',
    name: 'Beeta',
    serviceAreaId: AREA_A,
    size: 4,
    ratings: { 'self-management': [5, 5], 'technology-and-digital': [1, 1] },
    way: '10',
  },
  {
    id: 'gamma',
    name: 'Gamma',
    serviceAreaId: AREA_A,
    size: 3,
    ratings: { 'self-management': [2, 2], 'technology-and-digital': [3, 3] },
    way: '10',
  },
  {
    id: 'a-jory',
    name: 'Hyvinvointipalvelujen johtoryhmä',
    serviceAreaId: AREA_A,
    kind: 'serviceAreaManagementTeam',
    size: 1,
    ratings: { 'self-management': [3, 3], 'technology-and-digital': [3, 3] },
    supervisorRatings: { 'competence-management': [4, 4] },
    way: null,
    roles: ['serviceAreaManagementTeam'],
  },
  {
    id: 'katu',
    name: 'Kadunpito',
    serviceAreaId: AREA_B,
    size: 4,
    ratings: { 'self-management': [3, 3], 'technology-and-digital': [3, 3] },
    way: '70',
  },
  {
    id: 'henkilosto',
    name: 'Henkilöstöpalvelut',
    serviceAreaId: AREA_C,
    size: 6,
    ratings: { 'self-management': [4, 4], 'technology-and-digital': [4, 4] },
    way: '20',
    roles: ['hr'],
  },
];

export interface KnownCity {
  organisation: Organisation;
  serviceAreas: ServiceArea[];
  teams: Team[];
  people: Person[];
  discussions: DevelopmentDiscussion[];
  /** People by role in the story. */
  cityManager: Person;
  director: Person;
  hr: Person;
  /** A staff member on the co-operation committee (YT-neuvottelukunta). */
  committee: Person;
  teamSupervisor(teamId: string): Person;
  member(teamId: string, index: number): Person;
}

function aad(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

export function knownCity(tenantId: string): KnownCity {
  const organisation: Organisation = {
    tenantId,
    name: 'Testikaupunki',
    defaultLocale: 'fi',
    anonymityThreshold: 5,
  };
  const serviceAreas: ServiceArea[] = [
    { tenantId, id: AREA_A, name: 'Hyvinvointipalvelut', directorId: 'director', alternatingYearRule: null },
    { tenantId, id: AREA_B, name: 'Tekniset palvelut', directorId: null, alternatingYearRule: null },
    { tenantId, id: AREA_C, name: 'Konsernipalvelut', directorId: null, alternatingYearRule: null },
  ];
  const people: Person[] = [];
  const person = (
    id: string,
    teamId: string,
    serviceAreaId: string,
    supervisorId: string | null,
    roles: Role[],
  ) => {
    const created: Person = {
      tenantId,
      id,
      firstName: `Etu${people.length}`,
      lastName: `Suku${people.length}`,
      email: `${id}@testikaupunki.fi`,
      aadObjectId: aad(people.length + 1),
      serviceAreaId,
      teamId,
      supervisorId,
      roles: ['employee', ...roles],
      locale: 'fi',
    };
    people.push(created);
    return created;
  };
  const cityManager = person('city-manager', 'kj', AREA_C, null, ['supervisor', 'cityManagementTeam']);
  const director = person('director', 'a-jory', AREA_A, cityManager.id, [
    'supervisor',
    'serviceAreaManagementTeam',
    'cityManagementTeam',
  ]);
  const teams: Team[] = [
    {
      tenantId,
      id: 'kj',
      serviceAreaId: AREA_C,
      name: 'Kaupunginjohtajan johtoryhmä',
      kind: 'cityManagementTeam',
      supervisorId: cityManager.id,
    },
  ];
  const discussions: DevelopmentDiscussion[] = [];
  const signed = (employee: Person, ratings: Ratings, way: LearningWay | null): DevelopmentDiscussion => ({
    ...newDevelopmentDiscussion(employee, YEAR, `${YEAR}-02-01T10:00:00.000Z`),
    status: 'signed',
    selfRatings: Object.fromEntries(Object.entries(ratings).map(([id, [self]]) => [id, self])),
    supervisorRatings: Object.fromEntries(
      Object.entries(ratings).map(([id, [, supervisor]]) => [id, supervisor]),
    ),
    learningGoals: way ? [{ id: 'g1', text: 'Oppimistavoite', status: 'open', way }] : [],
    employeeSignature: { personId: employee.id, at: `${YEAR}-02-01T10:00:00.000Z` },
    supervisorSignature: { personId: employee.supervisorId ?? '', at: `${YEAR}-02-01T10:00:00.000Z` },
  });
  for (const plan of TEAMS) {
    const management = plan.kind === 'serviceAreaManagementTeam';
    const leader = management
      ? director
      : person(
          `${plan.id}-1`,
          plan.id,
          plan.serviceAreaId,
          plan.serviceAreaId === AREA_A ? director.id : cityManager.id,
          ['supervisor', ...(plan.roles ?? [])],
        );
    teams.push({
      tenantId,
      id: plan.id,
      serviceAreaId: plan.serviceAreaId,
      name: plan.name,
      kind: plan.kind ?? 'team',
      supervisorId: leader.id,
    });
    const members = [leader];
    for (let i = 2; i <= plan.size; i++)
      members.push(person(`${plan.id}-${i}`, plan.id, plan.serviceAreaId, leader.id, plan.roles ?? []));
    for (const member of members) {
      const ratings = member === leader ? { ...plan.ratings, ...plan.supervisorRatings } : plan.ratings;
      discussions.push(signed(member, ratings, plan.way));
    }
  }
  // Delta's ninth member has held but not signed the discussion: it must not count.
  const unsigned = person('delta-9', 'delta', AREA_A, 'delta-1', []);
  discussions.push({
    ...signed(unsigned, { 'self-management': [1, 1] }, '10'),
    status: 'held',
    employeeSignature: null,
    supervisorSignature: null,
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  byId.get('katu-2')?.roles.push('cooperationCommittee');
  const find = (id: string): Person => {
    const found = byId.get(id);
    if (!found) throw new Error(`no person ${id}`);
    return found;
  };
  return {
    organisation,
    serviceAreas,
    teams,
    people,
    discussions,
    cityManager,
    director,
    hr: find('henkilosto-2'),
    committee: find('katu-2'),
    teamSupervisor: (teamId) => find(`${teamId}-1`),
    member: (teamId, index) => find(`${teamId}-${index}`),
  };
}

/** Writes the city (organisation, people, discussions) into the test's tenant. */
export async function storeKnownCity(repositories: Repositories, city: KnownCity): Promise<void> {
  await writeOrganisation(repositories, city.organisation.tenantId, {
    organisation: city.organisation,
    serviceAreas: city.serviceAreas,
    teams: city.teams,
    people: city.people,
  });
  await Promise.all(
    city.discussions.map((discussion) => repositories.developmentDiscussions.create(discussion)),
  );
}

/** A concluded (or open) group discussion of a team, with contributions and conclusions. */
export function groupDiscussion(
  city: KnownCity,
  teamId: string,
  status: GroupCompetenceDiscussion['status'],
  conclusions: GroupCompetenceDiscussion['conclusions'],
): GroupCompetenceDiscussion {
  const team = city.teams.find((candidate) => candidate.id === teamId);
  if (!team?.supervisorId) throw new Error(`no team ${teamId}`);
  return {
    tenantId: city.organisation.tenantId,
    id: `gd-${teamId}`,
    year: YEAR,
    level: team.kind === 'serviceAreaManagementTeam' ? 'serviceAreaManagementTeam' : 'team',
    teamId,
    serviceAreaId: team.serviceAreaId,
    chairId: team.supervisorId,
    status,
    contributions: [
      {
        id: 'c1',
        theme: 'futureNeeds',
        text: `Henkilökohtainen ajatus tiimistä ${teamId}`,
        authorId: team.supervisorId,
        at: `${YEAR}-02-02T10:00:00.000Z`,
      },
    ],
    conclusions,
    updatedAt: `${YEAR}-02-03T10:00:00.000Z`,
  };
}
