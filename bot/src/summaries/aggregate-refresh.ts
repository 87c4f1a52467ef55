/**
 * Keeps the TeamAggregates rows up with what the signed development discussions say, in RELEASES: a service
 * area's rows are replaced only when, team by team, at least the anonymity threshold of signed discussions
 * came or went since its last release (docs/anonymity.md, "across time"). Until then every figure stays as
 * released, so reading the figures before and after one signing shows nothing of it. Each released row keeps
 * the team's tallies at the release before, so the summaries can also hide a change under the threshold, and
 * when it was released, so every figure can say how fresh it is. A discussion counts for the employee's
 * current team (and that team's service area); rebuilding reads only the fields a tally needs.
 *
 * - `refreshAfterSigning`: the employee's service area, right after a discussion was signed or reopened.
 * - `rebuildServiceArea`: before HR drafts or publishes an area's summary.
 * - `rebuildYear`: the background job, which also moves people who changed team or area.
 */
import type { CompetenceFramework } from '../domain/competence';
import type { Person, Team } from '../domain/organisation';
import { mapConcurrently } from '../storage/bounded-concurrency';
import type { Repositories } from '../storage/repositories';
import type { SyncCounts } from '../storage/record-table';
import { readAll } from '../storage/read-all';
import { MAX_PAGE_SIZE } from '../storage/table-store';
import type { TeamAggregate, TeamTally } from '../storage/team-aggregate-repository';
import type { Versioned } from '../storage/table-store';
import { effectiveThreshold } from './anonymous-figures';
import { addDiscussion, emptyTally, TALLY_FIELDS, type Tally, type TalliedDiscussion } from './team-tally';
import { READ_CONCURRENCY } from '../tunables';

export type AggregateRepos = Pick<
  Repositories,
  | 'organisations'
  | 'people'
  | 'teams'
  | 'serviceAreas'
  | 'developmentDiscussions'
  | 'teamAggregates'
  | 'competenceFrameworks'
>;

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
    return team
      ? [
          {
            tenantId,
            year,
            serviceAreaId: team.serviceAreaId,
            teamId,
            ...tally,
            releasedAt: null,
            previous: null,
          },
        ]
      : [];
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

const tallyOf = (row: TeamAggregate): TeamTally => ({
  respondents: row.respondents,
  competences: row.competences,
  learningWays: row.learningWays,
});

/**
 * How many signed discussions came or went, team by team, between the released rows and fresh ones. A
 * discussion reopened and signed again with other ratings is not counted: it waits for a later release.
 */
export function changedSince(released: readonly TeamAggregate[], fresh: readonly TeamAggregate[]): number {
  const before = new Map(released.map((row) => [row.teamId, row.respondents]));
  const after = new Map(fresh.map((row) => [row.teamId, row.respondents]));
  let changed = 0;
  for (const teamId of new Set([...before.keys(), ...after.keys()])) {
    changed += Math.abs((after.get(teamId) ?? 0) - (before.get(teamId) ?? 0));
  }
  return changed;
}

/**
 * The rows an area's release holds: the fresh ones, each with the team's tallies at the release before
 * (null for the area's first release), when at least `threshold` discussions changed; otherwise the released
 * ones as they are.
 */
export function releaseArea(
  released: readonly TeamAggregate[],
  fresh: readonly TeamAggregate[],
  threshold: number,
  at: string,
): TeamAggregate[] {
  if (changedSince(released, fresh) < threshold) return [...released];
  const before = new Map(released.map((row) => [row.teamId, tallyOf(row)]));
  const first = released.length === 0;
  return fresh.map((row) => ({
    ...row,
    releasedAt: at,
    previous: first ? null : (before.get(row.teamId) ?? emptyTally()),
  }));
}

async function organisationThreshold(repos: AggregateRepos, tenantId: string): Promise<number> {
  return effectiveThreshold((await repos.organisations.get(tenantId))?.value.anonymityThreshold ?? 0);
}

function byArea<T extends { serviceAreaId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(row.serviceAreaId, [...(grouped.get(row.serviceAreaId) ?? []), row]);
  return grouped;
}

const values = (rows: readonly Versioned<TeamAggregate>[]): TeamAggregate[] => rows.map((row) => row.value);

/** Rebuilds every team row of the year; rows of teams that moved or went away are removed. */
export async function rebuildYear(
  repos: AggregateRepos,
  tenantId: string,
  year: number,
  at: string = new Date().toISOString(),
): Promise<SyncCounts> {
  // The teams' names are kept with their rows as read now (names only: shown, never computed with).
  const namesAt = new Date().toISOString();
  const [threshold, released, framework, people, teams, areas] = await Promise.all([
    organisationThreshold(repos, tenantId),
    repos.teamAggregates.listForYear(tenantId, year),
    repos.competenceFrameworks.inEffect(tenantId, year),
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
  const releasedByArea = byArea(values(released));
  const freshByArea = byArea(rows);
  const kept = [...new Set([...releasedByArea.keys(), ...freshByArea.keys()])].flatMap((areaId) =>
    releaseArea(releasedByArea.get(areaId) ?? [], freshByArea.get(areaId) ?? [], threshold, at),
  );
  return repos.teamAggregates.replaceYear(tenantId, year, kept, {
    names: new Map(teams.map(({ value: team }) => [team.id, team.name])),
    at: namesAt,
  });
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
  at: string = new Date().toISOString(),
): Promise<SyncCounts> {
  const namesAt = new Date().toISOString();
  const [threshold, released, framework, teams, discussions] = await Promise.all([
    organisationThreshold(repos, tenantId),
    repos.teamAggregates.listForServiceArea(tenantId, year, serviceAreaId),
    repos.competenceFrameworks.inEffect(tenantId, year),
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
  const kept = releaseArea(values(released), rows, threshold, at);
  return repos.teamAggregates.replaceServiceArea(tenantId, year, serviceAreaId, kept, {
    names: new Map(teams.map((team) => [team.id, team.name])),
    at: namesAt,
  });
}

/**
 * Called when a discussion is signed or reopened: the employee's service area is rebuilt, and released if
 * enough has changed since its last release.
 */
export async function refreshAfterSigning(
  repos: AggregateRepos,
  tenantId: string,
  year: number,
  employeeId: string,
  at: string = new Date().toISOString(),
): Promise<void> {
  const person = await repos.people.getPerson(tenantId, employeeId);
  if (!person) return;
  await rebuildServiceArea(repos, tenantId, year, person.value.serviceAreaId, at);
}
