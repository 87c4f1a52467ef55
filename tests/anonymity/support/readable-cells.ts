/**
 * Every count a reader can take from a set of summary figures, as named cells (`<scope> <figure>` → value),
 * and a watcher that compares each cell with the last value shown of it: between two readings, a shown count
 * that moved by 1…k−1 tells what that many people said (or did) in between.
 */
import type { SummaryFigures } from '../../../bot/src/storage/summary-publication-repository';

export function readableCells(scope: string, figures: SummaryFigures): Map<string, number> {
  const cells = new Map<string, number>();
  const put = (name: string, value: number | null | undefined): void => {
    if (value !== null && value !== undefined) cells.set(`${scope} ${name}`, value);
  };
  put('respondents', figures.respondents);
  for (const competence of figures.competences) {
    for (const view of ['self', 'supervisor'] as const) {
      const figure = competence[view];
      if (!figure) continue;
      put(`${competence.competenceId} ${view} n`, figure.n);
      for (const [value, count] of Object.entries(figure.counts))
        put(`${competence.competenceId} ${view} =${value}`, count);
    }
    put(`${competence.competenceId} rated`, competence.needs?.rated);
    put(`${competence.competenceId} needs`, competence.needs?.needs);
  }
  for (const row of figures.heatmap) {
    const name = `row ${row.groupId ?? `combined(${row.groupCount})`}`;
    put(`${name} respondents`, row.respondents);
    for (const [competenceId, cell] of Object.entries(row.cells)) {
      put(`${name} ${competenceId} n`, cell.n);
      if (cell.n !== null && cell.needShare !== null)
        put(`${name} ${competenceId} needs`, Math.round(cell.needShare * cell.n));
    }
  }
  for (const [way, count] of Object.entries(figures.learningWays?.counts ?? {}))
    put(`learning ${way}`, count);
  for (const demand of figures.developmentActions) put(`demand ${demand.kind}/${demand.form}`, demand.count);
  return cells;
}

export interface SmallMove {
  cell: string;
  from: number;
  to: number;
  at: number;
}

/** Remembers the last value shown of every cell and reports each move by 1…k−1 since. */
export class CellWatcher {
  private readonly last = new Map<string, number>();
  readonly moves: SmallMove[] = [];
  /** Cells read at each moment (a cell read again counts again). */
  readonly readsPerMoment = new Map<number, number>();

  constructor(private readonly threshold: number) {}

  read(moment: number, cells: ReadonlyMap<string, number>): void {
    this.readsPerMoment.set(moment, (this.readsPerMoment.get(moment) ?? 0) + cells.size);
    for (const [cell, value] of cells) {
      const before = this.last.get(cell);
      const moved = Math.abs(value - (before ?? value));
      if (before !== undefined && moved > 0 && moved < this.threshold)
        this.moves.push({ cell, from: before, to: value, at: moment });
      this.last.set(cell, value);
    }
  }

  /** Every cell read at least once. */
  everRead(): Iterable<string> {
    return this.last.keys();
  }
}
