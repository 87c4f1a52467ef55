/**
 * The organisation's time, in one place: Finnish municipalities keep Finnish time (the Organisation record has no
 * zone of its own), so the clock's windows, meeting days and rounds are calendar dates in Europe/Helsinki, and
 * the cards' date and time inputs mean local time there. Stored times stay in UTC. Also how a date or time is
 * written for a reader in each of our languages.
 */
import type { Locale } from './locale';

export const ORGANISATION_TIME_ZONE = 'Europe/Helsinki';

/** The Intl locale of each of our languages: Finnish and Swedish as written in Finland, English as in Britain. */
export const INTL_LOCALE_TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ORGANISATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

type LocalParts = { date: string; time: string; seconds: string; year: number; hour: number };

/**
 * The last second asked for and its parts: every card submit asks for now's round year and dates, and
 * `formatToParts` is the costly part, so within one second the parts are only copied.
 */
let lastSecond: { second: number; parts: LocalParts } | null = null;

/** The local calendar date ("YYYY-MM-DD"), time ("HH:MM"), seconds ("SS"), year and hour of an instant. */
export function localParts(instant: Date): LocalParts {
  const second = Math.floor(instant.getTime() / 1000);
  if (lastSecond?.second !== second) lastSecond = { second, parts: formatParts(instant) };
  return { ...lastSecond.parts };
}

function formatParts(instant: Date): LocalParts {
  const parts = partsFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year');
  return {
    date: `${year}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    seconds: part('second'),
    year: Number(year),
    hour: Number(part('hour')),
  };
}

/** YYYY-MM-DD of an instant in the organisation's time zone. */
export function organisationDate(instant: Date): string {
  return localParts(instant).date;
}

/** The calendar year in the organisation's time zone (not the round: see annual-clock-rules' currentRoundYear). */
export function organisationYear(instant: Date): number {
  return localParts(instant).year;
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

/** One formatter per language, built once (constructing Intl.DateTimeFormat is the costly part). */
function perLocale(options: Intl.DateTimeFormatOptions): Record<Locale, Intl.DateTimeFormat> {
  return Object.fromEntries(
    Object.entries(INTL_LOCALE_TAGS).map(([locale, tag]) => [locale, new Intl.DateTimeFormat(tag, options)]),
  ) as Record<Locale, Intl.DateTimeFormat>;
}

// A calendar date has no zone: formatted at UTC midnight so that no offset moves it to another day.
const dayFormats = perLocale({ timeZone: 'UTC', dateStyle: 'short' });
const dateTimeFormats = perLocale({
  timeZone: ORGANISATION_TIME_ZONE,
  dateStyle: 'short',
  timeStyle: 'short',
});
const longDateTimeFormats = perLocale({
  timeZone: ORGANISATION_TIME_ZONE,
  dateStyle: 'full',
  timeStyle: 'short',
});
const instantDayFormats = perLocale({ timeZone: ORGANISATION_TIME_ZONE, dateStyle: 'medium' });

/** A calendar date ("YYYY-MM-DD") as the reader writes it, e.g. 31.3.2027. */
export function formatDate(date: string, locale: Locale): string {
  return dayFormats[locale].format(new Date(`${date}T00:00:00Z`));
}

/** Date windows (ISO dates) as the reader writes them: "1.1.2027–31.3.2027". */
export function formatWindows(windows: readonly { opens: string; closes: string }[], locale: Locale): string {
  return windows.map((w) => `${formatDate(w.opens, locale)}–${formatDate(w.closes, locale)}`).join(', ');
}

/**
 * The last minute `formatDateTime` formatted, per language: a discussion card shows when it was saved, and the
 * cards made in one minute mostly show that minute (formatting took some 20 µs, on every card of every submit).
 */
const lastFormattedMinute = new Map<Locale, { minute: number; text: string }>();

/** An instant's local date and time, short: "31.3.2027 klo 9.00". */
export function formatDateTime(iso: string, locale: Locale): string {
  const instant = new Date(iso);
  // The format shows minutes, and the organisation's offset from UTC is whole minutes: one minute, one text.
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastFormattedMinute.get(locale);
  if (last?.minute === minute) return last.text;
  const text = dateTimeFormats[locale].format(instant);
  lastFormattedMinute.set(locale, { minute, text });
  return text;
}

/** An instant's local date and time with the weekday: "keskiviikko 31. maaliskuuta 2027 klo 9.00". */
export function formatLongDateTime(instant: Date, locale: Locale): string {
  return longDateTimeFormats[locale].format(instant);
}

/** The local day of an instant, medium: "31.3.2027" / "31 Mar 2027". */
export function formatInstantDate(iso: string, locale: Locale): string {
  return instantDayFormats[locale].format(new Date(iso));
}
