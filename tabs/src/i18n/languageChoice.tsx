import { createContext, useContext } from 'react';
import type { Locale } from './locale';

/**
 * Tells the app the person chose another language in the personal tab, so the page switches at once (the
 * service stores the choice; the next sign-in reads it from `/api/v1/me`).
 */
const LanguageChoiceContext = createContext<(locale: Locale) => void>(() => undefined);
export const LanguageChoiceProvider = LanguageChoiceContext.Provider;

export function useLanguageChosen(): (locale: Locale) => void {
  return useContext(LanguageChoiceContext);
}
