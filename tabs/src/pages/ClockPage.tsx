import { ClockView } from '../components/ClockView';
import { PageLayout } from '../components/PageLayout';
import { useI18n } from '../i18n/I18nContext';
import { navigate, type HashRoute } from '../routing/hashRoute';
import { yearFromQuery } from '../routing/tabUrls';

/** The organisation's annual clock for one year (public: the same for everyone). */
export function ClockPage({ route }: { route: HashRoute }) {
  const { t } = useI18n();
  const year = yearFromQuery(route.query.get('year'));
  return (
    <PageLayout title={t('clockPage.heading')}>
      <ClockView year={year} onYearChange={(next) => navigate('/clock', { year: next })} />
    </PageLayout>
  );
}
