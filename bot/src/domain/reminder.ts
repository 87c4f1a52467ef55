/**
 * A reminder the annual clock sends on a day: to a person (in their language) or as a post in a service area's
 * or team's channel. What it says is data (a kind and its figures), put into words only when it is sent.
 */
import type { PhaseKind } from './annual-clock';
import type { Locale } from './locale';

export const REMINDER_KINDS = [
  'phaseOpened', // a phase's window opens
  'deadlineApproaching', // N days before its deadline
  'preparationDue', // an employee's scheduled development discussion is near
  'overdue', // the deadline passed: to the one responsible
  'escalation', // the deadline passed: one level up (supervisor's supervisor → director → HR)
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who a personal reminder is for: the variant of the text. */
export const AUDIENCES = ['employee', 'supervisor', 'channel', 'role', 'responsible', 'escalation'] as const;
export type ReminderAudience = (typeof AUDIENCES)[number];

export type ReminderRecipient =
  | { kind: 'person'; personId: string }
  | { kind: 'serviceAreaChannel'; serviceAreaId: string }
  | { kind: 'teamChannel'; teamId: string };

/** Where the reminder's button leads. */
export type ReminderAction = 'preparation' | 'teamStatus' | 'clock';

/** The content of a reminder: everything the text and the card need, as plain JSON. */
export interface ReminderMessage {
  kind: ReminderKind;
  phase: PhaseKind;
  audience: ReminderAudience;
  year: number;
  /** ISO dates of the window. */
  opens: string;
  closes: string;
  /** Open items (e.g. discussions not held) and all items, where the reminder counts them. */
  open: number | null;
  total: number | null;
  /** Escalations: how many people (supervisors, directors) the open items are with. */
  responsible: number | null;
  /** Escalations: 1 the supervisor's supervisor, 2 the service-area director, 3 HR. */
  step: number | null;
  /** preparationDue: the meeting's date. */
  meetingDate: string | null;
  action: ReminderAction;
}

export interface Reminder {
  /** The idempotency key of the day's send: date + kind + phase + scope (audience, or escalation step). */
  campaignId: string;
  /** Unique within the campaign. */
  recipientKey: string;
  recipient: ReminderRecipient;
  locale: Locale;
  message: ReminderMessage;
}

export function recipientKey(recipient: ReminderRecipient): string {
  switch (recipient.kind) {
    case 'person':
      return `person:${recipient.personId}`;
    case 'serviceAreaChannel':
      return `area:${recipient.serviceAreaId}`;
    case 'teamChannel':
      return `team:${recipient.teamId}`;
  }
}

/**
 * One campaign per variant of a reminder, so a supervisor who is also an employee hears both as supervisor and
 * as employee on the day a window opens, and each of them once however often the day is run.
 */
export function campaignId(
  date: string,
  kind: ReminderKind,
  phaseId: string,
  scope: string | number,
): string {
  return [date, kind, phaseId, String(scope)].join('|');
}

/** The parts of a clock campaign's id; null for an id the clock did not make. */
export function parseCampaignId(
  id: string,
): { date: string; kind: ReminderKind; phaseId: string; scope: string } | null {
  const [date, kind, phaseId, scope, ...rest] = id.split('|');
  const isKind = (REMINDER_KINDS as readonly string[]).includes(kind ?? '');
  if (rest.length > 0 || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isKind || !phaseId || !scope)
    return null;
  return { date, kind: kind as ReminderKind, phaseId, scope };
}
