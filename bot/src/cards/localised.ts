/**
 * Texts of the features: each feature keeps its catalogue beside its code in the one shape of every bot catalogue
 * (a LocalisedText `{ fi, sv, en }` per key, like i18n/catalogue.ts); this fills one in.
 */
import type { Locale, LocalisedText } from '../domain/locale';
import { formatInstantDate, INTL_LOCALE_TAGS } from '../domain/organisation-time';
import { interpolate } from '../i18n/interpolate';

export type Catalogue<K extends string> = Record<K, LocalisedText>;

export function localised(
  text: LocalisedText,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return interpolate(text[locale], params);
}

/** A translator bound to one catalogue and language. */
export function translator<K extends string>(
  catalogue: Catalogue<K>,
  locale: Locale,
): (key: K, params?: Record<string, string | number>) => string {
  return (key, params) => localised(catalogue[key], locale, params);
}

/** A date as people in Finland read it, in their language. */
export const formatDate = formatInstantDate;

export function formatNumber(value: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(INTL_LOCALE_TAGS[locale], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}
