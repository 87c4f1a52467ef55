/**
 * A small iCalendar (RFC 5545) writer for one meeting: no calendar library is installed, and an invitation
 * needs only one VEVENT. Lines end in CRLF and are folded at 75 octets (3.1); text values escape backslash,
 * semicolon, comma and line breaks (3.3.11); parameter values with a colon, semicolon or comma are quoted,
 * and a double quote, which cannot be quoted, is dropped (3.2).
 */

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarEvent {
  /** Stable across reschedules and the cancellation, so calendars update the same event. */
  uid: string;
  /** Grows with each change of the same event. */
  sequence: number;
  start: Date;
  end: Date;
  stamp: Date;
  summary: string;
  description: string;
  organizer: CalendarPerson;
  attendee: CalendarPerson;
  /** REQUEST to invite or move, CANCEL to call it off. */
  method: 'REQUEST' | 'CANCEL';
}

/** Content lines are folded at 75 octets (a fact: RFC 5545, section 3.1, "Content Lines"). */
const MAX_LINE_OCTETS = 75;

/** 20270115T080000Z */
export function utcDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function parameterValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Splits a content line into ≤ 75-octet pieces without cutting a UTF-8 character in two. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

function person(property: 'ORGANIZER' | 'ATTENDEE', who: CalendarPerson, extra: string): string {
  return `${property};CN=${parameterValue(who.name)}${extra}:mailto:${who.email}`;
}

export function calendarInvitation(event: CalendarEvent): string {
  const cancelled = event.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Osaamiskello//Development discussion//FI',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    person('ORGANIZER', event.organizer, ''),
    person(
      'ATTENDEE',
      event.attendee,
      cancelled ? ';ROLE=REQ-PARTICIPANT' : ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE',
    ),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
