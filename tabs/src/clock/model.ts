/** The annual clock as the API sends it (`GET /api/v1/clock/default?year=YYYY`): the service's wire contract. */
import type { DatedClock, DatedPhase } from '../../../bot/src/contract/clock';
import { LEVELS, PHASE_KINDS, type Level, type PhaseKind } from '../../../bot/src/domain/annual-clock';

/** Top-down order of the cascade (guidance flows down these rows, needs flow up), and the phases' kinds. */
export { LEVELS, PHASE_KINDS, type Level, type PhaseKind };

/** A phase of one year: ISO dates, the first day of the window and the last (the deadline). */
export type ClockPhase = DatedPhase;
export type AnnualClock = DatedClock;

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

export function isPhaseKind(value: unknown): value is PhaseKind {
  return typeof value === 'string' && (PHASE_KINDS as readonly string[]).includes(value);
}
