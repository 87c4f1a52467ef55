/**
 * Keeps the TeamAggregates rows equal to what the signed development discussions say. A discussion counts for
 * the employee's current team (and that team's service area). Rebuilding is idempotent and reads only the
 * fields a tally needs; unchanged rows are not written again.
 *
 * - `refreshAfterSigning`: one team, right after one of its discussions was signed or reopened (≈ 3 round
 *   trips plus one point read per member).
 * - `rebuildServiceArea`: before HR drafts an area's summary.
 * - `rebuildYear`: the background job, which also moves people who changed team or area.
 */
import { defaultCompetenceFramework } from '../domain/competence-catalogue';
import type { CompetenceFramework } from '../domain/competence';
import type { Person, Team } from '../domain/organisation';
import { mapConcurrently } from '../storage/bounded-concurrency';
import type { Repositories } from '../storage/repositories';
import type { SyncCounts } from '../storage/record-table';
import { MAX_PAGE_SIZE, type Page } from '../storage/table-store';
import type { TeamAggregate } from '../storage/team-aggregate-repository';
import { addDiscussion, emptyTally, TALLY_FIELDS, type Tally, type TalliedDiscussion } from './team-tally';

export type AggregateRepos = Pick<
  Repositories,
  'people' | 'teams' | 'serviceAreas' | 'developmentDiscussions' | 'teamAggregates' | 'competenceFrameworks'
>;

/** How many service areas or teams are read at once. */
const READ_CONCURRENCY = 16;

export async function yearFramework(
  repos: Pick<Repositories, 'competenceFrameworks'>,
  tenantId: string,
  year: number,
): Promise<CompetenceFramework> {
  return (await repos.competenceFrameworks.get(tenantId, year))?.value ?? defaultCompetenceFramework(year);
}

/** Every item of a paged listing, 1,000 at a time. For jobs and bounded reads only. */
export async function readAll<T>(
  list: (page: { pageSize: number; continuationToken?: string }) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await list({ pageSize: MAX_PAGE_SIZE, continuationToken });
    items.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return items;
}

/** One row per team that has members, counting the members' signed discussions. */
function aggregates(
  tenantId: string,
  year: number,
  teams: ReadonlyMap<string, Team>,
  members: readonly Pick<Person, 'id' | 'teamId'>[],
  discussions: ReadonlyMap<string, TalliedDiscussion>,
  framework: CompetenceFramework,
): TeamAggregate[] {
  const tallies = new Map<string, Tally>();
  for (const person of members) {
    if (!teams.has(person.teamId)) continue;
    let tally = tallies.get(person.teamId);
    if (!tally) {
      tally = emptyTally();
      tallies.set(person.teamId, tally);
    }
    const discussion = discussions.get(person.id);
    if (discussion) addDiscussion(tally, discussion, framework.scale);
  }
  return [...tallies].flatMap(([teamId, tally]) => {
    const team = teams.get(teamId);
    return team ? [{ tenantId, year, serviceAreaId: team.serviceAreaId, teamId, ...tally }] : [];
  });
}

async function areaDiscussions(
  repos: AggregateRepos,
  tenantId: string,
  year: number,
  serviceAreaId: string,
): Promise<Map<string, TalliedDiscussion>> {
  const rows = await readAll((page) =>
    repos.developmentDiscussions.listFieldsForServiceArea(tenantId, year, serviceAreaId, TALLY_FIELDS, page),
  );
  return new Map(rows.map((row) => [row.employeeId, row]));
}

/** The discussions of the given employees by point reads (1,000 ids per call to the repository). */
async function pointReads(
  repos: AggregateRepos,
  tenantId: string,
  year: number,
  employeeIds: readonly string[],
): Promise<Map<string, TalliedDiscussion>> {
  const discussions = new Map<string, TalliedDiscussion>();
  for (let start = 0; start < employeeIds.length; start += MAX_PAGE_SIZE) {
    const slice = employeeIds.slice(start, start + MAX_PAGE_SIZE);
    const found = await repos.developmentDiscussions.getMany(tenantId, year, slice);
    for (const [employeeId, read] of found) discussions.set(employeeId, read.value);
  }
  return discussions;
}

/** Rebuilds every team row of the year; rows of teams that moved or went away are removed. */
export async function rebuildYear(
  repos: AggregateRepos,
  tenantId: string,
  year: number,
): Promise<SyncCounts> {
  const [framework, people, teams, areas] = await Promise.all([
    yearFramework(repos, tenantId, year),
    readAll((page) => repos.people.listPeople(tenantId, page)),
    readAll((page) => repos.teams.list(tenantId, page)),
    repos.serviceAreas.list(tenantId),
  ]);
  const perArea = await mapConcurrently(areas, READ_CONCURRENCY, (area) =>
    areaDiscussions(repos, tenantId, year, area.value.id),
  );
  const discussions = new Map(perArea.flatMap((map) => [...map]));
  const rows = aggregates(
    tenantId,
    year,
    new Map(teams.map((read) => [read.value.id, read.value])),
    people.map((read) => read.value),
    discussions,
    framework,
  );
  return repos.teamAggregates.replaceYear(tenantId, year, rows);
}

/**
 * Rebuilds one service area's team rows from its teams' current members. A member whose discussion was started
 * in another area (they moved) is read by a point read.
 */
export async function rebuildServiceArea(
  repos: AggregateRepos,
  tenantId: string,
  year: number,
  serviceAreaId: string,
): Promise<SyncCounts> {
  const [framework, teams, discussions] = await Promise.all([
    yearFramework(repos, tenantId, year),
    readAll((page) => repos.teams.listForServiceArea(tenantId, serviceAreaId, page)),
    areaDiscussions(repos, tenantId, year, serviceAreaId),
  ]);
  const members = (
    await mapConcurrently(teams, READ_CONCURRENCY, (team) =>
      readAll((page) => repos.people.listTeamMembers(tenantId, team.id, page)),
    )
  ).flat();
  const missing = members.filter((person) => !discussions.has(person.id)).map((person) => person.id);
  for (const [employeeId, discussion] of await pointReads(repos, tenantId, year, missing)) {
    discussions.set(employeeId, discussion);
  }
  const rows = aggregates(
    tenantId,
    year,
    new Map(teams.map((team) => [team.id, team])),
    members,
    discussions,
    framework,
  );
  return repos.teamAggregates.replaceServiceArea(tenantId, year, serviceAreaId, rows);
}

/**
 * For the development-discussion flow to call when a discussion is signed or reopened: the employee's team row
 * is recomputed from its members' discussions.
 */
export async function refreshAfterSigning(
  repos: AggregateRepos,
  tenantId: string,
  year: number,
  employeeId: string,
): Promise<void> {
  const person = await repos.people.getPerson(tenantId, employeeId);
  const team = person && (await repos.teams.get(tenantId, person.value.teamId));
  if (!team) return;
  const [framework, members] = await Promise.all([
    yearFramework(repos, tenantId, year),
    readAll((page) => repos.people.listTeamMembers(tenantId, team.value.id, page)),
  ]);
  const discussions = await pointReads(
    repos,
    tenantId,
    year,
    members.map((member) => member.id),
  );
  const [row] = aggregates(
    tenantId,
    year,
    new Map([[team.value.id, team.value]]),
    members,
    discussions,
    framework,
  );
  if (row) await repos.teamAggregates.put(row);
}
