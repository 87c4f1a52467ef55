import { isoDateToUtc } from '../i18n/format';
import { LEVELS, PHASE_KINDS, type ClockPhase, type Level } from './model';

const DAY_MS = 86_400_000;

export interface PlacedPhase {
  phase: ClockPhase;
  /** Whole days from 1 January: the first day in the bar, and the day after its last. */
  firstDay: number;
  endDay: number;
  /** Percentages of the year's width; windows reaching past the year are clipped to it. */
  startPercent: number;
  widthPercent: number;
}

export interface LevelRow {
  level: Level;
  /** Overlapping phases of one level go on separate lanes so no bar hides another. */
  lanes: PlacedPhase[][];
}

export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
}

/** Where each month starts and how wide it is, as percentages of the year (months differ in length). */
export function monthSpans(year: number): { startPercent: number; widthPercent: number }[] {
  const total = daysInYear(year);
  return Array.from({ length: 12 }, (_, month) => {
    const start = (Date.UTC(year, month, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
    const end = (Date.UTC(year, month + 1, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
    return { startPercent: (start / total) * 100, widthPercent: ((end - start) / total) * 100 };
  });
}

/** The bar for one phase, or null when its window lies wholly outside the year. */
export function placePhase(phase: ClockPhase, year: number): PlacedPhase | null {
  const yearStart = Date.UTC(year, 0, 1);
  const total = daysInYear(year);
  // Both ends are whole days: the window runs to the end of its closing day.
  const firstDay = Math.max(0, (isoDateToUtc(phase.opens) - yearStart) / DAY_MS);
  const endDay = Math.min(total, (isoDateToUtc(phase.closes) - yearStart) / DAY_MS + 1);
  if (endDay <= firstDay) return null;
  return {
    phase,
    firstDay,
    endDay,
    startPercent: (firstDay / total) * 100,
    widthPercent: ((endDay - firstDay) / total) * 100,
  };
}

/**
 * Phases by opening date, then closing date; ties follow the timeline's rows (top-down), then the order
 * of the process (the strategic discussion before the committee confirms the plans), then id.
 */
export function byOpeningDate(a: ClockPhase, b: ClockPhase): number {
  return (
    a.opens.localeCompare(b.opens) ||
    a.closes.localeCompare(b.closes) ||
    LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
    PHASE_KINDS.indexOf(a.kind) - PHASE_KINDS.indexOf(b.kind) ||
    a.id.localeCompare(b.id)
  );
}

/** One row per level, in cascade order, each with greedily packed lanes. Levels without phases are kept. */
export function layoutClock(phases: readonly ClockPhase[], year: number): LevelRow[] {
  return LEVELS.map((level) => {
    const lanes: PlacedPhase[][] = [];
    const placed = phases
      .filter((phase) => phase.level === level)
      .sort(byOpeningDate)
      .map((phase) => placePhase(phase, year))
      .filter((bar): bar is PlacedPhase => bar !== null);
    for (const bar of placed) {
      const free = lanes.find((lane) => {
        const last = lane[lane.length - 1];
        // Compared in whole days: percentages could make back-to-back windows look overlapping.
        return last !== undefined && last.endDay <= bar.firstDay;
      });
      if (free) free.push(bar);
      else lanes.push([bar]);
    }
    return { level, lanes };
  });
}

/** Today's position on the year, or null in any other year. */
export function todayPercent(year: number, now: Date = new Date()): number | null {
  if (now.getFullYear() !== year) return null;
  const today = Date.UTC(year, now.getMonth(), now.getDate());
  return (((today - Date.UTC(year, 0, 1)) / DAY_MS + 0.5) / daysInYear(year)) * 100;
}
