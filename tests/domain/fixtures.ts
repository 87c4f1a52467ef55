/** People, teams and service areas for the domain's unit tests. */
import { DomainRuleError } from '../../bot/src/domain/errors';
import type { Person, Role, ServiceArea, Team } from '../../bot/src/domain/organisation';

export const TENANT = 'tenant-1';

export function person(id: string, overrides: Partial<Person> = {}): Person {
  return {
    tenantId: TENANT,
    id,
    firstName: 'Test',
    lastName: id,
    email: `${id}@example.test`,
    aadObjectId: null,
    serviceAreaId: 'sivistys',
    teamId: 'team-1',
    supervisorId: 'boss',
    roles: ['employee'],
    locale: 'fi',
    ...overrides,
  };
}

export function withRoles(id: string, roles: Role[], overrides: Partial<Person> = {}): Person {
  return person(id, { roles, ...overrides });
}

export function serviceArea(alternating: 'even' | 'odd' | null): ServiceArea {
  return {
    tenantId: TENANT,
    id: 'sivistys',
    name: 'Sivistyspalvelut',
    directorId: null,
    alternatingYearRule: alternating ? { individualDiscussionYears: alternating } : null,
  };
}

export function team(kind: Team['kind'], overrides: Partial<Team> = {}): Team {
  return {
    tenantId: TENANT,
    id: 'team-1',
    serviceAreaId: 'sivistys',
    name: 'Team',
    kind,
    supervisorId: 'boss',
    ...overrides,
  };
}

/** The code of the DomainRuleError the action throws, or undefined when it does not throw. */
export function refusalCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainRuleError) return error.code;
    throw error;
  }
  return undefined;
}
