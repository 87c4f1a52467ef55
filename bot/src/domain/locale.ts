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
