/**
 * A small municipality for the scheduler's tests: two service areas (one with the alternating-year model), a
 * city manager, two directors, a team with employees in Finnish, Swedish and English, a school, and HR.
 */
import type { Locale } from '../../../bot/src/domain/locale';
import type { Person, Role, ServiceArea, Team } from '../../../bot/src/domain/organisation';
import { withSupervisorRoles } from '../../../bot/src/domain/people-rules';
import {
  NO_PROGRESS,
  type OrganisationSnapshot,
  type YearProgress,
} from '../../../bot/src/domain/organisation-snapshot';

export const TENANT = 'small-city';

const area = (id: string, directorId: string, alternating: boolean): ServiceArea => ({
  tenantId: TENANT,
  id,
  name: id,
  directorId,
  alternatingYearRule: alternating ? { individualDiscussionYears: 'even' } : null,
});

const team = (id: string, serviceAreaId: string, kind: Team['kind'], supervisorId: string): Team => ({
  tenantId: TENANT,
  id,
  serviceAreaId,
  name: id,
  kind,
  supervisorId,
});

function person(
  id: string,
  serviceAreaId: string,
  teamId: string,
  supervisorId: string | null,
  roles: Role[] = ['employee'],
  locale: Locale = 'fi',
): Person {
  return {
    tenantId: TENANT,
    id,
    firstName: id,
    lastName: 'Testi',
    email: `${id}@example.test`,
    aadObjectId: `aad-${id}`,
    serviceAreaId,
    teamId,
    supervisorId,
    roles,
    locale,
  };
}

export const SERVICE_AREAS: ServiceArea[] = [area('konserni', 'dir-k', false), area('opetus', 'dir-o', true)];

export const TEAMS: Team[] = [
  team('city-mt', 'konserni', 'cityManagementTeam', 'city-manager'),
  team('k-mt', 'konserni', 'serviceAreaManagementTeam', 'dir-k'),
  team('o-mt', 'opetus', 'serviceAreaManagementTeam', 'dir-o'),
  team('team-a', 'konserni', 'team', 'sup-a'),
  team('hr-team', 'konserni', 'team', 'dir-k'),
  team('principals', 'opetus', 'principals', 'dir-o'),
  team('school', 'opetus', 'team', 'principal'),
];

export const PEOPLE: Person[] = withSupervisorRoles([
  person('city-manager', 'konserni', 'city-mt', null, ['employee', 'cityManagementTeam']),
  person('dir-k', 'konserni', 'k-mt', 'city-manager', [
    'employee',
    'serviceAreaManagementTeam',
    'cityManagementTeam',
  ]),
  person('dir-o', 'opetus', 'o-mt', 'city-manager', [
    'employee',
    'serviceAreaManagementTeam',
    'cityManagementTeam',
  ]),
  person('sup-a', 'konserni', 'team-a', 'dir-k'),
  person('emp-fi', 'konserni', 'team-a', 'sup-a', ['employee'], 'fi'),
  person('emp-sv', 'konserni', 'team-a', 'sup-a', ['employee'], 'sv'),
  person('emp-en', 'konserni', 'team-a', 'sup-a', ['employee'], 'en'),
  person('hr-1', 'konserni', 'hr-team', 'dir-k', ['employee', 'hr', 'cooperationCommittee']),
  person('principal', 'opetus', 'principals', 'dir-o'),
  person('teacher-1', 'opetus', 'school', 'principal'),
  person('teacher-2', 'opetus', 'school', 'principal', ['employee'], 'sv'),
]);

export function smallCity(progress: Record<number, Partial<YearProgress>> = {}): OrganisationSnapshot {
  return {
    organisation: { tenantId: TENANT, defaultLocale: 'fi' },
    serviceAreas: SERVICE_AREAS,
    teams: TEAMS,
    people: PEOPLE,
    progress: new Map(Object.entries(progress).map(([year, p]) => [Number(year), { ...NO_PROGRESS, ...p }])),
  };
}
