/**
 * When a development discussion's meeting may be: one set of rules for the card, the supervisor's tab and the
 * API. A meeting of a round lies in that round's development-discussion window (of the employee's service
 * area, as Finnish calendar days), not in the past, and only in a year the person has a development discussion
 * (the alternating-year model). It is marked held on or after its day, not before. Pure: the tab imports it
 * too, so what it proposes and refuses is what the service accepts.
 */
import { organisationDate } from './organisation-time';

export const MEETING_TIME_PROBLEMS = [
  'meeting.noDiscussionThisYear',
  'meeting.inPast',
  'meeting.outsideWindow',
] as const;
export type MeetingTimeProblem = (typeof MEETING_TIME_PROBLEMS)[number];

/** What the rules need to know of the discussion's round for the employee. */
export interface MeetingRound {
  /** The round's development-discussion windows, ISO dates both ends inclusive. */
  windows: readonly { opens: string; closes: string }[];
  /** Whether the employee has a development discussion in this round (conversationsFor). */
  holdsDiscussion: boolean;
}

/** The first problem with a meeting starting at `start`, or null when the time may be booked. */
export function meetingTimeProblem(start: Date, now: Date, round: MeetingRound): MeetingTimeProblem | null {
  if (!round.holdsDiscussion) return 'meeting.noDiscussionThisYear';
  if (start.getTime() < now.getTime()) return 'meeting.inPast';
  const day = organisationDate(start);
  if (!round.windows.some((w) => w.opens <= day && day <= w.closes)) return 'meeting.outsideWindow';
  return null;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const isWeekend = (date: string): boolean => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * The day a new meeting is first proposed on: the first weekday from tomorrow that lies in a window, so a
 * default never starts out refused. Null when every window has closed.
 */
export function defaultMeetingDay(round: Pick<MeetingRound, 'windows'>, now: Date): string | null {
  const tomorrow = nextDay(organisationDate(now));
  const candidates = round.windows
    .filter((w) => w.closes >= tomorrow)
    .map((w) => (w.opens > tomorrow ? w.opens : tomorrow))
    .sort();
  for (const start of candidates) {
    const window = round.windows.find((w) => w.opens <= start && start <= w.closes);
    for (let day = start; window && day <= window.closes; day = nextDay(day)) {
      if (!isWeekend(day)) return day;
    }
  }
  return null;
}

/** A discussion is marked held on or after the day of its meeting (Finnish calendar days). */
export function mayMarkHeld(scheduledAt: string | null, now: Date): boolean {
  return scheduledAt !== null && organisationDate(now) >= organisationDate(new Date(scheduledAt));
}
