/** Looks up the bot's texts in the user's language (fi, sv, en) and fills in `{name}` placeholders. */
import type { Locale, LocalisedText } from '../domain/locale';
import { fi, type Catalogue, type MessageKey } from './catalogue-fi';
import { sv } from './catalogue-sv';
import { en } from './catalogue-en';
import { interpolate } from './interpolate';

const catalogues: Record<Locale, Catalogue> = { fi, sv, en };

export type { MessageKey };

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return interpolate(catalogues[locale][key], params);
}

/** A text of this catalogue in every language, for a catalogue that keeps its texts as LocalisedText. */
export function localisedText(key: MessageKey): LocalisedText {
  return { fi: fi[key], sv: sv[key], en: en[key] };
}

/** All languages' texts for a key, e.g. to recognise commands typed in any language. */
export function allTranslations(key: MessageKey): string[] {
  return Object.values(catalogues).map((catalogue) => catalogue[key]);
}
