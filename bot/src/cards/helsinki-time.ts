/**
 * Dates and times as people in the municipality read and type them: Finnish local time (Europe/Helsinki),
 * which is what the cards' date and time inputs mean. Stored times stay in UTC.
 */
import type { Locale } from '../domain/locale';

const ZONE = 'Europe/Helsinki';

const LOCALE_TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const displayFormats = Object.fromEntries(
  Object.entries(LOCALE_TAGS).map(([locale, tag]) => [
    locale,
    new Intl.DateTimeFormat(tag, { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' }),
  ]),
) as Record<Locale, Intl.DateTimeFormat>;

/** The local calendar date ("YYYY-MM-DD") and time ("HH:MM") of an instant. */
export function localParts(instant: Date): { date: string; time: string; year: number } {
  const parts = partsFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year');
  return {
    date: `${year}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    year: Number(year),
  };
}

function offsetMinutes(instant: Date): number {
  const { date, time } = localParts(instant);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** "YYYY-MM-DD" and "HH:MM" in local time as an ISO date-time with its offset, e.g. "…T09:00:00+02:00". */
export function zonedDateTime(date: string, time: string): string {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // The offset of the instant itself, found from a first guess one offset away (daylight saving moves it).
  const guess = naive - offsetMinutes(new Date(naive)) * 60_000;
  const offset = offsetMinutes(new Date(naive - offsetMinutes(new Date(guess)) * 60_000));
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${date}T${time}:00${sign}${hours}:${minutes}`;
}

const dayFormats = Object.fromEntries(
  Object.entries(LOCALE_TAGS).map(([locale, tag]) => [
    locale,
    new Intl.DateTimeFormat(tag, { timeZone: 'UTC', dateStyle: 'short' }),
  ]),
) as Record<Locale, Intl.DateTimeFormat>;

/** A calendar date ("YYYY-MM-DD") as the reader writes it, e.g. 31.3.2027. */
export function formatDate(date: string, locale: Locale): string {
  return dayFormats[locale].format(new Date(`${date}T00:00:00Z`));
}

/** Date windows (ISO dates) as the reader writes them: "1.1.2027–31.3.2027". */
export function formatWindows(windows: readonly { opens: string; closes: string }[], locale: Locale): string {
  return windows.map((w) => `${formatDate(w.opens, locale)}–${formatDate(w.closes, locale)}`).join(', ');
}

export function formatDateTime(iso: string, locale: Locale): string {
  return displayFormats[locale].format(new Date(iso));
}
