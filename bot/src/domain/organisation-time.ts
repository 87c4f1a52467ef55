/**
 * The organisation's calendar day. Finnish municipalities keep Finnish time (the Organisation record has no
 * zone of its own), and the clock's windows, meeting days and rounds are calendar dates in that zone.
 */
export const ORGANISATION_TIME_ZONE = 'Europe/Helsinki';

const localDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ORGANISATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of an instant in the organisation's time zone. */
export function organisationDate(instant: Date): string {
  return localDateFormat.format(instant);
}
