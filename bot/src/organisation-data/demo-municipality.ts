/**
 * "Demokaupunki": a deterministic demo municipality of about 2,000 people for local runs, demos and tests.
 * City manager → service-area directors → team supervisors → employees; in education, the director's heads of
 * basic education and early-childhood education lead the principals' and daycare directors' teams, and each
 * principal or daycare director leads a school or daycare. Same seed, same data: ids, names and object ids.
 */
import type { Locale } from '../domain/locale';
import {
  ROLES,
  type AlternatingYearRule,
  type Organisation,
  type Person,
  type Role,
  type ServiceArea,
  type Team,
  type TeamKind,
  type TenantId,
} from '../domain/organisation';
import { withSupervisorRoles } from '../domain/people-rules';
import { idFromName } from './derived-id';
import { NAME_POOLS } from './demo-names';
import { deterministicGuid, seededRandom, type Random } from './seeded-random';

export interface DemoMunicipality {
  organisation: Organisation;
  serviceAreas: ServiceArea[];
  teams: Team[];
  people: Person[];
}

interface LeaderTeamBlueprint {
  name: string;
  kind: TeamKind;
  /** Schools or daycares, each led by a member of the leaders' team. */
  units: readonly string[];
}

interface AreaBlueprint {
  name: string;
  managementTeam: string;
  alternatingYearRule?: AlternatingYearRule;
  leaderTeams?: readonly LeaderTeamBlueprint[];
  /** Teams whose supervisors report to the director. */
  teams: readonly string[];
}

const CITY_MANAGEMENT_TEAM = 'Kaupunginjohtajan johtoryhmä';
const HR_TEAM = 'Henkilöstöpalvelut';
/** Staff of these units are mostly Swedish-speaking. */
const SWEDISH_UNITS: ReadonlySet<string> = new Set(['Demokaupungin svenska skola', 'Daghemmet Solstrålen']);
const EMAIL_DOMAIN = 'demokaupunki.fi';
const FIRST_PERSON_ID = 10001;

const AREAS: readonly AreaBlueprint[] = [
  {
    name: 'Konsernipalvelut',
    managementTeam: 'Konsernipalvelujen johtoryhmä',
    teams: [
      HR_TEAM,
      'Palkkapalvelut',
      'Talouspalvelut',
      'Kirjanpito ja laskutus',
      'Hankintapalvelut',
      'Tietohallinto',
      'Digipalvelut',
      'Hallinto- ja lakipalvelut',
      'Viestintä',
      'Asiakaspalvelukeskus',
      'Asiakirjahallinto',
      'Turvallisuus ja valmius',
      'Kuljetus- ja logistiikkapalvelut',
    ],
  },
  {
    name: 'Opetus ja varhaiskasvatus',
    managementTeam: 'Opetuksen ja varhaiskasvatuksen johtoryhmä',
    alternatingYearRule: { individualDiscussionYears: 'even' },
    leaderTeams: [
      {
        name: 'Rehtorien tiimi',
        kind: 'principals',
        units: [
          'Keskuskoulu',
          'Kirkonkylän koulu',
          'Mäntymäen koulu',
          'Harjun koulu',
          'Rantakylän koulu',
          'Koivurinteen koulu',
          'Kuusiston koulu',
          'Lähteenmäen koulu',
          'Niittylän koulu',
          'Pihlajiston koulu',
          'Tervaskankaan koulu',
          'Sointulan koulu',
          'Vuorelan koulu',
          'Kalliolan koulu',
          'Peltolan koulu',
          'Kivirannan koulu',
          'Metsälän koulu',
          'Demokaupungin yhteiskoulu',
          'Demokaupungin lukio',
          'Demokaupungin svenska skola',
        ],
      },
      {
        name: 'Päiväkodinjohtajien tiimi',
        kind: 'daycareDirectors',
        units: [
          'Päiväkoti Auringonkukka',
          'Päiväkoti Metsätähti',
          'Päiväkoti Kielo',
          'Päiväkoti Satakieli',
          'Päiväkoti Pikkukarhu',
          'Päiväkoti Tuulenpesä',
          'Päiväkoti Vilpola',
          'Päiväkoti Mustikka',
          'Päiväkoti Simpukka',
          'Päiväkoti Kastehelmi',
          'Päiväkoti Peikkometsä',
          'Päiväkoti Sateenkaari',
          'Päiväkoti Tenava',
          'Päiväkoti Leppäkerttu',
          'Päiväkoti Pajulintu',
          'Päiväkoti Revontuli',
          'Päiväkoti Omena',
          'Päiväkoti Kurki',
          'Päiväkoti Myllynkivi',
          'Daghemmet Solstrålen',
        ],
      },
    ],
    teams: ['Oppilas- ja opiskelijahuolto', 'Varhaiskasvatuksen erityisopetus', 'Opetuksen tukipalvelut'],
  },
  {
    name: 'Hyvinvointipalvelut',
    managementTeam: 'Hyvinvointipalvelujen johtoryhmä',
    teams: [
      'Pääkirjasto',
      'Lähikirjastot',
      'Liikuntapaikat',
      'Uimahalli',
      'Liikunnanohjaus',
      'Kulttuuripalvelut',
      'Kaupunginmuseo',
      'Kaupunginteatteri',
      'Musiikkiopisto',
      'Kansalaisopisto',
      'Nuorisotyö',
      'Etsivä nuorisotyö',
      'Hyvinvoinnin edistäminen',
      'Ikäihmisten palvelut',
      'Vapaa-ajan palvelut',
      'Tapahtumapalvelut',
    ],
  },
  {
    name: 'Kaupunkikehitys',
    managementTeam: 'Kaupunkikehityksen johtoryhmä',
    teams: [
      'Kaavoitus',
      'Maankäyttö',
      'Rakennusvalvonta',
      'Mittauspalvelut',
      'Paikkatietopalvelut',
      'Ympäristönsuojelu',
      'Kiinteistö- ja tonttipalvelut',
      'Asuntopalvelut',
      'Liikennesuunnittelu',
      'Rakennushankkeet',
    ],
  },
  {
    name: 'Tekniset palvelut',
    managementTeam: 'Teknisten palvelujen johtoryhmä',
    teams: [
      'Kadunpito',
      'Viheralueet',
      'Varikko',
      'Kiinteistönhoito, itä',
      'Kiinteistönhoito, länsi',
      'Talotekniikka',
      'Rakennuttaminen',
      'Keskuskeittiö',
      'Koulujen ateriapalvelut',
      'Päiväkotien ateriapalvelut',
      'Puhtauspalvelut, keskusta',
      'Puhtauspalvelut, koulut',
      'Puhtauspalvelut, päiväkodit',
      'Vesijohtoverkosto',
      'Vesilaitos',
      'Jätevedenpuhdistamo',
      'Ulkoilureitit',
      'Satama',
    ],
  },
  {
    name: 'Elinvoima',
    managementTeam: 'Elinvoimapalvelujen johtoryhmä',
    teams: [
      'Elinkeinopalvelut',
      'Yrityspalvelut',
      'Matkailu',
      'Markkinointi',
      'Työllisyyspalvelut',
      'Työpajat',
      'Nuorten työllisyys',
      'Kotoutumispalvelut',
      'Hankepalvelut',
    ],
  },
];

export function generateDemoMunicipality(tenantId: TenantId, seed = 2026): DemoMunicipality {
  const random = seededRandom(seed);
  const serviceAreas: ServiceArea[] = [];
  const teams: Team[] = [];
  const people: Person[] = [];
  const usedEmails = new Set<string>();

  const addTeam = (serviceArea: ServiceArea, name: string, kind: TeamKind): Team => {
    const team: Team = {
      tenantId,
      id: idFromName(name),
      serviceAreaId: serviceArea.id,
      name,
      kind,
      supervisorId: null,
    };
    teams.push(team);
    return team;
  };
  const addPerson = (
    team: Team,
    supervisor: Person | null,
    roles: Role[] = [],
    swedishUnit = false,
  ): Person => {
    const locale = chooseLocale(random, swedishUnit);
    const pool = NAME_POOLS[locale];
    const firstName = random.pick(pool.firstNames);
    // Many Finnish speakers have Swedish surnames.
    const lastName = random.pick(
      locale === 'fi' && random.next() < 0.08 ? NAME_POOLS.sv.lastNames : pool.lastNames,
    );
    const id = String(FIRST_PERSON_ID + people.length);
    const person: Person = {
      tenantId,
      id,
      firstName,
      lastName,
      email: uniqueEmail(firstName, lastName, usedEmails),
      aadObjectId: deterministicGuid(seed, id),
      serviceAreaId: team.serviceAreaId,
      teamId: team.id,
      supervisorId: supervisor?.id ?? null,
      roles: ['employee', ...roles],
      locale,
    };
    people.push(person);
    return person;
  };
  /** A team led by `leader` (a member of it or not), with 14–20 employees reporting to the leader. */
  const staffTeam = (team: Team, leader: Person, swedishUnit = false): void => {
    team.supervisorId = leader.id;
    const size = random.int(14, 20);
    for (let i = 0; i < size; i++) addPerson(team, leader, [], swedishUnit);
  };

  for (const blueprint of AREAS) {
    serviceAreas.push({
      tenantId,
      id: idFromName(blueprint.name),
      name: blueprint.name,
      directorId: null,
      alternatingYearRule: blueprint.alternatingYearRule ?? null,
    });
  }
  const [groupServices] = serviceAreas;
  if (!groupServices) throw new Error('The demo municipality has no service areas.');

  // The city manager's own team; the management team itself is the cityManagementTeam role.
  const cityManagerTeam = addTeam(groupServices, CITY_MANAGEMENT_TEAM, 'cityManagementTeam');
  const cityManager = addPerson(cityManagerTeam, null, ['cityManagementTeam']);
  cityManagerTeam.supervisorId = cityManager.id;
  for (let i = 0; i < 3; i++) addPerson(cityManagerTeam, cityManager);

  AREAS.forEach((blueprint, index) => {
    const serviceArea = serviceAreas[index];
    if (!serviceArea) return;
    const managementTeam = addTeam(serviceArea, blueprint.managementTeam, 'serviceAreaManagementTeam');
    const director = addPerson(managementTeam, cityManager, [
      'serviceAreaManagementTeam',
      'cityManagementTeam',
    ]);
    serviceArea.directorId = director.id;
    managementTeam.supervisorId = director.id;
    for (let i = 0; i < 2; i++) addPerson(managementTeam, director, ['serviceAreaManagementTeam']);

    for (const leaderBlueprint of blueprint.leaderTeams ?? []) {
      const head = addPerson(managementTeam, director, ['serviceAreaManagementTeam']);
      const leaderTeam = addTeam(serviceArea, leaderBlueprint.name, leaderBlueprint.kind);
      leaderTeam.supervisorId = head.id;
      for (const unit of leaderBlueprint.units) {
        const swedishUnit = SWEDISH_UNITS.has(unit);
        const leader = addPerson(leaderTeam, head, [], swedishUnit);
        staffTeam(addTeam(serviceArea, unit, 'team'), leader, swedishUnit);
      }
    }
    for (const name of blueprint.teams) {
      const team = addTeam(serviceArea, name, 'team');
      // The HR director sits on both management teams; everyone in HR gets the hr role.
      const extraRoles: Role[] = name === HR_TEAM ? ['serviceAreaManagementTeam', 'cityManagementTeam'] : [];
      const supervisor = addPerson(team, director, extraRoles);
      staffTeam(team, supervisor);
      if (name === HR_TEAM) {
        for (const member of people) if (member.teamId === team.id) member.roles.push('hr');
      }
    }
  });

  assignCooperationCommittee(people, serviceAreas, random);
  return {
    organisation: { tenantId, name: 'Demokaupunki', defaultLocale: 'fi', anonymityThreshold: 5 },
    serviceAreas,
    teams,
    people: withSupervisorRoles(people).map((person) => ({
      ...person,
      roles: ROLES.filter((role) => person.roles.includes(role)),
    })),
  };
}

/** About 9 % Swedish-speaking and 1 % English-speaking overall; Swedish-language units mostly Swedish-speaking. */
function chooseLocale(random: Random, swedishUnit: boolean): Locale {
  const draw = random.next();
  if (swedishUnit) return draw < 0.85 ? 'sv' : 'fi';
  return draw < 0.075 ? 'sv' : draw < 0.085 ? 'en' : 'fi';
}

function uniqueEmail(firstName: string, lastName: string, used: Set<string>): string {
  const ascii = (name: string) =>
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z-]/g, '');
  const base = `${ascii(firstName)}.${ascii(lastName)}`;
  let local = base;
  for (let n = 2; used.has(local); n++) local = `${base}${n}`;
  used.add(local);
  return `${local}@${EMAIL_DOMAIN}`;
}

/**
 * The co-operation committee: the employer's side (group services' director, the HR director and the director of
 * education) and one staff representative per service area, an employee drawn at random.
 */
function assignCooperationCommittee(people: Person[], serviceAreas: ServiceArea[], random: Random): void {
  const byId = new Map(people.map((person) => [person.id, person]));
  const hrDirector = people.find(
    (person) => person.roles.includes('hr') && person.roles.includes('cityManagementTeam'),
  );
  const employerSide = [
    byId.get(serviceAreas[0]?.directorId ?? ''),
    hrDirector,
    byId.get(serviceAreas.find((area) => area.alternatingYearRule)?.directorId ?? ''),
  ];
  const reportsTo = new Set(people.map((person) => person.supervisorId));
  const staffSide = serviceAreas.map((area) =>
    random.pick(people.filter((person) => person.serviceAreaId === area.id && !reportsTo.has(person.id))),
  );
  for (const member of [...employerSide, ...staffSide]) member?.roles.push('cooperationCommittee');
}

export type DemoPersonaKey =
  'cityManager' | 'director' | 'supervisor' | 'employee' | 'hr' | 'swedishEmployee';

export interface DemoPersona {
  key: DemoPersonaKey;
  personId: string;
  aadObjectId: string;
  name: string;
  roles: Role[];
}

/** Stable people to sign in as in a demo; picked by rule, so they follow the data. */
export function demoPersonas(demo: DemoMunicipality): Record<DemoPersonaKey, DemoPersona> {
  const { people, teams, serviceAreas } = demo;
  const reportCounts = new Map<string, number>();
  for (const person of people) {
    if (person.supervisorId)
      reportCounts.set(person.supervisorId, (reportCounts.get(person.supervisorId) ?? 0) + 1);
  }
  const distanceFrom15 = (team: Team) => Math.abs((reportCounts.get(team.supervisorId ?? '') ?? 0) - 15);
  const supervisedTeam = teams
    .filter((team) => team.kind === 'team')
    .reduce((best, team) => (distanceFrom15(team) < distanceFrom15(best) ? team : best));
  const onlyEmployee = (person: Person) => person.roles.length === 1 && person.roles[0] === 'employee';
  const find = (key: DemoPersonaKey, test: (person: Person) => boolean): DemoPersona => {
    const person = people.find(test);
    if (!person?.aadObjectId) throw new Error(`The demo data has no ${key} persona.`);
    const { id: personId, aadObjectId, firstName, lastName, roles } = person;
    return { key, personId, aadObjectId, name: `${firstName} ${lastName}`, roles };
  };
  const educationDirector = serviceAreas.find((area) => area.alternatingYearRule)?.directorId;
  return {
    cityManager: find('cityManager', (person) => person.supervisorId === null),
    director: find('director', (person) => person.id === educationDirector),
    supervisor: find('supervisor', (person) => person.id === supervisedTeam.supervisorId),
    employee: find(
      'employee',
      (person) =>
        person.supervisorId === supervisedTeam.supervisorId && person.locale === 'fi' && onlyEmployee(person),
    ),
    hr: find('hr', (person) => person.roles.includes('hr') && !person.roles.includes('supervisor')),
    swedishEmployee: find('swedishEmployee', (person) => person.locale === 'sv' && onlyEmployee(person)),
  };
}

/** The personas of the default demo (seed 2026); ids do not depend on the tenant. */
export const DEMO_PERSONAS: Record<DemoPersonaKey, DemoPersona> = demoPersonas(
  generateDemoMunicipality('demo'),
);
