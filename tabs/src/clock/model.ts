/** The annual clock as the API sends it (`GET /api/v1/clock/default?year=YYYY`). */

/** Top-down order of the cascade: guidance flows down these rows, needs flow up. */
export const LEVELS = ['organisation', 'serviceArea', 'team', 'individual'] as const;
export type Level = (typeof LEVELS)[number];

export const PHASE_KINDS = [
  'developmentDiscussions',
  'groupDiscussions',
  'serviceAreaDiscussion',
  'trainingPlans',
  'strategicDiscussion',
  'cooperationConfirmation',
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export interface ClockPhase {
  id: string;
  level: Level;
  kind: PhaseKind;
  /** ISO calendar date, the first day of the window. */
  opens: string;
  /** ISO calendar date, the last day (the deadline). */
  closes: string;
}

export interface AnnualClock {
  year: number;
  phases: ClockPhase[];
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

export function isPhaseKind(value: unknown): value is PhaseKind {
  return typeof value === 'string' && (PHASE_KINDS as readonly string[]).includes(value);
}
