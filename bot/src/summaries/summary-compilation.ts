/**
 * Compiles a service area's summary (koonti) from what is stored, and the city-wide figures for HR and the
 * city manager's management team. Reads only aggregates and group discussions' conclusions: one read each for
 * the organisation, the framework, the service areas, the year's team rows (packed a row per area, with the
 * area's team names) together with the disclosure state beside them (one range read), last year's team rows,
 * the year's open-request counts and the group discussions, so an area's summary takes 7 round trips in a city
 * of 8 areas of 5,000 people, the city 6 (the area's team names are read besides only when this process wrote
 * the tenant's teams since the rebuild kept them, and not within the minute); the first read after a release
 * also writes what it showed (the baselines, and any demand released) in one transaction.
 */
import { GROUP_THEMES, type GroupCompetenceDiscussion, type GroupTheme } from '../domain/group-discussion';
import type { Repositories } from '../storage/repositories';
import {
  DEVELOPMENT_ACTION_FORMS,
  DEVELOPMENT_ACTION_KINDS,
  type DemandCountsByArea,
} from '../storage/development-action-request-repository';
import type { SummaryFigures } from '../storage/summary-publication-repository';
import type { DisclosureState, ReleasedCounts, TeamAggregate } from '../storage/team-aggregate-repository';
import type { Versioned } from '../storage/table-store';
import { readAll } from '../storage/read-all';
import { createHash } from 'node:crypto';
import { againAfterWriteRace, planReleases, releaseInSteps, type Released } from './released-counts';
import {
  effectiveThreshold,
  figuresWithBaselines,
  type DemandCount,
  type FigureArea,
} from './anonymous-figures';
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

/** Open requests by kind and form, every kind and form listed, from counts by `kind|form` (none: all 0). */
export function demandList(cells: Readonly<Record<string, number>> = {}): DemandCount[] {
  return DEVELOPMENT_ACTION_KINDS.flatMap((kind) =>
    DEVELOPMENT_ACTION_FORMS.map((form) => ({ kind, form, count: cells[`${kind}|${form}`] ?? 0 })),
  );
}

/** Each area's open requests by kind and form, from the counts kept per area (`kind|form` → count). */
export function demandOfAreas(counts: DemandCountsByArea): Map<string, DemandCount[]> {
  return new Map(Object.entries(counts).map(([areaId, cells]) => [areaId, demandList(cells)]));
}

/**
 * Each area's demand as last released (docs/anonymity.md, rule 9): released in steps of the threshold of
 * requests made or withdrawn in the area, so reading before and after one request shows nothing of it.
 */
export async function releasedDemand(
  repos: Pick<Repositories, 'teamAggregates'>,
  tenantId: string,
  year: number,
  live: ReadonlyMap<string, readonly DemandCount[]>,
  threshold: number,
  read?: readonly Versioned<ReleasedCounts>[],
): Promise<Map<string, ShownDemand>> {
  const released = await releaseInSteps(repos, tenantId, year, demandSets(live), threshold, undefined, read);
  return shownDemand(live.keys(), released);
}

/** What each area's demand is, as shown, and whether it was ever released. */
interface ShownDemand {
  demand: DemandCount[];
  released: boolean;
}

const demandKey = (areaId: string): string => `demand:${areaId}`;

/** Each area's live demand as a set of counts released in steps (`demand:<area>`: `kind|form` → count). */
function demandSets(live: ReadonlyMap<string, readonly DemandCount[]>): Map<string, Record<string, number>> {
  return new Map(
    [...live].map(([areaId, counts]) => [
      demandKey(areaId),
      Object.fromEntries(counts.map((item) => [`${item.kind}|${item.form}`, item.count])),
    ]),
  );
}

function shownDemand(
  areaIds: Iterable<string>,
  released: ReadonlyMap<string, Released>,
): Map<string, ShownDemand> {
  return new Map(
    [...areaIds].map((areaId) => {
      const release = released.get(demandKey(areaId));
      return [
        areaId,
        {
          demand: demandList(release?.counts),
          released: Boolean(release?.releasedAt),
        },
      ];
    }),
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

/**
 * The figures of one area (focus) or of the city (focus null), always computed over the whole organisation's
 * released team rows, so that the area's figures hide whatever the city's would let be worked out.
 */
async function compileFigures(
  repos: CompilationRepos,
  tenantId: string,
  year: number,
  focus: string | null,
): Promise<SummaryFigures> {
  const [limit, framework, areas, { state, names: keptNames }, previousRows, demand] = await Promise.all([
    threshold(repos, tenantId),
    repos.competenceFrameworks.inEffect(tenantId, year),
    repos.serviceAreas.list(tenantId),
    // The year's team rows and the disclosure state stored beside them: one range read.
    repos.teamAggregates.listYearForFigures(tenantId, year),
    repos.teamAggregates.listForYear(tenantId, year - 1),
    repos.developmentActionRequests.demandCounts(tenantId, year).then(demandOfAreas),
  ]);
  // The heatmap rows' names (names only, nothing the disclosure computes with): kept a minute, or as kept
  // with the area's team rows; read only when neither is current.
  const names =
    focus === null
      ? new Map<string, string>()
      : await repos.teams.namesForServiceArea(tenantId, focus, keptNames.get(focus));
  const rows = state.rows;
  const none = demandList();
  const liveDemand = demandSets(
    new Map(areas.map(({ value: area }) => [area.id, demand.get(area.id) ?? none])),
  );
  const thisYear = byServiceArea(rows);
  const lastYear = byServiceArea(previousRows);
  const releases = releaseState(limit, rows);
  // Another reader may release demand or record baselines in between: then compute again from what it stored.
  return againAfterWriteRace(async (attempt) => {
    const read = attempt === 1 ? state : await repos.teamAggregates.listDisclosureState(tenantId, year);
    // Demand released in steps (rule 9), written together with the baselines below, before anything is shown.
    const demandRelease = planReleases(tenantId, year, liveDemand, effectiveThreshold(limit), read.released);
    const demandReleases = shownDemand(
      areas.map(({ value: area }) => area.id),
      demandRelease.result,
    );
    const figureAreas: FigureArea[] = areas.map(({ value: area }) => {
      const areaRows = thisYear.get(area.id) ?? [];
      const before = lastYear.get(area.id);
      return {
        id: area.id,
        name: area.name,
        groups: areaRows.map((row) => ({
          id: row.teamId,
          name: names.get(row.teamId) ?? row.teamId,
          tally: tallyOf(row),
          previous: row.previous ?? null,
        })),
        releasedAt: areaRows.reduce<string | null>(
          (latest, row) => (row.releasedAt && (!latest || row.releasedAt > latest) ? row.releasedAt : latest),
          null,
        ),
        demand: demandReleases.get(area.id)?.demand ?? none,
        demandReleased: demandReleases.get(area.id)?.released ?? false,
        previousYear: before ? mergeTallies(before.map(tallyOf)) : null,
      };
    });
    return withBaselines(repos, tenantId, year, releases, read, demandRelease.fresh, (baselines) =>
      figuresWithBaselines({ threshold: limit, framework, areas: figureAreas, focus, baselines }),
    );
  });
}

/** Names the released state the figures are computed from: the threshold and each area's last release. */
function releaseState(threshold: number, rows: readonly Versioned<TeamAggregate>[]): string {
  const released = [...new Set(rows.map(({ value }) => `${value.serviceAreaId}@${value.releasedAt ?? ''}`))];
  return createHash('sha256')
    .update(JSON.stringify([threshold, released.sort()]))
    .digest('base64url');
}

const sameCounts = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([key, value]) => b[key] === value);

/**
 * Computes figures with the baselines stored for the year and records the new ones before the figures are
 * returned (docs/anonymity.md, rule 1 across time): at the release state that computed a node's baselines the
 * same ones are used again (the same read gives the same figures), at a newer one what was last shown. Only
 * nodes whose last shown values moved are written, each with the ETag read.
 */
async function withBaselines(
  repos: CompilationRepos,
  tenantId: string,
  year: number,
  releases: string,
  read: DisclosureState,
  freshDemand: readonly ReleasedCounts[],
  compute: (baselines: Map<string, Record<string, number>>) => ReturnType<typeof figuresWithBaselines>,
): Promise<SummaryFigures> {
  const stored = read.baselines;
  const byNode = new Map(stored.nodes.map((node) => [node.nodeId, node]));
  const baselines = new Map(
    stored.nodes.map((node) => [node.nodeId, node.releases === releases ? node.before : node.shown]),
  );
  const { figures, baselines: next } = compute(baselines);
  const changed = [...next].flatMap(([nodeId, shown]) =>
    sameCounts(byNode.get(nodeId)?.shown ?? {}, shown)
      ? []
      : [{ tenantId, year, nodeId, releases, before: baselines.get(nodeId) ?? {}, shown }],
  );
  if (changed.length > 0 || freshDemand.length > 0) {
    await repos.teamAggregates.writeDisclosure(
      tenantId,
      year,
      { baselines: changed, released: freshDemand },
      read,
    );
  }
  return figures;
}

export async function compileServiceAreaSummary(
  repos: CompilationRepos,
  tenantId: string,
  year: number,
  serviceAreaId: string,
): Promise<CompiledSummary> {
  const [figures, discussions] = await Promise.all([
    compileFigures(repos, tenantId, year, serviceAreaId),
    readAll((page) => repos.groupDiscussions.listForServiceArea(tenantId, year, serviceAreaId, page)),
  ]);
  return { conclusions: collectConclusions(discussions.map((read) => read.value)), figures };
}

function byServiceArea(rows: readonly Versioned<TeamAggregate>[]): Map<string, TeamAggregate[]> {
  const grouped = new Map<string, TeamAggregate[]>();
  for (const { value } of rows)
    grouped.set(value.serviceAreaId, [...(grouped.get(value.serviceAreaId) ?? []), value]);
  return grouped;
}

/** The whole city's figures, service areas as the heatmap's rows (small areas roll up the same way). */
export async function compileCityFigures(
  repos: CompilationRepos,
  tenantId: string,
  year: number,
): Promise<SummaryFigures> {
  return compileFigures(repos, tenantId, year, null);
}
