/**
 * The attacker as a test: from everything a role could read, build the system of equations the figures imply
 * and ask, for every group and bucket under the threshold, whether its value is determined.
 *
 * Unknowns: x[epoch][owner][atom] ≥ 0, integers — how many of an owner (a team, or a service area for
 * requests) are in an atom (one rating value of one competence, the people with a need, one kind of request)
 * at the moment of a read. Each figure read is an equation: the sum of the atoms behind it equals what was
 * shown. Signing and asking only add, so each unknown is at least its value at any earlier epoch in the model.
 * Targets: every sum of atoms over a team, a service area or the city, now or as the change since the epoch
 * before, whose true value is 1…threshold−1. A target is determined when its smallest and largest values
 * consistent with all equations are equal; both are found by integer linear programming with HiGHS
 * (npm `highs`: the HiGHS solver of the University of Edinburgh compiled to WebAssembly; exact for these
 * integer programs).
 */
import loadHighs from 'highs';

export interface Figure {
  epoch: number;
  /** Whose atoms the figure adds up (team ids, or area ids for requests). */
  owners: readonly string[];
  atoms: readonly string[];
  value: number;
  /** Owner → the epoch its part of the figure describes, when not `epoch` (figures released earlier). */
  epochOf?: Readonly<Record<string, number>>;
}

function figureTerms(figure: Figure): Map<string, number> {
  const result = new Map<string, number>();
  for (const owner of figure.owners)
    for (const [v, c] of terms(figure.epochOf?.[owner] ?? figure.epoch, [owner], figure.atoms))
      result.set(v, c);
  return result;
}

export interface Truth {
  /** epoch → owner → atom → count */
  at(epoch: number, owner: string, atom: string): number;
  epochs: number;
}

export interface Target {
  label: string;
  epoch: number;
  owners: readonly string[];
  atoms: readonly string[];
  /** The change since the epoch before rather than the value. */
  change: boolean;
}

export interface Finding {
  target: Target;
  value: number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let solver: Promise<Highs> | null = null;

const name = (epoch: number, owner: string, atom: string): string =>
  `x_${epoch}_${owner}_${atom}`.replace(/[^A-Za-z0-9_]/g, '_');

function terms(
  epoch: number,
  owners: readonly string[],
  atoms: readonly string[],
  sign = 1,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const owner of owners) for (const atom of atoms) result.set(name(epoch, owner, atom), sign);
  return result;
}

function expression(coefficients: Map<string, number>): string {
  return (
    [...coefficients]
      .filter(([, c]) => c !== 0)
      .map(([v, c], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${Math.abs(c)} ${v}`)
      .join(' ') || '0'
  );
}

function targetTerms(target: Target): Map<string, number> {
  const now = terms(target.epoch, target.owners, target.atoms);
  if (!target.change) return now;
  for (const [v, c] of terms(target.epoch - 1, target.owners, target.atoms, -1)) now.set(v, c);
  return now;
}

/** The figures' variables, and for each the variable of the epoch before (monotone growth). */
function model(
  figures: readonly Figure[],
  target: Map<string, number>,
  sense: 'Maximize' | 'Minimize',
): string {
  const variables = new Set<string>(target.keys());
  const rows: string[] = [];
  figures.forEach((figure, index) => {
    const t = figureTerms(figure);
    for (const v of t.keys()) variables.add(v);
    rows.push(` f${index}: ${expression(t)} = ${figure.value}`);
  });
  // Growth: counts only grow, so each variable is at least the same one at the latest earlier epoch in the
  // model (whichever epochs were read: releases are read long after they were made).
  const list = [...variables];
  const series = new Map<string, { epoch: number; v: string }[]>();
  for (const v of list) {
    const match = /^x_(\d+)_(.*)$/.exec(v);
    if (!match?.[2]) continue;
    series.set(match[2], [...(series.get(match[2]) ?? []), { epoch: Number(match[1]), v }]);
  }
  let growth = 0;
  for (const points of series.values()) {
    points.sort((a, b) => a.epoch - b.epoch);
    for (let i = 1; i < points.length; i++)
      rows.push(` g${growth++}: ${points[i]?.v} - ${points[i - 1]?.v} >= 0`);
  }
  return [
    sense,
    ` obj: ${expression(target)}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...list.map((v) => ` 0 <= ${v} <= 1000`),
    'General',
    ` ${list.join(' ')}`,
    'End',
  ].join('\n');
}

async function extreme(
  figures: readonly Figure[],
  target: Target,
  sense: 'Maximize' | 'Minimize',
): Promise<number> {
  const highs = await (solver ??= loadHighs());
  const result = highs.solve(model(figures, targetTerms(target), sense), { output_flag: false });
  if (result.Status !== 'Optimal')
    throw new Error(`the auditor's model is ${result.Status}: a figure contradicts another`);
  return Math.round(result.ObjectiveValue);
}

function trueValue(truth: Truth, target: Target): number {
  let sum = 0;
  for (const owner of target.owners)
    for (const atom of target.atoms) {
      sum += truth.at(target.epoch, owner, atom);
      if (target.change) sum -= truth.at(target.epoch - 1, owner, atom);
    }
  return sum;
}

/** Every target under the threshold that the figures determine (empty: nothing disclosed). */
export async function audit(
  figures: readonly Figure[],
  truth: Truth,
  candidates: readonly Target[],
  threshold: number,
): Promise<Finding[]> {
  // The same equation read again (the same release read after every signing) adds nothing: solve each once.
  const unique = new Map<string, Figure>();
  for (const figure of figures) {
    const key = `${[...figureTerms(figure).keys()].sort().join('+')}=${figure.value}`;
    if (!unique.has(key)) unique.set(key, figure);
  }
  const distinct = [...unique.values()];
  const touched = new Set(distinct.flatMap((figure) => [...figureTerms(figure).keys()]));
  const findings: Finding[] = [];
  for (const target of candidates) {
    const value = trueValue(truth, target);
    if (value <= 0 || value >= threshold) continue;
    // Only epochs around what was read can be pinned; an untouched target is free.
    const own = [...targetTerms(target).keys()];
    if (!own.some((v) => touched.has(v))) continue;
    const max = await extreme(distinct, target, 'Maximize');
    if (max > value) continue;
    const min = await extreme(distinct, target, 'Minimize');
    if (min === max) findings.push({ target, value });
  }
  return findings;
}
