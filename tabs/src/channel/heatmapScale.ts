import type { HeatmapCell } from '../api/types';

/** What a heatmap's cells show: the mean self-assessment, the mean supervisor's assessment, or the need share. */
export const HEATMAP_MEASURES = ['self', 'supervisor', 'needShare'] as const;
export type HeatmapMeasure = (typeof HEATMAP_MEASURES)[number];

/**
 * The shade of a cell, 0 (none) to 2 (darkest): colour is only a second way to read the number in the cell.
 * Means are on the 1–5 scale; a need share is the part of those rated (0–1).
 */
export function shadeOf(measure: HeatmapMeasure, value: number): 0 | 1 | 2 {
  const [light, dark] = measure === 'needShare' ? [0.2, 0.4] : [2.5, 3.5];
  return value >= dark ? 2 : value >= light ? 1 : 0;
}

export function cellValue(cell: HeatmapCell | undefined, measure: HeatmapMeasure): number | null {
  return cell?.[measure] ?? null;
}
