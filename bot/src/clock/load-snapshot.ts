/**
 * Reads an organisation's snapshot for the scheduler from the repositories: a daily job's bounded partition
 * reads, page by page (a city of 40,000 is some 40 pages of people and of each year's discussions).
 */
import { organisationDate } from '../domain/organisation-time';
import type { TenantId } from '../domain/organisation';
import { withChoices } from '../i18n/person-language';
import type { Repositories } from '../storage/repositories';
import { readAll } from '../storage/read-all';
import type { OrganisationSnapshot, YearProgress } from '../domain/organisation-snapshot';

export type SnapshotRepositories = Pick<
  Repositories,
  | 'organisations'
  | 'serviceAreas'
  | 'teams'
  | 'people'
  | 'developmentDiscussions'
  | 'groupDiscussions'
  | 'trainingPlans'
  | 'languageChoices'
>;

export async function loadSnapshot(
  repositories: SnapshotRepositories,
  tenantId: TenantId,
  years: readonly number[],
): Promise<OrganisationSnapshot> {
  const organisation = await repositories.organisations.get(tenantId);
  if (!organisation) throw new Error('The tenant has no organisation.');
  const serviceAreas = (await repositories.serviceAreas.list(tenantId)).map((read) => read.value);
  const teams = (await readAll((page) => repositories.teams.list(tenantId, page))).map((read) => read.value);
  // Each reminder speaks its recipient's own language (i18n/person-language.ts).
  const people = withChoices(
    (await readAll((page) => repositories.people.listPeople(tenantId, page))).map((read) => read.value),
    await repositories.languageChoices.listForTenant(tenantId),
  );
  // Group discussions of the city manager's management team belong to no service area.
  const cityTeams = teams.filter((team) => team.kind === 'cityManagementTeam');

  const progress = new Map<number, YearProgress>();
  for (const year of years) {
    const developmentDiscussions: YearProgress['developmentDiscussions'] = [];
    const groupDiscussions: YearProgress['groupDiscussions'] = [];
    for (const area of serviceAreas) {
      const discussions = await readAll((page) =>
        repositories.developmentDiscussions.listFieldsForServiceArea(
          tenantId,
          year,
          area.id,
          ['supervisorId', 'status', 'scheduledAt'],
          page,
        ),
      );
      for (const { employeeId, supervisorId, status, scheduledAt } of discussions) {
        const meetingDate = scheduledAt ? organisationDate(new Date(scheduledAt)) : null;
        developmentDiscussions.push({ employeeId, supervisorId, status, meetingDate });
      }
      const groups = await readAll((page) =>
        repositories.groupDiscussions.listForServiceArea(tenantId, year, area.id, page),
      );
      groupDiscussions.push(...groups.map(({ value }) => ({ teamId: value.teamId, status: value.status })));
    }
    for (const team of cityTeams) {
      const groups = await readAll((page) =>
        repositories.groupDiscussions.listForTeam(tenantId, year, team.id, page),
      );
      groupDiscussions.push(...groups.map(({ value }) => ({ teamId: value.teamId, status: value.status })));
    }
    const trainingPlans = (await repositories.trainingPlans.listForYear(tenantId, year)).map(({ value }) => ({
      scope: value.scope,
      serviceAreaId: value.serviceAreaId,
      status: value.status,
    }));
    progress.set(year, { developmentDiscussions, groupDiscussions, trainingPlans });
  }
  return { organisation: organisation.value, serviceAreas, teams, people, progress };
}
