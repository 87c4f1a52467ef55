/**
 * The message an employee gets when their supervisor schedules, moves or cancels their development
 * discussion: an Adaptive Card with the time, the preparation button and, unless Graph already put the event in
 * the calendars, a Teams deep link that opens Teams' meeting form pre-filled (subject, time, attendee). A bot
 * cannot attach a file inline in Teams ("Send and receive files using bot": only the file consent flow or Graph),
 * so the .ics for other calendars is downloaded from the tab API (`invitationCalendar`), never attached.
 */
import { createHash } from 'node:crypto';
import type { AdaptiveCard } from '../cards/card-rendering';
import { renderCard } from '../cards/card-templates';
import { VERBS } from '../cards/verbs';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import type { OutgoingActivity } from '../fanout/message-sender';
import { calendarInvitation } from './icalendar';
import { fill } from './invitation-texts';
import { formatLongDateTime } from '../domain/organisation-time';
import { cardText } from '../cards/card-text';

export type InvitationKind = 'invited' | 'moved' | 'cancelled';

/** A development discussion's meeting, as the invitation and the calendar event both describe it. */
export interface MeetingDetails {
  year: number;
  employee: Person;
  supervisor: Person;
  /** The meeting's start (for a cancellation: the start that was cancelled). */
  start: Date;
  durationMinutes: number;
  /**
   * When the change was made: it orders the calendar's updates of the event and, with the discussion's UID, is
   * the creation's idempotency key.
   */
  at: Date;
}

export interface Invitation extends MeetingDetails {
  kind: InvitationKind;
  /** Graph put the event in the calendars: the card says so and carries no .ics. */
  inCalendar?: boolean;
}

export const fullName = (person: Person): string => `${person.firstName} ${person.lastName}`;

/** One event per discussion: the same UID for invitation, moves and cancellation, without a person id in it. */
export function meetingUid(tenantId: string, year: number, employeeId: string): string {
  const digest = createHash('sha256')
    .update(`${tenantId}\n${year}\n${employeeId}`)
    .digest('hex')
    .slice(0, 32);
  return `${digest}@osaamiskello`;
}

/** `sequence`: the event's revision; by default the change's time in seconds, which grows with every change. */
export function invitationCalendar(
  invitation: Invitation,
  sequence = Math.floor(invitation.at.getTime() / 1000),
): string {
  const { employee, supervisor, year } = invitation;
  const locale = employee.locale;
  const names = { employee: fullName(employee), supervisor: fullName(supervisor) };
  return calendarInvitation({
    uid: meetingUid(employee.tenantId, year, employee.id),
    sequence,
    start: invitation.start,
    end: new Date(invitation.start.getTime() + invitation.durationMinutes * 60_000),
    stamp: invitation.at,
    summary: fill('eventSummary', locale, { year }),
    description: fill('eventDescription', locale, names),
    organizer: { name: names.supervisor, email: supervisor.email },
    attendee: { name: names.employee, email: employee.email },
    method: invitation.kind === 'cancelled' ? 'CANCEL' : 'REQUEST',
  });
}

/**
 * "Deep link to open a meeting scheduling dialog": https://teams.microsoft.com/l/meeting/new with subject,
 * startTime, endTime (ISO 8601), content and attendees (comma-separated UPNs), URL-encoded.
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-workflow#deep-link-to-open-a-meeting-scheduling-dialog
 * `attendee`: the other party of whoever opens it (the supervisor for the employee's card, and vice versa).
 */
export function teamsMeetingLink(invitation: Invitation, attendee: Person, locale: Locale): string {
  const { employee, supervisor, year } = invitation;
  const end = new Date(invitation.start.getTime() + invitation.durationMinutes * 60_000);
  const query = new URLSearchParams({
    subject: fill('eventSummary', locale, { year }),
    startTime: invitation.start.toISOString(),
    endTime: end.toISOString(),
    content: fill('eventDescription', locale, {
      employee: fullName(employee),
      supervisor: fullName(supervisor),
    }),
    attendees: attendee.email,
  });
  // URLSearchParams writes spaces as "+"; the deep link's documentation encodes them as %20.
  return `https://teams.microsoft.com/l/meeting/new?${query.toString().replace(/\+/g, '%20')}`;
}

function card(invitation: Invitation): AdaptiveCard {
  const { kind, year, employee, supervisor } = invitation;
  const locale = employee.locale;
  const cancelled = kind === 'cancelled';
  return renderCard('invitation', {
    title: fill(cancelled ? 'cancelledTitle' : kind === 'moved' ? 'movedTitle' : 'invitedTitle', locale),
    body: fill(cancelled ? 'cancelledBody' : 'invitedBody', locale, {
      supervisor: cardText(fullName(supervisor)),
      year,
    }),
    timeLabel: fill('timeLabel', locale),
    start: invitation.start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    duration: cancelled
      ? null
      : {
          title: fill('durationLabel', locale),
          value: fill('duration', locale, { minutes: invitation.durationMinutes }),
        },
    calendarNote: fill(
      invitation.inCalendar ? 'calendarEventNote' : cancelled ? 'cancelledCalendarNote' : 'calendarNote',
      locale,
    ),
    meetingLink:
      cancelled || invitation.inCalendar
        ? null
        : {
            title: fill('teamsCalendarButton', locale),
            url: teamsMeetingLink(invitation, supervisor, locale),
          },
    // The discussion cards' own verb: it opens the employee's preparation, step 1, in place.
    prepare: cancelled
      ? null
      : {
          title: fill('prepareButton', locale),
          verb: VERBS.open,
          data: { employeeId: employee.id, year, view: { kind: 'step', step: 1 } },
        },
  });
}

export function invitationActivity(invitation: Invitation): OutgoingActivity {
  const locale = invitation.employee.locale;
  const kind = invitation.kind;
  const title = fill(
    kind === 'cancelled' ? 'cancelledTitle' : kind === 'moved' ? 'movedTitle' : 'invitedTitle',
    locale,
  );
  return {
    type: 'message',
    summary: title,
    text: `${title}: ${formatLongDateTime(invitation.start, locale)}`,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card(invitation) }],
  };
}
