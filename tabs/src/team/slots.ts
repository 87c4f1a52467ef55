/**
 * Proposed meeting times for several people: back to back from a first time, within working hours, on
 * weekdays. Times are the browser's local "YYYY-MM-DDTHH:MM" (what a datetime-local field holds); they are
 * checked with the service's own meeting rules, and the service checks them again.
 */
import {
  defaultMeetingDay,
  meetingTimeProblem,
  type MeetingTimeProblem,
} from '../../../bot/src/domain/meeting-rules';
import type { DateWindow } from '../api/types';

export interface SlotPlan {
  /** The first meeting, "YYYY-MM-DDTHH:MM". */
  first: string;
  durationMinutes: number;
  gapMinutes: number;
  /** Working hours, minutes from midnight: no meeting starts before or ends after them. */
  dayStartMinutes: number;
  dayEndMinutes: number;
}

/** The lengths, in minutes, a supervisor can give a development discussion's meeting. */
export const MEETING_DURATIONS = [30, 45, 60, 90] as const;

const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The local time as an instant with an offset ("Z"), which the service requires. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

export function isLocalInput(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) && !Number.isNaN(new Date(value).getTime());
}

const isWeekend = (date: Date) => date.getDay() === 0 || date.getDay() === 6;

function nextWorkingStart(date: Date, dayStartMinutes: number): Date {
  const next = new Date(date);
  do {
    next.setDate(next.getDate() + 1);
  } while (isWeekend(next));
  next.setHours(Math.floor(dayStartMinutes / 60), dayStartMinutes % 60, 0, 0);
  return next;
}

export function proposeSlots(plan: SlotPlan, count: number): string[] {
  const slots: string[] = [];
  let start = new Date(plan.first);
  if (Number.isNaN(start.getTime())) return slots;
  while (slots.length < count) {
    const minutes = start.getHours() * 60 + start.getMinutes();
    if (isWeekend(start) || minutes + plan.durationMinutes > plan.dayEndMinutes) {
      start = nextWorkingStart(start, plan.dayStartMinutes);
    } else if (minutes < plan.dayStartMinutes) {
      start = new Date(start);
      start.setHours(Math.floor(plan.dayStartMinutes / 60), plan.dayStartMinutes % 60, 0, 0);
    } else {
      slots.push(toLocalInput(start));
      start = new Date(start.getTime() + (plan.durationMinutes + plan.gapMinutes) * 60_000);
    }
  }
  return slots;
}

/**
 * What the service would say of a meeting at this local time: the domain's own meeting rules (past times, the
 * round's window in Finnish calendar days), so the tab refuses exactly what the card and the API refuse.
 */
export function meetingProblem(
  value: string,
  windows: readonly DateWindow[],
): 'team.timeInPast' | 'team.timeOutsideWindow' | null {
  const problem = meetingTimeProblem(new Date(value), new Date(), { windows, holdsDiscussion: true });
  return problem ? PROBLEM_TEXT[problem] : null;
}

/** The tab's text key for each refusal of the meeting rules (the alternating year is the service's to say). */
const PROBLEM_TEXT: Record<MeetingTimeProblem, 'team.timeInPast' | 'team.timeOutsideWindow'> = {
  'meeting.inPast': 'team.timeInPast',
  'meeting.outsideWindow': 'team.timeOutsideWindow',
  'meeting.noDiscussionThisYear': 'team.timeOutsideWindow',
};

/** The first proposal: 9 o'clock on the first weekday from tomorrow inside the windows; tomorrow without one. */
export function defaultFirstTime(windows: readonly DateWindow[]): string {
  const day = defaultMeetingDay({ windows }, new Date());
  if (day) return `${day}T09:00`;
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  return toLocalInput(tomorrow);
}
