/** Who counts as a supervisor (esihenkilö). */
import type { Person } from './organisation';

/**
 * The 'supervisor' role is the one source of truth, so every rule that depends on it (assessed competences, the
 * supervisor section, yearly development discussions) agrees. Having direct reports is turned into that role
 * when people are imported, by `withSupervisorRoles`, not re-derived rule by rule.
 */
export function isSupervisor(person: Pick<Person, 'roles'>): boolean {
  return person.roles.includes('supervisor');
}

/** Grants the supervisor role to everyone somebody reports to; never takes away a role HR has given. */
export function withSupervisorRoles(people: Person[]): Person[] {
  const supervisorIds = new Set(
    people.flatMap((person) => (person.supervisorId ? [person.supervisorId] : [])),
  );
  return people.map((person) =>
    supervisorIds.has(person.id) && !isSupervisor(person)
      ? { ...person, roles: [...person.roles, 'supervisor'] }
      : person,
  );
}
