/** The iCalendar writer: what calendar programs need to read the invitation right (RFC 5545). */
import { calendarInvitation, escapeText, foldLine } from '../../bot/src/api/icalendar';

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
