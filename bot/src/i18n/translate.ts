/** Looks up the bot's texts in the user's language (fi, sv, en) and fills in `{name}` placeholders. */
import type { Locale, LocalisedText } from '../domain/locale';
import { MESSAGES, type MessageKey } from './catalogue';
import { interpolate } from './interpolate';

export type { MessageKey };

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return interpolate(MESSAGES[key][locale], params);
}

/** A text of this catalogue in every language, for a feature catalogue that reuses a shared entry. */
export function localisedText(key: MessageKey): LocalisedText {
  return MESSAGES[key];
}

/** All languages' texts for a key, e.g. to recognise commands typed in any language. */
export function allTranslations(key: MessageKey): string[] {
  return Object.values(MESSAGES[key]);
}
