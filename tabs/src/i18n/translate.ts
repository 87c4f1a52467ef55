import { interpolate } from '../../../bot/src/i18n/interpolate';
import { en } from './en';
import { fi, type MessageKey, type Messages } from './fi';
import type { Locale } from './locale';
import { sv } from './sv';

const CATALOGUES: Record<Locale, Messages> = { fi, sv, en };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function createTranslator(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale];
  return (key, params) => interpolate(catalogue[key], params);
}
