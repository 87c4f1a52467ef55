import type { Locale } from '../i18n/locale';
import type { ApiClient } from './client';
import { expectShape } from './shape';

/** The signed-in person's own choice of language (`GET`/`PUT /api/v1/me/language`). */
export interface LanguageChoiceView {
  /** Null: the person has not chosen; their HR record's language applies. */
  chosen: Locale | null;
  record: Locale;
  effective: Locale;
  etag: string | null;
}

export async function fetchLanguageChoice(api: ApiClient, signal: AbortSignal): Promise<LanguageChoiceView> {
  const body = await api.get('/api/v1/me/language', {}, signal);
  return expectShape<LanguageChoiceView>(body, [], 'language');
}

export async function saveLanguageChoice(
  api: ApiClient,
  locale: Locale,
  ifMatch: string | null,
): Promise<LanguageChoiceView> {
  const body = await api.send('PUT', '/api/v1/me/language', { body: { locale }, ifMatch });
  return expectShape<LanguageChoiceView>(body, [], 'language');
}
