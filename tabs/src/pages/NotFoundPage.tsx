import { Link } from '@fluentui/react-components';
import { PageLayout } from '../components/PageLayout';
import { useI18n } from '../i18n/I18nContext';
import { buildHash } from '../routing/hashRoute';

export function NotFoundPage({ path }: { path: string }) {
  const { t } = useI18n();
  return (
    <PageLayout title={t('notFound.heading')}>
      <p>{t('notFound.body', { path })}</p>
      <p>
        <Link href={buildHash('/personal')}>{t('notFound.link')}</Link>
      </p>
    </PageLayout>
  );
}
