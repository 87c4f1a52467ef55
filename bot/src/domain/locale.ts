/** Finnish first; Swedish and English for bilingual municipalities. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Text in each of the app's languages. */
export type LocalisedText = Record<Locale, string>;

/**
 * Maps a Teams / browser locale tag ("fi-FI", "sv-SE", "en-US", "de-DE") to one of ours.
 * Unknown languages get English (more likely understood than Finnish); a missing tag gets the fallback.
 */
export function resolveLocale(tag: string | null | undefined, fallback: Locale = 'fi'): Locale {
  if (!tag) return fallback;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (language === 'fi' || language === 'sv' || language === 'en') return language;
  if (language === 'nb' || language === 'no' || language === 'da') return 'sv';
  return 'en';
}

/** A person's own choice of language for the app (chat, cards, reminders, tabs), made in chat or the personal tab. */
export interface LanguageChoice {
  tenantId: string;
  /** The HR system's person id. */
  personId: string;
  locale: Locale;
  updatedAt: string;
}

/**
 * The one rule for the language the app speaks to someone: their own stored choice, else the language of their
 * HR record, else their Teams client's (only for someone the app does not know), else the organisation's.
 */
export function personLocale(sources: {
  chosen?: Locale | null;
  record?: Locale | null;
  client?: Locale | null;
  organisation: Locale;
}): Locale {
  return sources.chosen ?? sources.record ?? sources.client ?? sources.organisation;
}
