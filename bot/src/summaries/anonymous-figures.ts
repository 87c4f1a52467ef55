/**
 * Everything a summary or the city's figures show, anonymous by the disclosure rules of domain/disclosure.ts
 * (docs/anonymity.md). `threshold` is the organisation's, never below MIN_ANONYMITY_THRESHOLD (5).
 *
 * The figures of one service area and of the city come from ONE computation over the whole organisation
 * (city ⊃ service areas ⊃ groups of teams), so what is hidden at one level is hidden wherever it could be
 * combined: a published area summary and the city's figures never give away a small area's cell by
 * subtraction. The tables are:
 *  - rows: groups (a team of at least the threshold on its own, the smaller teams of the area combined);
 *    a service area below the threshold shows nothing and counts only in the city;
 *  - columns: per competence, the count of each rating value (self and supervisor), the people who rated it
 *    and those with a development need; the learning goals by way of learning; requests by kind and form.
 * Each row is compared with its value at the previous release (the aggregates advance in steps, see
 * aggregate-refresh.ts): a change under the threshold is hidden like a small value.
 */
import { MIN_ANONYMITY_THRESHOLD } from '../domain/anonymity';
import { assessedCompetences } from '../domain/assessment-rules';
import type { Competence, CompetenceFramework, RatingScale } from '../domain/competence';
import { LEARNING_WAYS, type LearningWay } from '../domain/development-discussion';
import {
  countSuppressed,
  discloseHierarchy,
  shownDistribution,
  type DisclosureNode,
  type SuppressionCounts,
} from '../domain/disclosure';
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
import { mergeTallies, type Tally } from './team-tally';

export interface FigureGroup {
  id: string;
  name: string;
  tally: Tally;
  /** The same team's tally at the previous release (null: none, nothing to compare with). */
  previous: Tally | null;
}

export interface DemandCount {
  kind: DevelopmentActionKind;
  form: DevelopmentActionForm;
  count: number;
}

export interface FigureArea {
  id: string;
  name: string;
  groups: readonly FigureGroup[];
  demand: readonly DemandCount[];
  /** False while the area's demand was never released (released-counts.ts): nothing of it is shown. */
  demandReleased?: boolean;
  /** The area's total a year earlier, for the year-over-year comparison. */
  previousYear: Tally | null;
  /** When the area's figures were last released (null: never). */
  releasedAt: string | null;
}

export interface FigureInput {
  threshold: number;
  framework: CompetenceFramework;
  areas: readonly FigureArea[];
  /** The area whose summary is wanted; null for the whole city. */
  focus: string | null;
  /**
   * Node id → column name → the value each figure was last shown with (docs/anonymity.md, rule 1 across time;
   * summary-compilation.ts keeps them). Given, every change is measured from these (a node never shown: from 0,
   * the start of the year); absent, from each team's previous release.
   */
  baselines?: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

export function effectiveThreshold(threshold: number): number {
  return Math.max(threshold, MIN_ANONYMITY_THRESHOLD);
}

/** The values of the scale, lowest first. */
export function scaleValues(scale: Pick<RatingScale, 'min' | 'max'>): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
}

/** Where each figure sits among a node's columns. */
interface Layout {
  values: number[];
  competences: Competence[];
  self(competence: number): number[];
  supervisor(competence: number): number[];
  rated(competence: number): number;
  needs(competence: number): number;
  ways: number[];
  width: number;
  /** Each column's name, stable for the year's framework (the baselines are stored by it). */
  names: string[];
}

function layoutFor(framework: CompetenceFramework): Layout {
  const values = scaleValues(framework.scale);
  const competences = assessedCompetences(framework, true);
  const perCompetence = 2 * values.length + 2;
  const base = (index: number): number => index * perCompetence;
  const ways = LEARNING_WAYS.map((_, index) => competences.length * perCompetence + index);
  const names = [
    ...competences.flatMap((competence) => [
      ...values.map((value) => `${competence.id}|self|${value}`),
      ...values.map((value) => `${competence.id}|supervisor|${value}`),
      `${competence.id}|rated`,
      `${competence.id}|needs`,
    ]),
    ...LEARNING_WAYS.map((way) => `ways|${way}`),
  ];
  // Each competence's columns worked out once (columnsOf asks for them for every value of every tally).
  const self = competences.map((_, index) => values.map((__, value) => base(index) + value));
  const supervisor = competences.map((_, index) =>
    values.map((__, value) => base(index) + values.length + value),
  );
  return {
    values,
    competences,
    names,
    self: (index) => self[index] ?? [],
    supervisor: (index) => supervisor[index] ?? [],
    rated: (index) => base(index) + 2 * values.length,
    needs: (index) => base(index) + 2 * values.length + 1,
    ways,
    width: competences.length * perCompetence + LEARNING_WAYS.length,
  };
}

function columnsOf(tally: Tally, layout: Layout): number[] {
  const columns = new Array<number>(layout.width).fill(0);
  const keys = layout.values.map(String);
  layout.competences.forEach((competence, index) => {
    const counts = tally.competences[competence.id];
    if (!counts) return;
    const self = layout.self(index);
    const supervisor = layout.supervisor(index);
    keys.forEach((key, at) => {
      columns[self[at] ?? 0] = counts.self[key] ?? 0;
      columns[supervisor[at] ?? 0] = counts.supervisor[key] ?? 0;
    });
    columns[layout.rated(index)] = counts.rated;
    columns[layout.needs(index)] = counts.needs;
  });
  LEARNING_WAYS.forEach((way, index) => {
    columns[layout.ways[index] ?? 0] = tally.learningWays[way];
  });
  return columns;
}

interface Row {
  kind: 'group' | 'combined';
  group: FigureGroup | null;
  members: FigureGroup[];
  tally: Tally;
  previous: Tally;
}

/** Each team of at least the threshold on its own; the smaller ones together in one combined row. */
export function rollUp(groups: readonly FigureGroup[], threshold: number): Row[] {
  const withData = groups.filter((group) => group.tally.respondents > 0);
  const own = withData
    .filter((group) => group.tally.respondents >= threshold)
    .sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.id.localeCompare(b.id));
  const small = withData.filter((group) => group.tally.respondents < threshold);
  const previousOf = (group: FigureGroup): Tally => group.previous ?? group.tally;
  const rows: Row[] = own.map((group) => ({
    kind: 'group',
    group,
    members: [group],
    tally: group.tally,
    previous: previousOf(group),
  }));
  if (small.length > 0) {
    rows.push({
      kind: 'combined',
      group: null,
      members: small,
      tally: mergeTallies(small.map((group) => group.tally)),
      previous: mergeTallies(small.map(previousOf)),
    });
  }
  return rows;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

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

interface Tree {
  root: DisclosureNode;
  nodes: Map<string, DisclosureNode>;
  rows: Map<string, Row[]>;
}

const cityId = 'city';
const areaNodeId = (areaId: string): string => `area:${areaId}`;
const rowNodeId = (areaId: string, row: Row): string =>
  row.group ? `team:${areaId}:${row.group.id}` : `combined:${areaId}`;

function buildTree(input: FigureInput, threshold: number, layout: Layout): Tree {
  const nodes = new Map<string, DisclosureNode>();
  const rows = new Map<string, Row[]>();
  const baselines = input.baselines;
  // With baselines, every node's previous values are the baselines' (set below): not worked out from releases.
  const previousOf = (tally: () => Tally): number[] => (baselines ? [] : columnsOf(tally(), layout));
  const areaNodes = input.areas.map((area): DisclosureNode => {
    const areaRows = rollUp(area.groups, threshold);
    rows.set(area.id, areaRows);
    const children = areaRows.map((row): DisclosureNode => {
      const node = {
        id: rowNodeId(area.id, row),
        values: columnsOf(row.tally, layout),
        previous: previousOf(() => row.previous),
        children: [],
      };
      nodes.set(node.id, node);
      return node;
    });
    const tally = mergeTallies(areaRows.map((row) => row.tally));
    const node: DisclosureNode = {
      id: areaNodeId(area.id),
      values: columnsOf(tally, layout),
      previous: previousOf(() => mergeTallies(areaRows.map((row) => row.previous))),
      children,
      hidden: tally.respondents < threshold,
    };
    nodes.set(node.id, node);
    return node;
  });
  const sum = (pick: (node: DisclosureNode) => readonly number[]): number[] =>
    new Array<number>(layout.width)
      .fill(0)
      .map((_, column) => areaNodes.reduce((acc, node) => acc + (pick(node)[column] ?? 0), 0));
  const respondents = input.areas.reduce(
    (acc, area) => acc + area.groups.reduce((inner, group) => inner + group.tally.respondents, 0),
    0,
  );
  // The city changed last when the most recently released area(s) did: the step to compare with.
  const latest = input.areas.reduce<string | null>(
    (acc, area) => (area.releasedAt && (!acc || area.releasedAt > acc) ? area.releasedAt : acc),
    null,
  );
  const releasedLast = new Set(
    input.areas
      .filter((area) => area.releasedAt !== null && area.releasedAt === latest)
      .map((area) => areaNodeId(area.id)),
  );
  const root: DisclosureNode = {
    id: cityId,
    values: sum((node) => node.values),
    previous: baselines ? [] : sum((node) => (releasedLast.has(node.id) ? node.previous : node.values)),
    children: areaNodes,
    hidden: respondents < threshold,
  };
  nodes.set(cityId, root);
  if (baselines) {
    for (const node of nodes.values()) {
      const last = baselines.get(node.id);
      node.previous = layout.names.map((name) => last?.[name] ?? 0);
    }
  }
  return { root, nodes, rows };
}

function rowGroupsOf(layout: Layout): number[][] {
  return [
    ...layout.competences.flatMap((_, index) => [layout.self(index), layout.supervisor(index)]),
    layout.ways,
  ];
}

interface Shown {
  node: DisclosureNode;
  shown: readonly boolean[];
}

function ratingFigure(at: Shown, columns: number[], layout: Layout): RatingFigure | null {
  const counts = columns.map((column) => at.node.values[column] ?? 0);
  const shown = columns.map((column) => at.shown[column] ?? false);
  // Nothing of the distribution is shown when no person is counted under a shown value.
  if (!counts.some((count, index) => shown[index] && count > 0)) return null;
  const distribution = shownDistribution(layout.values, counts, shown);
  if (distribution.mean === null) return null;
  return { n: distribution.n, mean: distribution.mean, counts: distribution.counts };
}

function meanOf(at: Shown, columns: number[], layout: Layout): number | null {
  return ratingFigure(at, columns, layout)?.mean ?? null;
}

function needFigure(at: Shown, index: number, layout: Layout): NeedFigure | null {
  const rated = at.node.values[layout.rated(index)] ?? 0;
  const needs = at.node.values[layout.needs(index)] ?? 0;
  if (!at.shown[layout.rated(index)] || !at.shown[layout.needs(index)] || rated === 0) return null;
  return { rated, needs, share: round(needs / rated, 3) };
}

function heatmapCells(at: Shown, layout: Layout): HeatmapRow['cells'] {
  return Object.fromEntries(
    layout.competences.map((competence, index) => {
      const need = needFigure(at, index, layout);
      return [
        competence.id,
        {
          n: at.shown[layout.rated(index)] ? (at.node.values[layout.rated(index)] ?? 0) : null,
          self: meanOf(at, layout.self(index), layout),
          supervisor: meanOf(at, layout.supervisor(index), layout),
          needShare: need ? need.share : null,
        },
      ];
    }),
  );
}

/** The small areas together as the city's combined row: shown only where it follows from what is shown. */
function combinedAreas(
  tree: Tree,
  shown: Map<string, boolean[]>,
  hiddenAreas: readonly DisclosureNode[],
  layout: Layout,
): Shown {
  const values = new Array<number>(layout.width)
    .fill(0)
    .map((_, column) => hiddenAreas.reduce((acc, node) => acc + (node.values[column] ?? 0), 0));
  const visible = values.map(
    (_, column) =>
      (shown.get(cityId)?.[column] ?? false) &&
      tree.root.children.every((node) => node.hidden || (shown.get(node.id)?.[column] ?? false)),
  );
  return {
    node: { id: 'combined:areas', values, previous: values, children: [] },
    shown: visible,
  };
}

/** Requests by kind and form, city ⊃ service areas: a count under the threshold (not 0) is never shown. */
export function demandDisclosure(
  areas: readonly { id: string; demand: readonly DemandCount[]; demandReleased?: boolean }[],
  threshold: number,
): { city: DemandFigure[]; areas: Map<string, DemandFigure[]>; suppressed: Map<string, SuppressionCounts> } {
  const options = areas[0]?.demand ?? [];
  const children = areas.map((area): DisclosureNode => ({
    id: area.id,
    values: area.demand.map((item) => item.count),
    previous: area.demand.map((item) => item.count),
    children: [],
    hidden: area.demandReleased === false,
  }));
  const cityValues = options.map((_, option) =>
    children.reduce((acc, node) => acc + (node.values[option] ?? 0), 0),
  );
  const root: DisclosureNode = { id: cityId, values: cityValues, previous: cityValues, children };
  const { shown, reasons } = discloseHierarchy(root, threshold);
  const figures = (id: string, values: readonly number[]): DemandFigure[] =>
    options.map(({ kind, form }, option) => ({
      kind,
      form,
      count: shown.get(id)?.[option] ? (values[option] ?? 0) : null,
    }));
  return {
    city: figures(cityId, cityValues),
    areas: new Map(children.map((node) => [node.id, figures(node.id, node.values)])),
    suppressed: new Map(
      [cityId, ...children.map((node) => node.id)].map((id) => [id, countSuppressed(reasons, [id])]),
    ),
  };
}

function addCounts(into: SuppressionCounts, from: SuppressionCounts): SuppressionCounts {
  return {
    small: into.small + from.small,
    change: into.change + from.change,
    hierarchy: into.hierarchy + from.hierarchy,
    complementary: into.complementary + from.complementary,
  };
}

/** The previous year's means for one node (the same rules, that year's figures as they stand). */
function previousYearMeans(input: FigureInput, threshold: number, layout: Layout): Map<string, Shown> {
  const areas = input.areas.map((area) => ({
    ...area,
    groups: area.previousYear
      ? [{ id: area.id, name: area.name, tally: area.previousYear, previous: null }]
      : [],
  }));
  const tree = buildTree(
    { ...input, baselines: undefined, areas: areas.map((area) => ({ ...area, releasedAt: null })) },
    threshold,
    layout,
  );
  const { shown } = discloseHierarchy(tree.root, threshold, rowGroupsOf(layout));
  return new Map(
    [...tree.nodes].map(([id, node]) => [id, { node, shown: shown.get(id) ?? [] }] as [string, Shown]),
  );
}

const focusAreasOf = (input: FigureInput): readonly FigureArea[] =>
  input.focus === null ? input.areas : input.areas.filter((area) => area.id === input.focus);

/**
 * Everything a summary (focus: an area) or the city's figures (focus: null) show, and each node's baselines
 * after showing them: per column the value shown now, or the baseline it was compared with where it stays hidden
 * (only non-zero values are listed).
 */
export function figuresWithBaselines(input: FigureInput): {
  figures: SummaryFigures;
  baselines: Map<string, Record<string, number>>;
} {
  const threshold = effectiveThreshold(input.threshold);
  const layout = layoutFor(input.framework);
  const tree = buildTree(input, threshold, layout);
  const disclosure = discloseHierarchy(tree.root, threshold, rowGroupsOf(layout));
  const baselines = new Map<string, Record<string, number>>();
  for (const [id, node] of tree.nodes) {
    const open = disclosure.shown.get(id) ?? [];
    const last: Record<string, number> = {};
    layout.names.forEach((name, column) => {
      const value = open[column] ? (node.values[column] ?? 0) : (node.previous[column] ?? 0);
      if (value !== 0) last[name] = value;
    });
    baselines.set(id, last);
  }
  return { figures: figuresOf(input, threshold, layout, tree, disclosure), baselines };
}

function figuresOf(
  input: FigureInput,
  threshold: number,
  layout: Layout,
  tree: Tree,
  { shown, reasons }: ReturnType<typeof discloseHierarchy>,
): SummaryFigures {
  const demand = demandDisclosure(input.areas, threshold);
  const focusId = input.focus === null ? cityId : areaNodeId(input.focus);
  const focus = tree.nodes.get(focusId) ?? {
    id: focusId,
    values: new Array<number>(layout.width).fill(0),
    previous: new Array<number>(layout.width).fill(0),
    children: [],
    hidden: true,
  };
  const at: Shown = { node: focus, shown: shown.get(focusId) ?? [] };
  const demandFigures =
    input.focus === null
      ? demand.city
      : (demand.areas.get(input.focus) ?? demand.city.map((d) => ({ ...d, count: null })));
  const demandSuppressed = demand.suppressed.get(input.focus ?? cityId) ?? {
    small: 0,
    change: 0,
    hierarchy: 0,
    complementary: 0,
  };
  const rowIds = focus.children.map((child) => child.id);
  const releasedAt = focusAreasOf(input).reduce<string | null>(
    (acc, area) => (area.releasedAt && (!acc || area.releasedAt > acc) ? area.releasedAt : acc),
    null,
  );
  const suppressed = addCounts(countSuppressed(reasons, [focusId, ...rowIds]), demandSuppressed);
  const respondents = focusAreasOf(input).reduce(
    (acc, area) => acc + area.groups.reduce((inner, group) => inner + group.tally.respondents, 0),
    0,
  );
  if (focus.hidden) {
    return {
      threshold,
      respondents: null,
      competences: layout.competences.map((competence) => ({
        competenceId: competence.id,
        name: { ...competence.name },
        audience: competence.audience,
        self: null,
        supervisor: null,
        needs: null,
        previousYear: { self: null, supervisor: null },
      })),
      heatmap: [],
      needsRanking: [],
      learningWays: null,
      developmentActions: demandFigures,
      suppressed: { ...suppressed, wholeGroup: true },
    };
  }
  const lastYear = previousYearMeans(input, threshold, layout).get(focusId);
  const competences: CompetenceFigures[] = layout.competences.map((competence, index) => ({
    competenceId: competence.id,
    name: { ...competence.name },
    audience: competence.audience,
    self: ratingFigure(at, layout.self(index), layout),
    supervisor: ratingFigure(at, layout.supervisor(index), layout),
    needs: needFigure(at, index, layout),
    previousYear: {
      self: lastYear && !lastYear.node.hidden ? meanOf(lastYear, layout.self(index), layout) : null,
      supervisor:
        lastYear && !lastYear.node.hidden ? meanOf(lastYear, layout.supervisor(index), layout) : null,
    },
  }));
  const order = new Map(layout.competences.map((competence, index) => [competence.id, index]));
  const needsRanking = competences
    .flatMap((figure) => (figure.needs ? [{ competenceId: figure.competenceId, ...figure.needs }] : []))
    .sort(
      (a, b) =>
        b.needs - a.needs ||
        b.share - a.share ||
        (order.get(a.competenceId) ?? 0) - (order.get(b.competenceId) ?? 0),
    );
  const waysShown = layout.ways.every((column) => at.shown[column]);
  const wayCounts = Object.fromEntries(
    LEARNING_WAYS.map((way, index) => [way, focus.values[layout.ways[index] ?? 0] ?? 0]),
  ) as Record<LearningWay, number>;
  return {
    threshold,
    respondents,
    competences,
    heatmap: heatmapRows(input, tree, shown, focus, layout),
    needsRanking,
    learningWays: waysShown ? { counts: wayCounts, percent: percentages(wayCounts) } : null,
    developmentActions: demandFigures,
    suppressed: { ...suppressed, wholeGroup: false },
    releasedAt,
  };
}

function heatmapRows(
  input: FigureInput,
  tree: Tree,
  shown: Map<string, boolean[]>,
  focus: DisclosureNode,
  layout: Layout,
): HeatmapRow[] {
  if (input.focus !== null) {
    const rows = tree.rows.get(input.focus) ?? [];
    return rows.map((row, index) => {
      const node = focus.children[index];
      return {
        kind: row.kind,
        groupId: row.group?.id ?? null,
        name: row.group?.name ?? null,
        groupCount: row.members.length,
        respondents: row.tally.respondents,
        cells: node ? heatmapCells({ node, shown: shown.get(node.id) ?? [] }, layout) : {},
      };
    });
  }
  const names = new Map(input.areas.map((area) => [areaNodeId(area.id), area]));
  const visible = tree.root.children.filter((node) => !node.hidden);
  const hidden = tree.root.children.filter((node) => node.hidden);
  const respondents = (id: string): number =>
    names.get(id)?.groups.reduce((acc, group) => acc + group.tally.respondents, 0) ?? 0;
  const rows: HeatmapRow[] = visible
    .map((node) => ({
      kind: 'group' as const,
      groupId: names.get(node.id)?.id ?? null,
      name: names.get(node.id)?.name ?? null,
      groupCount: 1,
      respondents: respondents(node.id),
      cells: heatmapCells({ node, shown: shown.get(node.id) ?? [] }, layout),
    }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'fi'));
  const hiddenWithData = hidden.filter((node) => respondents(node.id) > 0);
  if (hiddenWithData.length > 0) {
    rows.push({
      kind: 'combined',
      groupId: null,
      name: null,
      groupCount: hiddenWithData.length,
      respondents: hiddenWithData.reduce((acc, node) => acc + respondents(node.id), 0),
      cells: heatmapCells(combinedAreas(tree, shown, hiddenWithData, layout), layout),
    });
  }
  return rows;
}
