/**
 * Proposed meeting times for several people: back to back from a first time, within working hours, on
 * weekdays. Times are the browser's local "YYYY-MM-DDTHH:MM" (what a datetime-local field holds); the service
 * checks the final times against the clock's window again.
 */
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

/** Whether the local time's calendar day falls in one of the windows (ISO dates, both ends inclusive). */
export function withinWindows(value: string, windows: readonly DateWindow[]): boolean {
  const day = value.slice(0, 10);
  return windows.some((w) => w.opens <= day && day <= w.closes);
}
