/**
 * Service areas and teams as an HR file implies them: the file lists people, each with a service area and a team,
 * so units are derived from their members. Two rules fill in what a people list does not say directly:
 *
 * - A team's supervisor is the person most of its members report to: in a school team the teachers report to the
 *   principal; in the principals' team the principals report to the head of basic education. Ties go to a
 *   candidate who is a member of the team, then to the lowest id. A team whose members report to no one (the
 *   city manager's own team alone) is led by its member with the lowest id.
 * - A service area's director is the member of its management team (role serviceAreaManagementTeam) who does not
 *   report to another member of that management team in the same area. If several do, the one with most people
 *   under them wins, then the lowest id; with no management-team member the director is unknown (null).
 *
 * The alternating-year rule is organisation configuration, not HR data: derived service areas never carry one.
 */
import type { Person, ServiceArea, Team, TeamKind, TenantId } from '../domain/organisation';

/** Names and kinds by id, as the rows give them (rows that disagree were rejected). */
export interface UnitDefinitions {
  serviceAreas: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, { name: string; kind: TeamKind }>;
}

/** Units in the order their first member appears. */
export function deriveUnits(
  tenantId: TenantId,
  people: Person[],
  definitions: UnitDefinitions,
): { serviceAreas: ServiceArea[]; teams: Team[] } {
  const byId = new Map(people.map((person) => [person.id, person]));
  const peopleUnder = countPeopleUnder(people);

  const serviceAreas = new Map<string, ServiceArea>();
  const teams = new Map<string, Team>();
  for (const person of people) {
    if (!serviceAreas.has(person.serviceAreaId)) {
      const members = people.filter((other) => other.serviceAreaId === person.serviceAreaId);
      serviceAreas.set(person.serviceAreaId, {
        tenantId,
        id: person.serviceAreaId,
        name: definitions.serviceAreas.get(person.serviceAreaId) ?? person.serviceAreaId,
        directorId: director(members, byId, peopleUnder),
        alternatingYearRule: null,
      });
    }
    if (!teams.has(person.teamId)) {
      const members = people.filter((other) => other.teamId === person.teamId);
      const definition = definitions.teams.get(person.teamId);
      teams.set(person.teamId, {
        tenantId,
        id: person.teamId,
        serviceAreaId: person.serviceAreaId,
        name: definition?.name ?? person.teamId,
        kind: definition?.kind ?? 'team',
        supervisorId: teamSupervisor(members),
      });
    }
  }
  return { serviceAreas: [...serviceAreas.values()], teams: [...teams.values()] };
}

function teamSupervisor(members: Person[]): string | null {
  const votes = new Map<string, number>();
  for (const member of members) {
    if (member.supervisorId) votes.set(member.supervisorId, (votes.get(member.supervisorId) ?? 0) + 1);
  }
  if (votes.size === 0) return members.map((member) => member.id).sort()[0] ?? null;
  const memberIds = new Set(members.map((member) => member.id));
  const rank = (id: string) => (votes.get(id) ?? 0) * 2 + (memberIds.has(id) ? 1 : 0);
  return [...votes.keys()].sort((a, b) => rank(b) - rank(a) || compareIds(a, b))[0] ?? null;
}

function director(
  members: Person[],
  byId: Map<string, Person>,
  peopleUnder: Map<string, number>,
): string | null {
  const inManagementTeam = (person: Person | undefined) =>
    person?.roles.includes('serviceAreaManagementTeam') === true &&
    person.serviceAreaId === members[0]?.serviceAreaId;
  const candidates = members.filter(
    (member) => inManagementTeam(member) && !inManagementTeam(byId.get(member.supervisorId ?? '')),
  );
  const ranked = candidates.sort(
    (a, b) => (peopleUnder.get(b.id) ?? 0) - (peopleUnder.get(a.id) ?? 0) || compareIds(a.id, b.id),
  );
  return ranked[0]?.id ?? null;
}

/** How many people each person has under them, directly or not (the hierarchy is known to be acyclic). */
function countPeopleUnder(people: Person[]): Map<string, number> {
  const reports = new Map<string, Person[]>();
  for (const person of people) {
    if (!person.supervisorId) continue;
    const list = reports.get(person.supervisorId);
    if (list) list.push(person);
    else reports.set(person.supervisorId, [person]);
  }
  const counts = new Map<string, number>();
  const count = (id: string): number => {
    const known = counts.get(id);
    if (known !== undefined) return known;
    const total = (reports.get(id) ?? []).reduce((sum, report) => sum + 1 + count(report.id), 0);
    counts.set(id, total);
    return total;
  };
  for (const person of people) count(person.id);
  return counts;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
