import { en } from './en';
import { fi, type MessageKey, type Messages } from './fi';
import type { Locale } from './locale';
import { sv } from './sv';

const CATALOGUES: Record<Locale, Messages> = { fi, sv, en };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Replaces `{name}` with its parameter; an unknown name is left visible so a missing value is noticed. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function createTranslator(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale];
  return (key, params) => interpolate(catalogue[key], params);
}
