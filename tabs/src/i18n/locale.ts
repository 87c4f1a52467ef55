/** The app's languages, Finnish first; the same mapping rules as the bot's `resolveLocale`. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'fi';

/**
 * Maps a Teams / browser tag ("fi-fi", "sv-SE", "en-US", "de-DE") to one of ours.
 * Unknown languages get English (more likely understood than Finnish); Nordic ones Swedish.
 */
export function resolveLocale(tag: string): Locale {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (language === 'fi' || language === 'sv' || language === 'en') return language;
  if (language === 'nb' || language === 'no' || language === 'nn' || language === 'da') return 'sv';
  return 'en';
}

/** The first tag that is present wins: Teams context, then `?locale=`, then the browser; else Finnish. */
export function chooseLocale(candidates: ReadonlyArray<string | null | undefined>): Locale {
  for (const tag of candidates) {
    if (tag && tag.trim()) return resolveLocale(tag);
  }
  return DEFAULT_LOCALE;
}

/**
 * The Intl tag for formatting. Swedish and English use Finnish-region conventions where they differ
 * from Sweden's or the US's, since the readers are a Finnish municipality's staff (sv-FI: 31.3.2026).
 */
export function intlTag(locale: Locale): string {
  switch (locale) {
    case 'fi':
      return 'fi-FI';
    case 'sv':
      return 'sv-FI';
    case 'en':
      return 'en-GB';
  }
}
