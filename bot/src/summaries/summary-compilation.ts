/**
 * Compiles a service area's summary (koonti) from what is stored, and the city-wide figures for HR and the
 * city manager's management team. Reads only aggregates and group discussions' conclusions: one read each
 * for the organisation, the framework, the area's teams, the area's team rows this year and last year, its
 * group discussions and its development-action requests (page sizes of 1,000), so a 5,000-person area takes
 * 7 round trips and the city a few more per 1,000 teams.
 */
import { GROUP_THEMES, type GroupCompetenceDiscussion, type GroupTheme } from '../domain/group-discussion';
import type { Repositories } from '../storage/repositories';
import {
  DEVELOPMENT_ACTION_FORMS,
  DEVELOPMENT_ACTION_KINDS,
  type DemandRow,
} from '../storage/development-action-request-repository';
import type { SummaryFigures } from '../storage/summary-publication-repository';
import type { TeamAggregate } from '../storage/team-aggregate-repository';
import type { Versioned } from '../storage/table-store';
import { readAll, yearFramework } from './aggregate-refresh';
import { anonymousFigures, type DemandCount, type FigureGroup } from './anonymous-figures';
import { mergeTallies, type Tally } from './team-tally';

export type CompilationRepos = Pick<
  Repositories,
  | 'organisations'
  | 'competenceFrameworks'
  | 'serviceAreas'
  | 'teams'
  | 'teamAggregates'
  | 'groupDiscussions'
  | 'developmentActionRequests'
>;

/** A draft holds at most this many conclusions per theme (more would not fit a card to edit). */
export const MAX_SUMMARY_CONCLUSIONS = 60;

export type Conclusions = Partial<Record<GroupTheme, string[]>>;

export interface CompiledSummary {
  conclusions: Conclusions;
  figures: SummaryFigures;
}

function tallyOf(row: TeamAggregate): Tally {
  return { respondents: row.respondents, competences: row.competences, learningWays: row.learningWays };
}

export async function threshold(
  repos: Pick<Repositories, 'organisations'>,
  tenantId: string,
): Promise<number> {
  return (await repos.organisations.get(tenantId))?.value.anonymityThreshold ?? 0;
}

/** Open requests by kind and form (withdrawn ones do not count). */
export async function demandCounts(
  rows: AsyncIterable<DemandRow> | Iterable<DemandRow>,
): Promise<DemandCount[]> {
  const counts = new Map<string, number>();
  for await (const row of rows) {
    if (row.status !== 'requested') continue;
    const key = `${row.kind}|${row.form}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return DEVELOPMENT_ACTION_KINDS.flatMap((kind) =>
    DEVELOPMENT_ACTION_FORMS.map((form) => ({ kind, form, count: counts.get(`${kind}|${form}`) ?? 0 })),
  );
}

/**
 * The concluded group discussions' conclusions by theme, without names: the service-area management team's
 * first (its view covers the whole area), then the teams'. Repeated texts appear once.
 */
export function collectConclusions(discussions: readonly GroupCompetenceDiscussion[]): Conclusions {
  const concluded = discussions
    .filter((discussion) => discussion.status === 'concluded')
    .sort(
      (a, b) =>
        Number(b.level === 'serviceAreaManagementTeam') - Number(a.level === 'serviceAreaManagementTeam') ||
        a.teamId.localeCompare(b.teamId),
    );
  const conclusions: Conclusions = {};
  for (const theme of GROUP_THEMES) {
    const texts = [...new Set(concluded.flatMap((discussion) => discussion.conclusions[theme] ?? []))];
    if (texts.length > 0) conclusions[theme] = texts.slice(0, MAX_SUMMARY_CONCLUSIONS);
  }
  return conclusions;
}

export async function compileServiceAreaSummary(
  repos: CompilationRepos,
  tenantId: string,
  year: number,
  serviceAreaId: string,
): Promise<CompiledSummary> {
  const [limit, framework, teams, rows, previousRows, discussions, demand] = await Promise.all([
    threshold(repos, tenantId),
    yearFramework(repos, tenantId, year),
    readAll((page) => repos.teams.listForServiceArea(tenantId, serviceAreaId, page)),
    repos.teamAggregates.listForServiceArea(tenantId, year, serviceAreaId),
    repos.teamAggregates.listForServiceArea(tenantId, year - 1, serviceAreaId),
    readAll((page) => repos.groupDiscussions.listForServiceArea(tenantId, year, serviceAreaId, page)),
    demandCounts(repos.developmentActionRequests.scanDemand(tenantId, year, serviceAreaId)),
  ]);
  const names = new Map(teams.map((team) => [team.id, team.name]));
  const groups: FigureGroup[] = rows.map(({ value }) => ({
    id: value.teamId,
    name: names.get(value.teamId) ?? value.teamId,
    tally: tallyOf(value),
  }));
  const previous =
    previousRows.length > 0 ? mergeTallies(previousRows.map(({ value }) => tallyOf(value))) : null;
  return {
    conclusions: collectConclusions(discussions.map((read) => read.value)),
    figures: anonymousFigures({ threshold: limit, framework, groups, previous, demand }),
  };
}

function byServiceArea(rows: readonly Versioned<TeamAggregate>[]): Map<string, Tally> {
  const tallies = new Map<string, Tally[]>();
  for (const { value } of rows)
    tallies.set(value.serviceAreaId, [...(tallies.get(value.serviceAreaId) ?? []), tallyOf(value)]);
  return new Map([...tallies].map(([areaId, list]) => [areaId, mergeTallies(list)]));
}

/** The whole city's figures, service areas as the heatmap's rows (small areas roll up the same way). */
export async function compileCityFigures(
  repos: CompilationRepos,
  tenantId: string,
  year: number,
): Promise<SummaryFigures> {
  const [limit, framework, areas, rows, previousRows, demand] = await Promise.all([
    threshold(repos, tenantId),
    yearFramework(repos, tenantId, year),
    repos.serviceAreas.list(tenantId),
    repos.teamAggregates.listForYear(tenantId, year),
    repos.teamAggregates.listForYear(tenantId, year - 1),
    demandCounts(repos.developmentActionRequests.scanDemand(tenantId, year, null)),
  ]);
  const names = new Map(areas.map((read) => [read.value.id, read.value.name]));
  const groups: FigureGroup[] = [...byServiceArea(rows)].map(([areaId, tally]) => ({
    id: areaId,
    name: names.get(areaId) ?? areaId,
    tally,
  }));
  const previous = previousRows.length > 0 ? mergeTallies(byServiceArea(previousRows).values()) : null;
  return anonymousFigures({ threshold: limit, framework, groups, previous, demand });
}
