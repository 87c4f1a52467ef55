/**
 * The disclosure rules every aggregate follows (docs/anonymity.md): which cells of a hierarchy of additive
 * tables (city ⊃ service areas ⊃ groups of teams) may be shown, so that no value of a group or bucket under the
 * threshold `k` can be worked out, from one table, from several together, or from two releases.
 *
 * A column is anything that adds up over the hierarchy: the count of one rating value of one competence, the
 * people with a development need in it, one kind of request. Each node (the city, an area, a group row) holds
 * its value now and at the previous release. A cell is hidden when
 *  1. (primary) its value is 1…k−1, or it changed since the previous release by 1…k−1 (a difference is a group
 *     of its own: the people who signed in between);
 *  2. (down the hierarchy) its parent's cell is hidden: what is hidden at one level stays hidden below it, so it
 *     cannot be rebuilt from the parts;
 *  3. (complementary, across siblings) the hidden cells under a shown parent sum to 0 or at least k, and so do
 *     their differences; otherwise the smallest shown sibling is hidden too (or the parent, when none is left);
 *  4. (complementary, along a row) cells that add up to a shown figure of the same node (the rating values of a
 *     competence add up to the people who rated it) are hidden together the same way.
 * The rules are applied until nothing changes; they only ever hide more, so this ends.
 */

export interface DisclosureNode {
  id: string;
  /** Column values now. */
  values: readonly number[];
  /** Column values at the previous release (equal to `values` when there is none to compare with). */
  previous: readonly number[];
  children: readonly DisclosureNode[];
  /** The whole node is not shown (e.g. a service area below the threshold). */
  hidden?: boolean;
}

/** Columns of one node that add up to a figure shown anyway (e.g. the values 1…5 of one competence). */
export type RowGroup = readonly number[];

/** Node id → which columns are shown. */
export type Disclosure = Map<string, boolean[]>;

export type SuppressionReason = 'small' | 'change' | 'hierarchy' | 'complementary';

export interface SuppressionCounts {
  /** Hidden because the value itself is under the threshold. */
  small: number;
  /** Hidden because the change since the previous release is under the threshold. */
  change: number;
  /** Hidden because the same figure is hidden at the level above. */
  hierarchy: number;
  /** Hidden so that another hidden figure cannot be worked out by subtraction. */
  complementary: number;
}

export function isSmall(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

function isSensitive(value: number, previous: number, threshold: number): boolean {
  return isSmall(value, threshold) || isSmall(Math.abs(value - previous), threshold);
}

interface State {
  shown: Disclosure;
  reasons: Map<string, (SuppressionReason | null)[]>;
}

function walk(node: DisclosureNode, visit: (node: DisclosureNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

function hide(state: State, node: DisclosureNode, column: number, reason: SuppressionReason): boolean {
  const shown = state.shown.get(node.id);
  if (!shown || !shown[column]) return false;
  shown[column] = false;
  const reasons = state.reasons.get(node.id);
  if (reasons) reasons[column] = reason;
  return true;
}

/**
 * Makes the hidden members of `cells` (node, column pairs that add up to a shown figure) sum to 0 or at least
 * the threshold, in value and in change; returns whether anything more was hidden. When no member is left to
 * hide, `whenNone` is called (it hides the figure they add up to).
 */
function complete(state: State, cells: Cells, threshold: number, whenNone: () => boolean): boolean {
  let changed = false;
  const { count } = cells;
  for (;;) {
    let value = 0;
    let change = 0;
    let anyHidden = false;
    for (let index = 0; index < count; index++) {
      const node = cellNode(cells, index);
      const column = cellColumn(cells, index);
      if (cellShown(cells, index, column)) continue;
      anyHidden = true;
      value += node.values[column] ?? 0;
      change += (node.values[column] ?? 0) - (node.previous[column] ?? 0);
    }
    if (!anyHidden || (!isSmall(value, threshold) && !isSmall(Math.abs(change), threshold))) return changed;
    let best = -1;
    let bestSize = Infinity;
    for (let index = 0; index < count; index++) {
      const node = cellNode(cells, index);
      const column = cellColumn(cells, index);
      if (!cellShown(cells, index, column)) continue;
      const size = node.values[column] ?? 0;
      const moved = Math.abs(size - (node.previous[column] ?? 0));
      if (size === 0 && moved === 0) continue;
      if (size < bestSize) {
        best = index;
        bestSize = size;
      }
    }
    if (best < 0) return whenNone() || changed;
    hide(state, cellNode(cells, best), cellColumn(cells, best), 'complementary');
    changed = true;
  }
}

/**
 * Cells that add up to a shown figure, in order, without a list of pairs built for each (the rules visit every
 * column of every node until nothing changes): one column of each of `nodes`, or `columns` of one node.
 */
type Cells =
  | { count: number; nodes: readonly DisclosureNode[]; shown: readonly boolean[][]; column: number }
  | { count: number; node: DisclosureNode; shown: readonly boolean[]; columns: readonly number[] };

const cellNode = (cells: Cells, index: number): DisclosureNode =>
  'nodes' in cells ? (cells.nodes[index] as DisclosureNode) : cells.node;

const cellColumn = (cells: Cells, index: number): number =>
  'nodes' in cells ? cells.column : (cells.columns[index] ?? 0);

/** Whether a cell is shown, from the nodes' shown columns (the arrays `hide` changes in place). */
const cellShown = (cells: Cells, index: number, column: number): boolean =>
  ('nodes' in cells ? cells.shown[index]?.[column] : cells.shown[column]) ?? false;

/** Which cells of the hierarchy under `root` may be shown, and why each hidden one is hidden. */
export function discloseHierarchy(
  root: DisclosureNode,
  threshold: number,
  rowGroups: readonly RowGroup[] = [],
): { shown: Disclosure; reasons: Map<string, (SuppressionReason | null)[]> } {
  const state: State = { shown: new Map(), reasons: new Map() };
  walk(root, (node) => {
    state.shown.set(
      node.id,
      node.values.map(
        (value, column) => !node.hidden && !isSensitive(value, node.previous[column] ?? 0, threshold),
      ),
    );
    state.reasons.set(
      node.id,
      node.values.map((value, column) => {
        if (node.hidden) return 'hierarchy';
        const previous = node.previous[column] ?? 0;
        if (isSmall(value, threshold)) return 'small';
        return isSmall(Math.abs(value - previous), threshold) ? 'change' : null;
      }),
    );
  });
  const columns = root.values.length;
  // Each node's shown columns and its children's, looked up once: `hide` changes these arrays in place.
  const shownOf = (node: DisclosureNode): boolean[] => state.shown.get(node.id) ?? [];
  const lookedUp = new Map<DisclosureNode, { own: boolean[]; children: boolean[][] }>();
  walk(root, (node) => lookedUp.set(node, { own: shownOf(node), children: node.children.map(shownOf) }));
  let changed = true;
  while (changed) {
    changed = false;
    walk(root, (node) => {
      const { own, children } = lookedUp.get(node) ?? { own: [], children: [] };
      for (let column = 0; column < columns; column++) {
        if (!(own[column] ?? false)) {
          for (const child of node.children) changed = hide(state, child, column, 'hierarchy') || changed;
        } else if (node.children.length > 0) {
          const cells = { count: node.children.length, nodes: node.children, shown: children, column };
          changed =
            complete(state, cells, threshold, () => hide(state, node, column, 'complementary')) || changed;
        }
      }
      for (const group of rowGroups) {
        const cells = { count: group.length, node, shown: own, columns: group };
        changed = complete(state, cells, threshold, () => false) || changed;
      }
    });
  }
  return state;
}

/** How many cells are hidden for each reason, over the nodes given (never their values). */
export function countSuppressed(
  reasons: Map<string, (SuppressionReason | null)[]>,
  nodeIds: Iterable<string>,
  columns?: readonly number[],
): SuppressionCounts {
  const counts: SuppressionCounts = { small: 0, change: 0, hierarchy: 0, complementary: 0 };
  for (const id of nodeIds) {
    const row = reasons.get(id) ?? [];
    const picked = columns ?? row.map((_, index) => index);
    for (const column of picked) {
      const reason = row[column];
      if (reason) counts[reason] += 1;
    }
  }
  return counts;
}

/**
 * The label of a band of rating values: "3" for one, "1–2" for a run of neighbours, "1, 5" otherwise.
 */
export function bandLabel(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  if (sorted.length === 1) return String(first);
  const contiguous = sorted.every((value, index) => index === 0 || value === (sorted[index - 1] ?? 0) + 1);
  return contiguous ? `${first}–${last}` : sorted.join(', ');
}

/**
 * A rating distribution as shown: each shown value on its own, the hidden ones merged into one band (their sum
 * is 0 or at least the threshold by rule 4, and follows from the total anyway). The mean is computed from what
 * is shown (a band counts at the middle of its values), so it tells nothing more than the buckets.
 */
export function shownDistribution(
  scaleValues: readonly number[],
  counts: readonly number[],
  shown: readonly boolean[],
): { counts: Record<string, number>; mean: number | null; n: number } {
  const result: Record<string, number> = {};
  const hiddenValues: number[] = [];
  let hiddenCount = 0;
  let weighted = 0;
  let n = 0;
  scaleValues.forEach((value, index) => {
    const count = counts[index] ?? 0;
    n += count;
    if (shown[index]) {
      if (count > 0) result[String(value)] = count;
      weighted += value * count;
    } else {
      hiddenValues.push(value);
      hiddenCount += count;
    }
  });
  if (hiddenCount > 0) {
    result[bandLabel(hiddenValues)] = hiddenCount;
    weighted += (hiddenValues.reduce((sum, value) => sum + value, 0) / hiddenValues.length) * hiddenCount;
  }
  if (n === 0) return { counts: result, mean: null, n };
  return { counts: result, mean: Number((weighted / n).toFixed(2)), n };
}
