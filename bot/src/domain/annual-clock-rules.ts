/**
 * Resolving and checking the annual clock. A window is a day and month that repeat every year; one whose opening
 * day comes after its closing day crosses New Year (15.11.–28.2.) and belongs to the year it closes in, so a
 * round is named by the year its window ends in. 29 February is refused, because one clock serves every year.
 */
import {
  LEVELS,
  PHASE_KINDS,
  type AnnualClock,
  type ClockPhase,
  type MonthDay,
  type PhaseKind,
  type PhaseWindow,
} from './annual-clock';
import { daysBetween, isCalendarDate } from './calendar';
import { refuserFor, type Refuser } from './errors';
import { ROLES } from './organisation';
import { organisationDate } from './organisation-time';

export const CLOCK_ERROR_CODES = [
  'clock.noPhases',
  'clock.missingPhaseId',
  'clock.duplicatePhaseId',
  'clock.unknownKind',
  'clock.unknownLevel',
  'clock.noAudience',
  'clock.unknownRole',
  'clock.invalidDate',
  'clock.invalidReminder',
  'clock.unknownPhase',
  'clock.duplicateOverride',
] as const;
export type ClockErrorCode = (typeof CLOCK_ERROR_CODES)[number];

const refuse: Refuser<ClockErrorCode> = refuserFor();

export interface ClockError {
  code: ClockErrorCode;
  phaseId: string | null;
  /** Set when the error is in a service area's override. */
  serviceAreaId: string | null;
}

export interface DueReminder {
  window: PhaseWindow;
  daysBefore: number;
}

/** Reminders are days before a deadline within the year. */
const MAX_REMIND_DAYS_BEFORE = 365;
const LEVEL_ORDER: readonly string[] = LEVELS;

/** Valid in every year: checked against a common year, so 29 February is refused. */
function isValidMonthDay(monthDay: MonthDay): boolean {
  return isCalendarDate(`2001-${monthDay}`);
}

type Window = Pick<ClockPhase, 'opens' | 'closes' | 'remindDaysBefore'>;

function effectiveWindow(phase: ClockPhase, change: Partial<Window> | undefined): Window {
  return {
    opens: change?.opens ?? phase.opens,
    closes: change?.closes ?? phase.closes,
    remindDaysBefore: change?.remindDaysBefore ?? phase.remindDaysBefore,
  };
}

function windowErrors(window: Window): ClockErrorCode[] {
  const errors: ClockErrorCode[] = [];
  const datesValid = isValidMonthDay(window.opens) && isValidMonthDay(window.closes);
  if (!datesValid) errors.push('clock.invalidDate');
  const days = window.remindDaysBefore;
  const remindersValid =
    days.every((d) => Number.isInteger(d) && d >= 0 && d <= MAX_REMIND_DAYS_BEFORE) &&
    new Set(days).size === days.length;
  if (!remindersValid) errors.push('clock.invalidReminder');
  return errors;
}

export function validateClock(clock: AnnualClock): ClockError[] {
  const errors: ClockError[] = [];
  const add = (code: ClockErrorCode, phaseId: string | null, serviceAreaId: string | null = null) =>
    errors.push({ code, phaseId, serviceAreaId });

  if (clock.phases.length === 0) add('clock.noPhases', null);
  const phases = new Map<string, ClockPhase>();
  for (const phase of clock.phases) {
    if (!phase.id.trim()) add('clock.missingPhaseId', phase.id);
    if (phases.has(phase.id)) add('clock.duplicatePhaseId', phase.id);
    phases.set(phase.id, phase);
    if (!(PHASE_KINDS as readonly string[]).includes(phase.kind)) add('clock.unknownKind', phase.id);
    if (!LEVEL_ORDER.includes(phase.level)) add('clock.unknownLevel', phase.id);
    if (phase.audience.length === 0) add('clock.noAudience', phase.id);
    if (phase.audience.some((role) => !(ROLES as readonly string[]).includes(role)))
      add('clock.unknownRole', phase.id);
    for (const code of windowErrors(phase)) add(code, phase.id);
  }

  const overridden = new Set<string>();
  for (const override of clock.overrides) {
    if (overridden.has(override.serviceAreaId)) add('clock.duplicateOverride', null, override.serviceAreaId);
    overridden.add(override.serviceAreaId);
    for (const [phaseId, change] of Object.entries(override.phases)) {
      const phase = phases.get(phaseId);
      if (!phase) {
        add('clock.unknownPhase', phaseId, override.serviceAreaId);
        continue;
      }
      // What the phase itself gets wrong is reported once, for the phase.
      const inherited = new Set(windowErrors(phase));
      for (const code of windowErrors(effectiveWindow(phase, change))) {
        if (!inherited.has(code)) add(code, phaseId, override.serviceAreaId);
      }
    }
  }
  return errors;
}

function compareWindows(a: PhaseWindow, b: PhaseWindow): number {
  return (
    a.opens.localeCompare(b.opens) ||
    a.closes.localeCompare(b.closes) ||
    LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
    a.phaseId.localeCompare(b.phaseId)
  );
}

/** Whether a window runs over New Year: it opens later in the year than it closes (15.11.–28.2.). */
export function crossesNewYear(window: Pick<ClockPhase, 'opens' | 'closes'>): boolean {
  return window.opens > window.closes;
}

const yyyy = (year: number): string => String(year).padStart(4, '0');

/**
 * The clock's phases as dates of `year`'s round, with the service area's overrides applied; by opening date.
 * A phase that crosses New Year closes in `year` and opens in the year before.
 */
export function phaseWindows(clock: AnnualClock, year: number, serviceAreaId: string | null): PhaseWindow[] {
  const override = clock.overrides.find((o) => serviceAreaId !== null && o.serviceAreaId === serviceAreaId);
  return clock.phases
    .map((phase) => {
      const window = effectiveWindow(phase, override?.phases[phase.id]);
      return {
        phaseId: phase.id,
        kind: phase.kind,
        level: phase.level,
        opens: `${yyyy(crossesNewYear(window) ? year - 1 : year)}-${window.opens}`,
        closes: `${yyyy(year)}-${window.closes}`,
        remindDaysBefore: [...window.remindDaysBefore],
        audience: [...phase.audience],
      };
    })
    .sort(compareWindows);
}

function yearOf(date: string): number {
  if (!isCalendarDate(date)) refuse('clock.invalidDate', 'Expected a calendar date as YYYY-MM-DD');
  return Number(date.slice(0, 4));
}

/** The windows open on a calendar date (YYYY-MM-DD, the organisation's local date), both ends inclusive. */
export function openPhasesOn(date: string, clock: AnnualClock, serviceAreaId: string | null): PhaseWindow[] {
  const year = yearOf(date);
  // Next year's window is open already when it crosses New Year.
  return [
    ...phaseWindows(clock, year, serviceAreaId),
    ...phaseWindows(clock, year + 1, serviceAreaId),
  ].filter((w) => w.opens <= date && date <= w.closes);
}

/** The conversations of a round (keskustelukierros): the development and group competence discussions. */
const ROUND_KINDS: readonly PhaseKind[] = ['developmentDiscussions', 'groupDiscussions'];

/**
 * The later phases of a round, each working on what the round's discussions produced: the summaries and the
 * service areas' training plans (palvelualueiden osaamiskeskustelu, henkilöstö- ja koulutussuunnittelu), and the
 * strategic discussion that reviews those plans. Each stays on its round until its own window closes.
 */
export const ROUND_PHASE_KINDS = {
  discussions: ROUND_KINDS,
  planning: ['serviceAreaDiscussion', 'trainingPlans'],
  strategy: ['strategicDiscussion'],
} as const satisfies Record<string, readonly PhaseKind[]>;

/**
 * The round current on `today` (the organisation's local date): the year whose discussion windows are open or
 * still ahead, so once this year's have all closed (after 31 March on the default clock) everything is about
 * next year's round. The one rule every card, chat command, tab, reminder and invitation uses, so that a
 * person's chat and tab name the same round and the same record. Without such windows, the calendar year.
 * `kinds` names a later phase of the round (ROUND_PHASE_KINDS): the same rule on that phase's windows, so on the
 * default clock the training plans move to the next round after 30 September and the strategic discussion after
 * 31 December, and in between each works on the round whose discussions it builds on.
 */
export function roundYear(
  clock: AnnualClock,
  serviceAreaId: string | null,
  today: string,
  kinds: readonly PhaseKind[] = ROUND_KINDS,
): number {
  const year = yearOf(today);
  const closes = phaseWindows(clock, year, serviceAreaId)
    .filter((window) => kinds.includes(window.kind))
    .map((window) => window.closes);
  return closes.length > 0 && closes.every((close) => today > close) ? year + 1 : year;
}

/**
 * The round current at an instant for `serviceAreaId`: `roundYear` on the organisation's local date, for the
 * discussions or for a later phase of the round (ROUND_PHASE_KINDS).
 */
export function currentRoundYear(
  clock: AnnualClock,
  serviceAreaId: string | null,
  now: Date,
  phase: keyof typeof ROUND_PHASE_KINDS = 'discussions',
): number {
  return roundYear(clock, serviceAreaId, organisationDate(now), ROUND_PHASE_KINDS[phase]);
}

/** `year`'s round windows of one kind of phase for a service area (its overrides applied). */
export function windowsOfKind(
  clock: AnnualClock,
  year: number,
  serviceAreaId: string | null,
  kind: PhaseKind,
): PhaseWindow[] {
  return phaseWindows(clock, year, serviceAreaId).filter((window) => window.kind === kind);
}

/** The reminders due on a date; a reminder may fall before its window opens or, for early deadlines, in the previous year. */
export function remindersDueOn(
  date: string,
  clock: AnnualClock,
  serviceAreaId: string | null,
): DueReminder[] {
  const year = yearOf(date);
  return [
    ...phaseWindows(clock, year, serviceAreaId),
    ...phaseWindows(clock, year + 1, serviceAreaId),
  ].flatMap((window) => {
    const daysBefore = daysBetween(date, window.closes);
    return window.remindDaysBefore.includes(daysBefore) ? [{ window, daysBefore }] : [];
  });
}
