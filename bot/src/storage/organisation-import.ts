/**
 * Writes an organisation's structure from HR's data. Re-importing the same data writes nothing; a person
 * is written with their copies (Entra id, supervisor, team) in one transaction, never half. Everything is
 * validated, and every tenant checked, before the first write; parents are written before children.
 */
import type { Organisation, Person, ServiceArea, Team, TenantId } from '../domain/organisation';
import type { Repositories } from './repositories';
import type { SyncCounts } from './record-table';

export interface OrganisationSnapshot {
  /** Absent when the import carries only people (the organisation is set up once). */
  organisation?: Organisation;
  serviceAreas: readonly ServiceArea[];
  teams: readonly Team[];
  people: readonly Person[];
}

export interface OrganisationImportCounts {
  organisation: SyncCounts;
  serviceAreas: SyncCounts;
  teams: SyncCounts;
  people: SyncCounts;
}

export async function writeOrganisation(
  repos: Pick<Repositories, 'organisations' | 'serviceAreas' | 'teams' | 'people'>,
  tenantId: TenantId,
  snapshot: OrganisationSnapshot,
): Promise<OrganisationImportCounts> {
  const [organisation, serviceAreas, teams, people] = await Promise.all([
    snapshot.organisation ? repos.organisations.planSync(tenantId, snapshot.organisation) : null,
    repos.serviceAreas.planSync(tenantId, snapshot.serviceAreas),
    repos.teams.planSync(tenantId, snapshot.teams),
    repos.people.planSync(tenantId, snapshot.people),
  ]);
  await organisation?.run();
  await serviceAreas.run();
  await teams.run();
  await people.run();
  return {
    organisation: organisation?.counts ?? { created: 0, updated: 0, unchanged: 0 },
    serviceAreas: serviceAreas.counts,
    teams: teams.counts,
    people: people.counts,
  };
}
