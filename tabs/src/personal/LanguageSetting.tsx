import { Field, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { asApiError } from '../api/http';
import { fetchLanguageChoice, saveLanguageChoice, type LanguageChoiceView } from '../api/language';
import { useResource } from '../api/useResource';
import { errorMessage, ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nContext';
import { useLanguageChosen } from '../i18n/languageChoice';
import type { Translate } from '../i18n/translate';
import { LOCALES, type Locale } from '../i18n/locale';

/** Each language by its own name, so a person finds theirs whatever language the page is in. */
const LANGUAGE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/**
 * The person's own language for Osaamiskello: the bot's messages, cards and reminders and these tabs. Until they
 * choose, their HR record's language applies. A change is saved at once with the ETag read; when it was changed
 * elsewhere meanwhile (in chat), the stored choice is shown with a note and nothing is overwritten.
 */
export function LanguageSetting({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const chosen = useLanguageChosen();
  const { state, retry, update } = useResource((signal) => fetchLanguageChoice(api, signal), 'language');
  const [pending, setPending] = useState<Locale | null>(null);
  // Kept as what to say, not as text: a new language re-renders it in that language.
  const [message, setMessage] = useState<{
    intent: 'success' | 'warning' | 'error';
    text: (translate: Translate) => string;
  } | null>(null);

  if (state.status === 'loading') return <LoadingState label={t('language.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const view = state.data;

  const choose = async (locale: Locale) => {
    setPending(locale);
    setMessage(null);
    try {
      const saved = await saveLanguageChoice(api, locale, view.etag);
      update(() => saved);
      chosen(saved.effective);
      setMessage({
        intent: 'success',
        text: (translate) => translate('language.saved', { language: LANGUAGE_NAMES[saved.effective] }),
      });
    } catch (caught) {
      const apiError = asApiError(caught);
      const latest = apiError.service?.details?.latest as LanguageChoiceView | undefined;
      if (apiError.kind === 'conflict' && latest) {
        update(() => latest);
        chosen(latest.effective);
        setMessage({ intent: 'warning', text: (translate) => translate('language.conflict') });
      } else setMessage({ intent: 'error', text: (translate) => errorMessage(apiError, translate) });
    } finally {
      setPending(null);
    }
  };

  return (
    <>
      <Field
        label={t('language.label')}
        hint={
          view.chosen
            ? t('language.hintChosen')
            : t('language.hintRecord', { language: LANGUAGE_NAMES[view.record] })
        }
      >
        <RadioGroup
          value={pending ?? view.effective}
          disabled={pending !== null}
          onChange={(_, data) => void choose(data.value as Locale)}
        >
          {LOCALES.map((locale) => (
            <Radio key={locale} value={locale} label={LANGUAGE_NAMES[locale]} lang={locale} />
          ))}
        </RadioGroup>
      </Field>
      {message ? (
        <MessageBar intent={message.intent} layout="multiline" role="status">
          <MessageBarBody>{message.text(t)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

export function LanguageSection({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  return (
    <Section title={t('language.heading')}>
      <LanguageSetting api={api} />
    </Section>
  );
}
