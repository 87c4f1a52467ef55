/**
 * The wire contract of the annual clock: the year's phases as dates (`GET /api/v1/clock/default`) and HR's
 * clock editor (`GET`/`PUT /api/v1/clock`), with the problem codes a save may be refused with. The service
 * answers these shapes and the tabs read them through the same declarations (`tabs/src/api/types.ts`,
 * `tabs/src/clock/model.ts`), so the two cannot drift apart. Pure: only the domain is imported.
 */
import type { AnnualClock, Level, PhaseKind } from '../domain/annual-clock';
import { CLOCK_ERROR_CODES, type ClockError } from '../domain/annual-clock-rules';
import type { AlternatingYearRule } from '../domain/organisation';

/** A phase of one year's clock: ISO dates, the first day of the window and the last (the deadline). */
export interface DatedPhase {
  id: string;
  level: Level;
  kind: PhaseKind;
  opens: string;
  closes: string;
}

/** `GET /api/v1/clock/default?year=YYYY`: the default clock's phases as dates of that year. */
export interface DatedClock {
  year: number;
  phases: DatedPhase[];
}

export interface ServiceAreaRuleView {
  id: string;
  name: string;
  alternatingYearRule: AlternatingYearRule | null;
  etag: string;
}

export interface StoredClockView {
  /** Month-days that repeat every year, not dates of a year. */
  clock: AnnualClock;
  /** Null while the organisation runs the default clock (nothing stored yet). */
  etag: string | null;
}

/** `GET /api/v1/clock`: what HR's clock editor shows. */
export interface ClockEditorView extends StoredClockView {
  serviceAreas: ServiceAreaRuleView[];
}

/** Every code a clock save may be refused with: the domain's rules, and an override of an unknown area. */
export const CLOCK_EDITOR_ERROR_CODES = [...CLOCK_ERROR_CODES, 'clock.unknownServiceArea'] as const;
export type ClockEditorErrorCode = (typeof CLOCK_EDITOR_ERROR_CODES)[number];

export type ClockEditorError =
  ClockError | { code: 'clock.unknownServiceArea'; phaseId: null; serviceAreaId: string };
