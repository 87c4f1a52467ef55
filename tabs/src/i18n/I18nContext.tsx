import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatDate, formatDateTime, formatNumber } from './format';
import { DEFAULT_LOCALE, type Locale } from './locale';
import { createTranslator, type Translate } from './translate';

export interface I18n {
  locale: Locale;
  t: Translate;
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
}

function makeI18n(locale: Locale): I18n {
  return {
    locale,
    t: createTranslator(locale),
    formatDate: (iso) => formatDate(iso, locale),
    formatDateTime: (iso) => formatDateTime(iso, locale),
    formatNumber: (value, options) => formatNumber(value, locale, options),
  };
}

const I18nContext = createContext<I18n>(makeI18n(DEFAULT_LOCALE));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => makeI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
