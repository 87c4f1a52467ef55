/**
 * The development discussion's event in the supervisor's own calendar, when Graph is configured: created on
 * scheduling, moved with the meeting, cancelled with it. A failure never undoes the stored meeting: the
 * answer names what went wrong (in the caller's language) and the invitation offers Teams' meeting form and the .ics download instead.
 */
import { createHash } from 'node:crypto';
import { GraphCalendarError, type GraphCalendar, type MeetingEvent } from '../calendar/graph-calendar';
import type { OnBehalfOfCaller } from '../calendar/on-behalf-of';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import { fullName, meetingUid, type MeetingDetails } from './invitation-message';
import { fill } from './invitation-texts';
import { TABS_API_MESSAGES } from '../http-kit/tabs-api-messages';

export interface CalendarCaller extends OnBehalfOfCaller {
  /** The language of the API's answer. */
  locale: Locale;
}

import type { CalendarOutcome } from '../contract/team';

export type { CalendarOutcome };

export type CalendarSync<T> = { outcome: CalendarOutcome; value: T | null };

/** The event as the supervisor reads it, in the supervisor's language. */
export function meetingEvent(details: MeetingDetails): MeetingEvent {
  const { employee, supervisor, year } = details;
  const locale = supervisor.locale;
  return {
    transactionId: createHash('sha256')
      .update(`${meetingUid(employee.tenantId, year, employee.id)}\n${details.at.toISOString()}`)
      .digest('hex')
      .slice(0, 32),
    subject: fill('eventSummary', locale, { year }),
    body: fill('eventDescription', locale, {
      employee: fullName(employee),
      supervisor: fullName(supervisor),
    }),
    start: details.start,
    end: new Date(details.start.getTime() + details.durationMinutes * 60_000),
    attendee: { name: fullName(employee), email: employee.email },
  };
}

/** Graph mails this to the attendee with the cancellation: in the employee's own language. */
export function cancellationComment(employee: Person, supervisor: Person, year: number): string {
  return fill('cancelledBody', employee.locale, { supervisor: fullName(supervisor), year });
}

/** Runs one Graph change; a refused or unreachable calendar becomes the .ics outcome with its reason. */
export async function viaCalendar<T>(
  calendar: GraphCalendar | null,
  caller: CalendarCaller | null,
  change: (calendar: GraphCalendar, caller: CalendarCaller) => Promise<T>,
): Promise<CalendarSync<T>> {
  if (!calendar || !caller) return { outcome: { via: 'ics' }, value: null };
  try {
    return { outcome: { via: 'graph' }, value: await change(calendar, caller) };
  } catch (error) {
    if (!(error instanceof GraphCalendarError)) throw error;
    const code = error.reason === 'consentMissing' ? 'calendar.consentMissing' : 'calendar.unavailable';
    return {
      outcome: { via: 'ics', error: { code, message: TABS_API_MESSAGES[code][caller.locale] } },
      value: null,
    };
  }
}

/** Moves the event, or creates it when there is none yet (or the supervisor deleted it): its id. */
export async function placeEvent(
  calendar: GraphCalendar,
  caller: CalendarCaller,
  eventId: string | null,
  event: MeetingEvent,
): Promise<string> {
  if (eventId) {
    try {
      await calendar.update(caller, eventId, event);
      return eventId;
    } catch (error) {
      if (!(error instanceof GraphCalendarError) || error.reason !== 'eventGone') throw error;
    }
  }
  return calendar.create(caller, event);
}

/** Cancels the event; one already deleted from the calendar is as good as cancelled. */
export async function cancelEvent(
  calendar: GraphCalendar,
  caller: CalendarCaller,
  eventId: string,
  comment: string,
): Promise<void> {
  try {
    await calendar.cancel(caller, eventId, comment);
  } catch (error) {
    if (!(error instanceof GraphCalendarError) || error.reason !== 'eventGone') throw error;
  }
}
