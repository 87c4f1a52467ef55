import type { LanguageChoiceView } from '../../../bot/src/contract/personal';
import type { Locale } from '../i18n/locale';
import type { ApiClient } from './client';
import { expectShape } from './shape';

export type { LanguageChoiceView } from '../../../bot/src/contract/personal';

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
