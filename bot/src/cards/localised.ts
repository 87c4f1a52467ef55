/**
 * Texts of the summaries, group-discussion, training-plan, strategy and development-action features: each
 * feature keeps its catalogue (a LocalisedText per key, fi first) beside its code; this fills one in.
 */
import type { Locale, LocalisedText } from '../domain/locale';

export type Catalogue<K extends string> = Record<K, LocalisedText>;

export function localised(
  text: LocalisedText,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one catalogue and language. */
export function translator<K extends string>(
  catalogue: Catalogue<K>,
  locale: Locale,
): (key: K, params?: Record<string, string | number>) => string {
  return (key, params) => localised(catalogue[key], locale, params);
}

const DATE_LOCALES: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A date as people in Finland read it, in their language. */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    timeZone: 'Europe/Helsinki',
    dateStyle: 'medium',
  }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(DATE_LOCALES[locale], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}
