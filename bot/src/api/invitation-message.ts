/**
 * The message an employee gets when their supervisor schedules, moves or cancels their development
 * discussion: an Adaptive Card with the time and the preparation button, and the meeting as an iCalendar
 * attachment so it can be added to any calendar (only when no Graph calendar event was made).
 */
import { createHash } from 'node:crypto';
import { VERBS } from '../cards/verbs';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import type { OutgoingActivity } from '../fanout/message-sender';
import { calendarInvitation } from './icalendar';
import { fill } from './invitation-texts';
import { ORGANISATION_TIME_ZONE } from './organisation-clock';
import { cardText } from '../cards/card-text';

export type InvitationKind = 'invited' | 'moved' | 'cancelled';

export interface Invitation {
  kind: InvitationKind;
  year: number;
  employee: Person;
  supervisor: Person;
  /** The meeting's start (for a cancellation: the start that was cancelled). */
  start: Date;
  durationMinutes: number;
  /** When the change was made; also orders the calendar's updates of the event. */
  at: Date;
  /** Graph put the event in the calendars: the card says so and carries no .ics. */
  inCalendar?: boolean;
}

const INTL_TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The time as the employee reads it in the fallback text (Finnish time: the organisation's). */
function localTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAGS[locale], {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: ORGANISATION_TIME_ZONE,
  }).format(date);
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

export function invitationCalendar(invitation: Invitation): string {
  const { employee, supervisor, year } = invitation;
  const locale = employee.locale;
  const names = { employee: fullName(employee), supervisor: fullName(supervisor) };
  return calendarInvitation({
    uid: meetingUid(employee.tenantId, year, employee.id),
    // Seconds since the epoch grow with every change, as SEQUENCE must.
    sequence: Math.floor(invitation.at.getTime() / 1000),
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

function card(invitation: Invitation): Record<string, unknown> {
  const { kind, year, employee, supervisor } = invitation;
  const locale = employee.locale;
  const iso = invitation.start.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const title = fill(
    kind === 'cancelled' ? 'cancelledTitle' : kind === 'moved' ? 'movedTitle' : 'invitedTitle',
    locale,
  );
  const body = fill(kind === 'cancelled' ? 'cancelledBody' : 'invitedBody', locale, {
    supervisor: cardText(fullName(supervisor)),
    year,
  });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: body, wrap: true },
      {
        type: 'FactSet',
        facts: [
          // Teams renders DATE() and TIME() in the reader's own time zone and language.
          { title: fill('timeLabel', locale), value: `{{DATE(${iso}, LONG)}} {{TIME(${iso})}}` },
          ...(kind === 'cancelled'
            ? []
            : [
                {
                  title: fill('durationLabel', locale),
                  value: fill('duration', locale, { minutes: invitation.durationMinutes }),
                },
              ]),
        ],
      },
      {
        type: 'TextBlock',
        text: fill(invitation.inCalendar ? 'calendarEventNote' : 'calendarNote', locale),
        wrap: true,
        isSubtle: true,
        size: 'Small',
      },
    ],
    actions:
      kind === 'cancelled'
        ? []
        : [
            {
              type: 'Action.Execute',
              title: fill('prepareButton', locale),
              // The discussion cards' own verb: it opens the employee's preparation, step 1, in place.
              verb: VERBS.open,
              data: { employeeId: employee.id, year, view: { kind: 'step', step: 1 } },
            },
          ],
  };
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
    text: `${title}: ${localTime(invitation.start, locale)}`,
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', content: card(invitation) },
      ...(invitation.inCalendar
        ? []
        : [
            {
              contentType: 'text/calendar',
              name: fill('fileName', locale, { year: invitation.year }),
              content: invitationCalendar(invitation),
            },
          ]),
    ],
  };
}
