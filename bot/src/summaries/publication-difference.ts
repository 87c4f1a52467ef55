/**
 * Publications are snapshots (docs/anonymity.md, rule 8): every employee can read an area's publication, and
 * after HR revises and publishes again, the next one. Whoever kept the first can subtract: a count that moved
 * by 1…k−1 between the two describes fewer than the threshold of people (those who signed in between). So the
 * next publication of the same area is allowed only when every count shown in both moved by 0 or at least the
 * threshold; otherwise HR waits until more discussions are signed (or nothing changed, e.g. only the
 * conclusions were revised).
 */
import type { SummaryFigures } from '../storage/summary-publication-repository';

/** Every count of a publication that adds up over people, by a key naming the same figure in the next one. */
function counts(figures: SummaryFigures): Map<string, number> {
  const result = new Map<string, number>();
  const put = (key: string, value: number | null | undefined): void => {
    if (value !== null && value !== undefined) result.set(key, value);
  };
  put('respondents', figures.respondents);
  for (const competence of figures.competences) {
    for (const side of ['self', 'supervisor'] as const) {
      const figure = competence[side];
      if (!figure) continue;
      put(`${competence.competenceId}/${side}/n`, figure.n);
      for (const [value, count] of Object.entries(figure.counts))
        put(`${competence.competenceId}/${side}/${value}`, count);
    }
    put(`${competence.competenceId}/needs`, competence.needs?.needs);
    put(`${competence.competenceId}/rated`, competence.needs?.rated);
  }
  for (const row of figures.heatmap) {
    const id = row.groupId ?? 'combined';
    put(`row/${id}/respondents`, row.respondents);
    for (const [competenceId, cell] of Object.entries(row.cells)) {
      put(`row/${id}/${competenceId}/n`, cell.n);
      if (cell.n !== null && cell.needShare !== null)
        put(`row/${id}/${competenceId}/needs`, Math.round(cell.needShare * cell.n));
    }
  }
  for (const [way, count] of Object.entries(figures.learningWays?.counts ?? {})) put(`way/${way}`, count);
  for (const demand of figures.developmentActions) put(`demand/${demand.kind}/${demand.form}`, demand.count);
  return result;
}

/**
 * How many figures shown in both publications changed by 1…threshold−1 (0: the next publication is safe to
 * show beside the previous one).
 */
export function smallDifferences(previous: SummaryFigures, next: SummaryFigures, threshold: number): number {
  const before = counts(previous);
  let small = 0;
  for (const [key, value] of counts(next)) {
    const old = before.get(key);
    if (old === undefined) continue;
    const moved = Math.abs(value - old);
    if (moved > 0 && moved < threshold) small += 1;
  }
  return small;
}
