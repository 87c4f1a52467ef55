import { intlTag, type Locale } from './locale';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date ("2026-03-31") as a UTC timestamp, so no time zone can move it to another day. */
export function isoDateToUtc(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date: ${iso}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  // Rejects 2026-02-30 and the like, which Date.UTC would silently roll over.
  return new Date(isoDateToUtc(value)).toISOString().slice(0, 10) === value;
}

/** Short numeric date in the locale's convention: fi 31.3.2026, sv 31.3.2026, en 31/03/2026. */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(isoDateToUtc(iso));
}

/** The twelve month names, from the platform so no language is hard-coded. */
export function monthNames(locale: Locale, width: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(intlTag(locale), { month: width, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(Date.UTC(2000, month, 1)));
}

/** A meeting time in the reader's own time zone: fi "ke 10.2.2027 klo 9.00". */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(intlTag(locale), options).format(value);
}
