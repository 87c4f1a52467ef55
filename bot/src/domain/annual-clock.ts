/** The annual clock (vuosikello): phases with date windows per level, with per-service-area overrides. */

export const LEVELS = ['organisation', 'serviceArea', 'team', 'individual'] as const;
export type Level = (typeof LEVELS)[number];

export const PHASE_KINDS = [
  'developmentDiscussions', // kehityskeskustelut
  'groupDiscussions', // ryhmäosaamiskeskustelut
  'serviceAreaDiscussion', // palvelualueen osaamiskeskustelu
  'trainingPlans', // henkilöstö- ja koulutussuunnittelu
  'strategicDiscussion', // strateginen osaamiskeskustelu
  'cooperationConfirmation', // YT-neuvottelukunnan vahvistus
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** "MM-DD", resolved to a date in a given year. */
export type MonthDay = string;

export interface ClockPhase {
  id: string;
  kind: PhaseKind;
  level: Level;
  opens: MonthDay;
  /** The deadline: the last day of the window. */
  closes: MonthDay;
  /** Reminders go out this many days before the deadline. */
  remindDaysBefore: number[];
  /** Who is reminded, by role. */
  audience: import('./organisation').Role[];
}

export interface ServiceAreaClockOverride {
  serviceAreaId: string;
  /** Replacement windows for phases of the organisation's clock, by phase id. */
  phases: Record<string, Partial<Pick<ClockPhase, 'opens' | 'closes' | 'remindDaysBefore'>>>;
}

export interface AnnualClock {
  phases: ClockPhase[];
  overrides: ServiceAreaClockOverride[];
}

/** A phase resolved for one year (and service area): ISO dates. */
export interface PhaseWindow {
  phaseId: string;
  kind: PhaseKind;
  level: Level;
  opens: string;
  closes: string;
  /** After the service area's override. */
  remindDaysBefore: number[];
  audience: import('./organisation').Role[];
}
