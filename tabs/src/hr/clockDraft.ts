/**
 * HR's draft of the annual clock: phases as month-days, service areas' overrides, and the clock of a year
 * and area as the timeline draws it. The service validates the saved clock with the domain's rules; the
 * checks here only catch mistakes early, next to the field.
 */
import type { ClockPhase } from '../clock/model';
import type { ClockPhaseSetting, ClockSettings } from '../api/types';
import { CLOCK_EDITOR_ERROR_CODES, type ClockEditorErrorCode } from '../../../bot/src/contract/clock';
import { isIndividualDiscussionYear } from '../../../bot/src/domain/discussion-year-rules';

export type WindowField = 'opens' | 'closes' | 'remindDaysBefore';
export type WindowChange = Partial<Pick<ClockPhaseSetting, WindowField>>;

export function effectiveWindow(
  settings: ClockSettings,
  phase: ClockPhaseSetting,
  serviceAreaId: string | null,
) {
  const change = serviceAreaId
    ? settings.overrides.find((o) => o.serviceAreaId === serviceAreaId)?.phases[phase.id]
    : undefined;
  return {
    opens: change?.opens ?? phase.opens,
    closes: change?.closes ?? phase.closes,
    remindDaysBefore: change?.remindDaysBefore ?? phase.remindDaysBefore,
    overridden: change !== undefined && Object.keys(change).length > 0,
  };
}

/**
 * The phases as dates of `year`'s round for the timeline (a month-day that is no date, like 02-30, is left
 * out); a phase crossing New Year opens in the year before, as in the service.
 */
export function windowsOf(settings: ClockSettings, year: number, serviceAreaId: string | null): ClockPhase[] {
  return settings.phases.flatMap((phase) => {
    const window = effectiveWindow(settings, phase, serviceAreaId);
    const crosses = window.opens > window.closes;
    const opens = `${crosses ? year - 1 : year}-${window.opens}`;
    const closes = `${year}-${window.closes}`;
    if (!isDate(opens) || !isDate(closes)) return [];
    return [{ id: phase.id, kind: phase.kind, level: phase.level, opens, closes }];
  });
}

function isDate(iso: string): boolean {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === iso;
}

/** Valid in every year (checked against a common year, as the service does): no 29 February. */
export function isMonthDay(value: string): boolean {
  return /^\d{2}-\d{2}$/.test(value) && isDate(`2001-${value}`);
}

/** "14, 3" → [14, 3]; null when it is not a list of distinct whole days 0–365. */
export function parseReminders(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const days = parts.map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 365) || new Set(days).size !== days.length)
    return null;
  return days;
}

/**
 * The same problem codes the service uses (`clock.*`), for the fields of one phase. A phase may cross New
 * Year (opens 15.11., closes 28.2.): it belongs to the year it closes in, as in the service.
 */
export function windowProblems(window: Pick<ClockPhaseSetting, 'opens' | 'closes'>): ClockErrorCode[] {
  return fieldProblems(window, 'opens').length || fieldProblems(window, 'closes').length
    ? ['clock.invalidDate']
    : [];
}

/** The problems of one date of a window, shown under that field (not under the other one). */
export function fieldProblems(
  window: Pick<ClockPhaseSetting, 'opens' | 'closes'>,
  field: 'opens' | 'closes',
): ClockErrorCode[] {
  return isMonthDay(window[field]) ? [] : ['clock.invalidDate'];
}

/**
 * The settings with one phase's window changed: for the whole organisation the phase itself; for a service
 * area its override, which keeps only what differs from the organisation's clock.
 */
export function withWindow(
  settings: ClockSettings,
  serviceAreaId: string | null,
  phaseId: string,
  change: WindowChange,
): ClockSettings {
  if (serviceAreaId === null) {
    return { ...settings, phases: settings.phases.map((p) => (p.id === phaseId ? { ...p, ...change } : p)) };
  }
  const phase = settings.phases.find((p) => p.id === phaseId);
  if (!phase) return settings;
  const existing = settings.overrides.find((o) => o.serviceAreaId === serviceAreaId);
  const merged = { ...existing?.phases[phaseId], ...change };
  const differing = Object.fromEntries(
    Object.entries(merged).filter(
      ([field, value]) => JSON.stringify(value) !== JSON.stringify(phase[field as WindowField]),
    ),
  );
  const phases = { ...existing?.phases };
  if (Object.keys(differing).length > 0) phases[phaseId] = differing;
  else delete phases[phaseId];
  const others = settings.overrides.filter((o) => o.serviceAreaId !== serviceAreaId);
  return {
    ...settings,
    overrides: Object.keys(phases).length > 0 ? [...others, { serviceAreaId, phases }] : others,
  };
}

/** A service area's phase back to the organisation's window. */
export function withoutOverride(
  settings: ClockSettings,
  serviceAreaId: string,
  phaseId: string,
): ClockSettings {
  const phase = settings.phases.find((p) => p.id === phaseId);
  return phase
    ? withWindow(settings, serviceAreaId, phaseId, {
        opens: phase.opens,
        closes: phase.closes,
        remindDaysBefore: phase.remindDaysBefore,
      })
    : settings;
}

/** Individual or group discussions in a year under an area's alternating-year rule (vuorovuosimalli). */
export const individualYear = isIndividualDiscussionYear;

/** The service's clock problem codes (validateClock, plus overrides of unknown service areas). */
export type ClockErrorCode = ClockEditorErrorCode;

export function isClockErrorCode(code: string): code is ClockErrorCode {
  return (CLOCK_EDITOR_ERROR_CODES as readonly string[]).includes(code);
}
