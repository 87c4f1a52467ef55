/** Looks up the bot's texts in the user's language (fi, sv, en) and fills in `{name}` placeholders. */
import type { Locale } from '../domain/locale';
import { fi, type Catalogue, type MessageKey } from './catalogue-fi';
import { sv } from './catalogue-sv';
import { en } from './catalogue-en';

const catalogues: Record<Locale, Catalogue> = { fi, sv, en };

export type { MessageKey };

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** All languages' texts for a key, e.g. to recognise commands typed in any language. */
export function allTranslations(key: MessageKey): string[] {
  return Object.values(catalogues).map((catalogue) => catalogue[key]);
}
