/**
 * The anonymity rules for everything a summary shows (issue 6, DOMAIN.md: needs only in aggregate, never with a
 * name). `threshold` is the organisation's, never below MIN_ANONYMITY_THRESHOLD (5).
 *
 * 1. Groups (teams; for the city, service areas) with fewer signed discussions than the threshold are not shown
 *    on their own: they roll up into one "combined" row. If that row would still be below the threshold, the
 *    smallest shown groups join it until it is not, so no small group can be worked out by subtracting the
 *    shown rows from the total.
 * 2. If the whole area is below the threshold, nothing is shown at all: it counts only at the next level up.
 * 3. Each figure of a cell (self ratings, supervisor ratings, needs) needs at least `threshold` people behind
 *    it; supervisor competences, for instance, are rated for a handful of supervisors per team. In each column
 *    the hidden cells together are either empty or at least the threshold (more cells are hidden if needed),
 *    for the same reason as in 1.
 */
import { MIN_ANONYMITY_THRESHOLD } from '../domain/anonymity';
import { assessedCompetences } from '../domain/assessment-rules';
import type { Competence, CompetenceFramework } from '../domain/competence';
import { LEARNING_WAYS, type LearningWay } from '../domain/development-discussion';
import type {
  DevelopmentActionForm,
  DevelopmentActionKind,
} from '../storage/development-action-request-repository';
import type {
  CompetenceFigures,
  DemandFigure,
  HeatmapRow,
  NeedFigure,
  RatingFigure,
  SummaryFigures,
} from '../storage/summary-publication-repository';
import type { CompetenceTally, RatingCounts } from '../storage/team-aggregate-repository';
import { mergeTallies, type Tally } from './team-tally';

export interface FigureGroup {
  id: string;
  name: string;
  tally: Tally;
}

export interface DemandCount {
  kind: DevelopmentActionKind;
  form: DevelopmentActionForm;
  count: number;
}

export interface FigureInput {
  threshold: number;
  framework: CompetenceFramework;
  groups: readonly FigureGroup[];
  /** The same groups' total a year earlier, for the year-over-year comparison. */
  previous: Tally | null;
  demand: readonly DemandCount[];
}

export function effectiveThreshold(threshold: number): number {
  return Math.max(threshold, MIN_ANONYMITY_THRESHOLD);
}

/**
 * Which of `counts` may be shown: those of at least `threshold`, less the smallest ones needed to make the
 * hidden ones together zero or at least `threshold`. With `showZero`, a zero is shown: that nobody asked for
 * something tells nothing about anyone.
 */
export function protectCounts(counts: readonly number[], threshold: number, showZero = false): boolean[] {
  const shown = counts.map((count) => count >= threshold || (showZero && count === 0));
  let hidden = counts.reduce((sum, count, index) => (shown[index] ? sum : sum + count), 0);
  while (hidden > 0 && hidden < threshold) {
    let smallest = -1;
    counts.forEach((count, index) => {
      if (shown[index] && count > 0 && (smallest < 0 || count < (counts[smallest] ?? 0))) smallest = index;
    });
    if (smallest < 0) break;
    shown[smallest] = false;
    hidden += counts[smallest] ?? 0;
  }
  return shown;
}

interface Row {
  kind: 'group' | 'combined';
  group: FigureGroup | null;
  members: FigureGroup[];
  tally: Tally;
}

/** Rule 1: each group of its own if big enough, the rest in one combined row (never below the threshold). */
export function rollUp(groups: readonly FigureGroup[], threshold: number): Row[] {
  const withData = groups.filter((group) => group.tally.respondents > 0);
  const sorted = [...withData].sort(
    (a, b) => a.tally.respondents - b.tally.respondents || a.id.localeCompare(b.id),
  );
  const shown = protectCounts(
    sorted.map((group) => group.tally.respondents),
    threshold,
  );
  const own = sorted.filter((_, index) => shown[index]);
  const combined = sorted.filter((_, index) => !shown[index]);
  const rows: Row[] = own
    .sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.id.localeCompare(b.id))
    .map((group) => ({ kind: 'group', group, members: [group], tally: group.tally }));
  if (combined.length > 0) {
    rows.push({
      kind: 'combined',
      group: null,
      members: combined,
      tally: mergeTallies(combined.map((group) => group.tally)),
    });
  }
  return rows;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function total(counts: RatingCounts): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

function mean(counts: RatingCounts): number {
  const n = total(counts);
  const sum = Object.entries(counts).reduce((acc, [rating, count]) => acc + Number(rating) * count, 0);
  return n === 0 ? 0 : round(sum / n, 2);
}

function ratingFigure(counts: RatingCounts | undefined, threshold: number): RatingFigure | null {
  if (!counts || total(counts) < threshold) return null;
  return { n: total(counts), mean: mean(counts), counts: { ...counts } };
}

function needFigure(tally: CompetenceTally | undefined, threshold: number): NeedFigure | null {
  if (!tally || tally.rated < threshold) return null;
  return { rated: tally.rated, needs: tally.needs, share: round(tally.needs / tally.rated, 3) };
}

const EMPTY_TALLY: CompetenceTally = { self: {}, supervisor: {}, rated: 0, needs: 0 };

/** Rule 3 over one competence's column of the heatmap. */
function heatmapColumn(
  rows: readonly Row[],
  competenceId: string,
  threshold: number,
): HeatmapRow['cells'][string][] {
  const tallies = rows.map((row) => row.tally.competences[competenceId] ?? EMPTY_TALLY);
  const selfShown = protectCounts(
    tallies.map((tally) => total(tally.self)),
    threshold,
  );
  const supervisorShown = protectCounts(
    tallies.map((tally) => total(tally.supervisor)),
    threshold,
  );
  const ratedShown = protectCounts(
    tallies.map((tally) => tally.rated),
    threshold,
  );
  return tallies.map((tally, index) => ({
    n: ratedShown[index] ? tally.rated : null,
    self: selfShown[index] ? mean(tally.self) : null,
    supervisor: supervisorShown[index] ? mean(tally.supervisor) : null,
    needShare: ratedShown[index] ? round(tally.needs / tally.rated, 3) : null,
  }));
}

function heatmap(rows: readonly Row[], competences: readonly Competence[], threshold: number): HeatmapRow[] {
  const columns = new Map(
    competences.map((competence) => [competence.id, heatmapColumn(rows, competence.id, threshold)]),
  );
  return rows.map((row, index) => ({
    kind: row.kind,
    groupId: row.group?.id ?? null,
    name: row.group?.name ?? null,
    groupCount: row.members.length,
    respondents: row.tally.respondents,
    cells: Object.fromEntries(
      competences.flatMap((competence) => {
        const cell = columns.get(competence.id)?.[index];
        return cell ? [[competence.id, cell]] : [];
      }),
    ),
  }));
}

/** Whole percentages that add up to 100 (largest remainders get the rounding), or all 0 with no goals. */
export function percentages(counts: Record<LearningWay, number>): Record<LearningWay, number> {
  const sum = LEARNING_WAYS.reduce((acc, way) => acc + counts[way], 0);
  const result: Record<LearningWay, number> = { '70': 0, '20': 0, '10': 0 };
  if (sum === 0) return result;
  const exact = LEARNING_WAYS.map((way) => ({ way, value: (counts[way] * 100) / sum }));
  for (const { way, value } of exact) result[way] = Math.floor(value);
  let left = 100 - LEARNING_WAYS.reduce((acc, way) => acc + result[way], 0);
  for (const { way } of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1))) {
    if (left-- <= 0) break;
    result[way] += 1;
  }
  return result;
}

/** Requests by kind and form; a count below the threshold (but not zero) is not shown. */
export function demandFigures(demand: readonly DemandCount[], threshold: number): DemandFigure[] {
  return demand.map(({ kind, form, count }) => ({
    kind,
    form,
    count: count === 0 || count >= threshold ? count : null,
  }));
}

function competenceFigures(
  competence: Competence,
  area: Tally,
  previous: Tally | null,
  threshold: number,
): CompetenceFigures {
  const tally = area.competences[competence.id];
  const before = previous?.competences[competence.id];
  return {
    competenceId: competence.id,
    name: { ...competence.name },
    audience: competence.audience,
    self: ratingFigure(tally?.self, threshold),
    supervisor: ratingFigure(tally?.supervisor, threshold),
    needs: needFigure(tally, threshold),
    previousYear: {
      self: ratingFigure(before?.self, threshold)?.mean ?? null,
      supervisor: ratingFigure(before?.supervisor, threshold)?.mean ?? null,
    },
  };
}

/** Everything a summary shows, anonymous by the rules above. */
export function anonymousFigures(input: FigureInput): SummaryFigures {
  const threshold = effectiveThreshold(input.threshold);
  const competences = assessedCompetences(input.framework, true);
  const demand = demandFigures(input.demand, threshold);
  const area = mergeTallies(input.groups.map((group) => group.tally));
  if (area.respondents < threshold) {
    return {
      threshold,
      respondents: null,
      competences: competences.map((competence) =>
        competenceFigures(competence, mergeTallies([]), null, threshold),
      ),
      heatmap: [],
      needsRanking: [],
      learningWays: null,
      developmentActions: demand,
    };
  }
  const figures = competences.map((competence) =>
    competenceFigures(competence, area, input.previous, threshold),
  );
  const order = new Map(competences.map((competence, index) => [competence.id, index]));
  const needsRanking = figures
    .flatMap((figure) => (figure.needs ? [{ competenceId: figure.competenceId, ...figure.needs }] : []))
    .sort(
      (a, b) =>
        b.needs - a.needs ||
        b.share - a.share ||
        (order.get(a.competenceId) ?? 0) - (order.get(b.competenceId) ?? 0),
    );
  return {
    threshold,
    respondents: area.respondents,
    competences: figures,
    heatmap: heatmap(rollUp(input.groups, threshold), competences, threshold),
    needsRanking,
    learningWays: { counts: { ...area.learningWays }, percent: percentages(area.learningWays) },
    developmentActions: demand,
  };
}
