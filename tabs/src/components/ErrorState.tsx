import { Button } from '@fluentui/react-components';
import type { ApiError } from '../api/http';
import type { Translate } from '../i18n/translate';
import { useI18n } from '../i18n/I18nContext';
import { Notice } from './Notice';

/**
 * What went wrong, in the user's language: the service's own message when it sent one (it answers in the
 * language the page asked for), else one by kind; the HTTP details stay in the console for support.
 */
export function errorMessage(error: ApiError, t: Translate, year?: number): string {
  if (error.service?.message && error.kind !== 'server') return error.service.message;
  switch (error.kind) {
    case 'network':
      return t('error.network');
    case 'unauthorized':
    case 'forbidden':
      return t('error.unauthorized');
    case 'notFound':
      return year === undefined ? t('error.notFoundGeneric') : t('error.notFound', { year });
    case 'conflict':
      return t('error.conflict');
    case 'refused':
      return t('error.refused');
    case 'server':
      return t('error.server', { status: error.status ?? '?' });
    case 'invalidResponse':
      return t('error.invalidResponse');
  }
}

export interface ErrorStateProps {
  error: ApiError;
  /** The heading; by default "could not be loaded". */
  title?: string;
  /** For the clock's "no clock for {year}". */
  year?: number;
  onRetry?: () => void;
}

export function ErrorState({ error, title, year, onRetry }: ErrorStateProps) {
  const { t } = useI18n();
  return (
    <Notice
      intent="error"
      title={title ?? t('error.loadTitle')}
      actions={onRetry ? <Button onClick={onRetry}>{t('error.retry')}</Button> : null}
    >
      {errorMessage(error, t, year)}
    </Notice>
  );
}
