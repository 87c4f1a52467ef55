/**
 * When a discussion card says it was saved: the organisation's local date and time to the minute, in the
 * reader's language, right whichever times were shown just before (formatDateTime keeps the last minute).
 */
import { formatDateTime } from '../../bot/src/domain/organisation-time';

test('a saved time is shown as the local minute in each language, whatever was shown before it', () => {
  // Helsinki is UTC+3 in summer and UTC+2 in winter.
  const shown = [
    '2026-03-31T06:00:05.000Z',
    '2026-03-31T06:00:59.999Z',
    '2026-03-31T06:01:00.000Z',
    '2026-03-31T06:00:30.000Z',
    '2026-12-08T23:59:00.000Z',
  ].map((iso) => formatDateTime(iso, 'fi'));
  expect(shown[0]).toMatch(/31\.3\.2026.*9\.00/);
  expect(shown[1]).toBe(shown[0]);
  expect(shown[2]).toMatch(/31\.3\.2026.*9\.01/);
  expect(shown[3]).toBe(shown[0]);
  expect(shown[4]).toMatch(/9\.12\.2026.*1\.59/);
  expect(formatDateTime('2026-03-31T06:00:05.000Z', 'en')).toMatch(/31\/03\/2026.*09:00/);
  expect(formatDateTime('2026-03-31T06:00:05.000Z', 'sv')).toMatch(/31\.3\.2026.*9\.00/);
  expect(formatDateTime('2026-03-31T06:01:05.000Z', 'en')).toMatch(/09:01/);
  expect(() => formatDateTime('not a time', 'fi')).toThrow(RangeError);
});
