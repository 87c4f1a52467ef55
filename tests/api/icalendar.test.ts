/** The iCalendar writer and the meeting's file from the API: what calendar programs need to read it right (RFC 5545, 5546). */
import { calendarInvitation, escapeText, foldLine } from '../../bot/src/api/icalendar';
import {
  call,
  IN_WINDOW,
  meetingCalendar,
  meetingPath,
  newOrganisation,
  ROUND_YEAR,
  startTabsApi,
  tokenOf,
  type TestApi,
} from './tabs-api-fixture';

const EVENT = {
  uid: 'abc@osaamiskello',
  sequence: 7,
  start: new Date('2027-02-10T07:00:00Z'),
  end: new Date('2027-02-10T08:00:00Z'),
  stamp: new Date('2026-11-23T10:00:00Z'),
  summary: 'Kehityskeskustelu 2027',
  description: 'Rivi 1\nRivi 2; pilkku, kenoviiva \\',
  organizer: { name: 'Sanna Esimies, tiiminvetäjä', email: 'sanna@example.test' },
  attendee: { name: 'Matti "Masa" Meikäläinen', email: 'matti@example.test' },
  method: 'REQUEST' as const,
};

test('every line ends in CRLF and no line is longer than 75 octets, even with multi-byte letters', () => {
  const text = calendarInvitation({ ...EVENT, description: 'Äöå'.repeat(60) });
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const unfolded = text.replace(/\r\n /g, '');
  expect(unfolded).toContain(`DESCRIPTION:${'Äöå'.repeat(60)}\r\n`);
});

test('folding never splits a character, and a continuation line starts with one space', () => {
  const folded = foldLine(`X:${'ä'.repeat(80)}`);
  const lines = folded.split('\r\n');
  expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
  expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(`X:${'ä'.repeat(80)}`);
});

test('text values escape backslash, semicolon, comma and line breaks; parameters are quoted or cleaned', () => {
  expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  const unfolded = calendarInvitation(EVENT).replace(/\r\n /g, '');
  expect(unfolded).toContain('DESCRIPTION:Rivi 1\\nRivi 2\\; pilkku\\, kenoviiva \\\\\r\n');
  expect(unfolded).toContain('ORGANIZER;CN="Sanna Esimies, tiiminvetäjä":mailto:sanna@example.test\r\n');
  expect(unfolded).toContain('ATTENDEE;CN=Matti Masa Meikäläinen;ROLE=REQ-PARTICIPANT;');
});

test('an invitation is a REQUEST in UTC; a cancellation the same event, CANCELLED', () => {
  const request = calendarInvitation(EVENT);
  const cancel = calendarInvitation({ ...EVENT, sequence: 8, method: 'CANCEL' });
  expect(request).toContain('METHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:abc@osaamiskello\r\nSEQUENCE:7\r\n');
  expect(request).toContain('DTSTART:20270210T070000Z\r\nDTEND:20270210T080000Z\r\n');
  expect(request).toContain('STATUS:CONFIRMED\r\n');
  expect(cancel).toContain('METHOD:CANCEL\r\n');
  expect(cancel).toContain('SEQUENCE:8\r\n');
  expect(cancel).toContain('STATUS:CANCELLED\r\n');
  expect(cancel).not.toContain('RSVP=TRUE');
});

/**
 * The meeting's file from the tab API (the real app on Azurite): an iCalendar object with its own media type
 * (RFC 5545 8.1, text/calendar), and once the supervisor calls the meeting off, its cancellation as RFC 5546
 * defines it (3.2.5 CANCEL): the same event (UID), a higher SEQUENCE, STATUS:CANCELLED.
 */
describe('the meeting’s .ics from the tab API', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTabsApi();
  });

  afterAll(async () => {
    await api?.stop();
  });

  /** One property's value of an unfolded calendar (RFC 5545 3.1), e.g. UID. */
  const property = (ics: string, name: string): string | undefined =>
    new RegExp(`^${name}:(.*)$`, 'm').exec(ics.replace(/\r\n /g, '').replace(/\r\n/g, '\n'))?.[1];

  async function setUp() {
    const org = await newOrganisation(api.app);
    const supervisorToken = await tokenOf(api.app, org, org.people.supervisor);
    const employeeToken = await tokenOf(api.app, org, org.people.employee);
    const path = `/api/v1/discussions/${ROUND_YEAR}/${org.people.employee.id}/meeting.ics`;
    return {
      schedule: (scheduledAt: string, etag: string | null) =>
        call<{ discussion: { etag: string } }>(
          api.app,
          supervisorToken,
          'PUT',
          meetingPath(org.people.employee.id),
          {
            body: { scheduledAt, durationMinutes: 60 },
            ifMatch: etag,
          },
        ),
      cancel: (etag: string) =>
        call<{ discussion: { etag: string } }>(
          api.app,
          supervisorToken,
          'DELETE',
          meetingPath(org.people.employee.id),
          {
            ifMatch: etag,
          },
        ),
      fileFor: (who: 'employee' | 'supervisor') =>
        meetingCalendar(api.app, who === 'employee' ? employeeToken : supervisorToken, path),
    };
  }

  test('a scheduled meeting is answered as text/calendar, a file to save, not JSON', async () => {
    const meeting = await setUp();
    expect((await meeting.schedule(IN_WINDOW, null)).status).toBe(200);

    const file = await meeting.fileFor('employee');

    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/calendar; charset=utf-8');
    expect(file.fileName).toBe(`kehityskeskustelu-${ROUND_YEAR}.ics`);
    expect(() => JSON.parse(file.text)).toThrow();
    expect(file.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(property(file.text, 'METHOD')).toBe('REQUEST');
    expect(property(file.text, 'DTSTART')).toBe('20270210T070000Z');
    expect(property(file.text, 'DTEND')).toBe('20270210T080000Z');
    expect(property(file.text, 'STATUS')).toBe('CONFIRMED');
    expect((await meeting.fileFor('supervisor')).text).toBe(file.text);
  });

  test('a cancelled meeting gives METHOD:CANCEL for the same event, a higher SEQUENCE and STATUS:CANCELLED', async () => {
    const meeting = await setUp();
    const scheduled = await meeting.schedule(IN_WINDOW, null);
    const invitation = (await meeting.fileFor('employee')).text;
    // The app's clock stands still in this test: the cancellation is made in the same second as the invitation.
    const cancelled = await meeting.cancel(scheduled.body.discussion.etag);
    expect(cancelled.status).toBe(200);

    const file = await meeting.fileFor('employee');

    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/calendar; charset=utf-8');
    expect(property(file.text, 'METHOD')).toBe('CANCEL');
    expect(property(file.text, 'STATUS')).toBe('CANCELLED');
    expect(property(file.text, 'UID')).toBe(property(invitation, 'UID'));
    expect(Number(property(file.text, 'SEQUENCE'))).toBeGreaterThan(Number(property(invitation, 'SEQUENCE')));
    // The cancelled event is the one that was booked: its time, and no request for an answer.
    expect(property(file.text, 'DTSTART')).toBe(property(invitation, 'DTSTART'));
    expect(property(file.text, 'DTEND')).toBe(property(invitation, 'DTEND'));
    expect(file.text).not.toContain('RSVP=TRUE');
    expect((await meeting.fileFor('supervisor')).text).toBe(file.text);

    // A new time after the cancellation is an invitation again.
    const again = await meeting.schedule('2027-03-01T13:00:00+02:00', cancelled.body.discussion.etag);
    expect(again.status).toBe(200);
    const rebooked = await meeting.fileFor('employee');
    expect(property(rebooked.text, 'METHOD')).toBe('REQUEST');
    expect(property(rebooked.text, 'DTSTART')).toBe('20270301T110000Z');
  });

  test('nothing scheduled, nothing cancelled: no file (404)', async () => {
    const meeting = await setUp();
    expect((await meeting.fileFor('employee')).status).toBe(404);
  });
});
