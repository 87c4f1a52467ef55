/**
 * A scripted organisation for the anonymity tests: service areas of teams of given sizes, HR and a supervisor,
 * and a way to sign one person's development discussion with one self rating of one competence, after which
 * the aggregates are refreshed as the app does on signing (refreshAfterSigning).
 */
import { newDevelopmentDiscussion } from '../../../bot/src/domain/development-discussion-lifecycle';
import type { Organisation, Person, ServiceArea, Team } from '../../../bot/src/domain/organisation';
import { writeOrganisation } from '../../../bot/src/storage/organisation-import';
import type { Repositories } from '../../../bot/src/storage/repositories';
import { refreshAfterSigning } from '../../../bot/src/summaries/aggregate-refresh';

export interface OrgShape {
  areas: { id: string; teams: { id: string; size: number }[] }[];
}

export const teamsOf = (org: OrgShape, areaId: string): string[] =>
  org.areas.find((a) => a.id === areaId)?.teams.map((t) => t.id) ?? [];
export const allTeams = (org: OrgShape): string[] => org.areas.flatMap((area) => teamsOf(org, area.id));

/** Stores the organisation; people are `<teamId>-<index>`, plus `boss` (supervisor) and `hr` in the first area. */
export async function seedOrganisation(
  repositories: Repositories,
  tenantId: string,
  org: OrgShape,
  threshold: number,
): Promise<Map<string, Person>> {
  const organisation: Organisation = {
    tenantId,
    name: 'Tarkastuskaupunki',
    defaultLocale: 'fi',
    anonymityThreshold: threshold,
  };
  const serviceAreas: ServiceArea[] = org.areas.map((area) => ({
    tenantId,
    id: area.id,
    name: `Alue ${area.id}`,
    directorId: null,
    alternatingYearRule: null,
  }));
  const teams: Team[] = org.areas.flatMap((area) =>
    area.teams.map((team) => ({
      tenantId,
      id: team.id,
      serviceAreaId: area.id,
      name: `Tiimi ${team.id}`,
      kind: 'team' as const,
      supervisorId: 'boss',
    })),
  );
  const people = new Map<string, Person>();
  const person = (id: string, teamId: string, serviceAreaId: string, roles: Person['roles']): Person => ({
    tenantId,
    id,
    firstName: 'Etu',
    lastName: id,
    email: `${id}@example.fi`,
    aadObjectId: `00000000-0000-4000-8000-${String(people.size + 1).padStart(12, '0')}`,
    serviceAreaId,
    teamId,
    supervisorId: id === 'boss' ? null : 'boss',
    roles,
    locale: 'fi',
  });
  const first = org.areas[0];
  const firstTeam = first?.teams[0];
  if (!first || !firstTeam) throw new Error('an organisation needs a team');
  // Boss and HR sit in a team of their own, so they never count among the teams' discussions.
  for (const [id, roles] of [
    ['boss', ['employee', 'supervisor']],
    ['hr', ['employee', 'hr']],
  ] as const) {
    people.set(id, person(id, 'staff', first.id, [...roles]));
  }
  teams.push({
    tenantId,
    id: 'staff',
    serviceAreaId: first.id,
    name: 'Henkilöstö',
    kind: 'team',
    supervisorId: 'boss',
  });
  for (const area of org.areas)
    for (const team of area.teams)
      for (let i = 0; i < team.size; i++) {
        const id = `${team.id}-${i}`;
        people.set(id, person(id, team.id, area.id, ['employee']));
      }
  await writeOrganisation(repositories, tenantId, {
    organisation,
    serviceAreas,
    teams,
    people: [...people.values()],
  });
  return people;
}

/** Signs the employee's discussion of `year` with one self rating, then refreshes as the app does. */
export async function signDiscussion(
  repositories: Repositories,
  employee: Person,
  year: number,
  competenceId: string,
  rating: number,
  at: string,
): Promise<void> {
  await repositories.developmentDiscussions.create({
    ...newDevelopmentDiscussion(employee, year, at),
    status: 'signed',
    selfRatings: { [competenceId]: rating },
    supervisorRatings: {},
    employeeSignature: { personId: employee.id, at },
    supervisorSignature: { personId: 'boss', at },
  });
  await refreshAfterSigning(repositories, employee.tenantId, year, employee.id, at);
}
