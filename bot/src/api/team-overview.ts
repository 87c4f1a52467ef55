/**
 * The supervisor's team overview for a year: their direct reports, page by page, each with which
 * conversations they have that year (conversationsFor) and their development discussion's status; the
 * clock's development-discussion windows of the reports' service areas; and the teams the supervisor leads,
 * with their group discussion. Only the caller's own reports are read.
 */
import { conversationsFor, teamHoldsGroupDiscussion } from '../domain/discussion-year-rules';
import type { Person, ServiceArea, Team } from '../domain/organisation';
import type { LedTeam, ReportRow, TeamOverviewPage } from '../contract/team';
import type { Repositories } from '../storage/repositories';
import { windowsOfKind } from '../domain/annual-clock-rules';
import { TEAM_PAGE_SIZE } from '../tunables';

type Repos = Pick<
  Repositories,
  'annualClocks' | 'developmentDiscussions' | 'groupDiscussions' | 'people' | 'serviceAreas' | 'teams'
>;

const STAFF_TEAM: Pick<Team, 'kind'> = { kind: 'team' };
const NO_RULE: Pick<ServiceArea, 'alternatingYearRule'> = { alternatingYearRule: null };

async function teamsById(repos: Repos, tenantId: string, ids: Iterable<string>): Promise<Map<string, Team>> {
  const found = await Promise.all([...new Set(ids)].map((id) => repos.teams.get(tenantId, id)));
  return new Map(found.flatMap((read) => (read ? [[read.value.id, read.value] as const] : [])));
}

async function ledTeams(
  repos: Repos,
  supervisor: Person,
  year: number,
  teams: Map<string, Team>,
  areas: Map<string, ServiceArea>,
): Promise<LedTeam[]> {
  const led = [...teams.values()].filter((team) => team.supervisorId === supervisor.id);
  return Promise.all(
    led.map(async (team) => {
      const page = await repos.groupDiscussions.listForTeam(supervisor.tenantId, year, team.id, {
        pageSize: 1,
      });
      const first = page.items[0]?.value;
      return {
        id: team.id,
        name: team.name,
        kind: team.kind,
        serviceAreaId: team.serviceAreaId,
        holdsGroupDiscussion: teamHoldsGroupDiscussion(team, areas.get(team.serviceAreaId) ?? NO_RULE, year),
        groupDiscussion: first
          ? { id: first.id, status: first.status, posted: Boolean(first.channelPost) }
          : null,
      };
    }),
  );
}

export async function teamOverview(
  repos: Repos,
  supervisor: Person,
  year: number,
  continuationToken?: string,
): Promise<TeamOverviewPage> {
  const { tenantId } = supervisor;
  const [clock, areaList, page] = await Promise.all([
    repos.annualClocks.inEffect(tenantId),
    repos.serviceAreas.list(tenantId),
    repos.people.listReports(tenantId, supervisor.id, { pageSize: TEAM_PAGE_SIZE, continuationToken }),
  ]);
  const areas = new Map(areaList.map((read) => [read.value.id, read.value]));
  const [discussions, teams] = await Promise.all([
    repos.developmentDiscussions.getMany(
      tenantId,
      year,
      page.items.map((person) => person.id),
    ),
    teamsById(
      repos,
      tenantId,
      page.items.map((person) => person.teamId),
    ),
  ]);
  const reports = page.items.map((person): ReportRow => {
    const discussion = discussions.get(person.id);
    return {
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      teamId: person.teamId,
      serviceAreaId: person.serviceAreaId,
      conversations: conversationsFor(
        person,
        areas.get(person.serviceAreaId) ?? NO_RULE,
        year,
        teams.get(person.teamId) ?? STAFF_TEAM,
      ),
      discussion: discussion
        ? {
            status: discussion.value.status,
            scheduledAt: discussion.value.scheduledAt,
            etag: discussion.etag,
          }
        : null,
    };
  });
  const windows: TeamOverviewPage['windows'] = {};
  for (const areaId of new Set(reports.map((report) => report.serviceAreaId))) {
    windows[areaId] = windowsOfKind(clock, year, areaId, 'developmentDiscussions').map((w) => ({
      opens: w.opens,
      closes: w.closes,
    }));
  }
  return {
    year,
    reports,
    windows,
    teams: await ledTeams(repos, supervisor, year, teams, areas),
    continuationToken: page.continuationToken,
  };
}
