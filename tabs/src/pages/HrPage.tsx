import { makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/client';
import { fetchClockEditor } from '../api/hr';
import { useResource } from '../api/useResource';
import { ErrorState } from '../components/ErrorState';
import { LinkNavigation } from '../components/LinkNavigation';
import { LoadingState } from '../components/LoadingState';
import { PageLayout } from '../components/PageLayout';
import { SessionGate } from '../components/SessionGate';
import { ClockEditor } from '../hr/ClockEditor';
import { CoachingQuestionsEditor } from '../hr/CoachingQuestionsEditor';
import { ProgressView } from '../hr/ProgressView';
import { SendsView } from '../hr/SendsView';
import { SummariesDesk } from '../hr/SummariesDesk';
import { TrainingPlansDesk } from '../hr/TrainingPlansDesk';
import type { HrYearViewProps } from '../hr/yearViewProps';
import { useI18n } from '../i18n/I18nContext';
import { PrivacyView } from '../privacy/PrivacyView';
import { buildHash, navigate, type HashRoute } from '../routing/hashRoute';

const VIEWS = ['clock', 'progress', 'summaries', 'trainingPlans', 'sends', 'coaching', 'privacy'] as const;
type View = (typeof VIEWS)[number];

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

function HrView({ api, route }: { api: ApiClient; route: HashRoute }) {
  const styles = useStyles();
  const { t } = useI18n();
  const requested = route.query.get('view');
  const view: View = VIEWS.find((v) => v === requested) ?? 'clock';
  const yearText = route.query.get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const { state, retry } = useResource((signal) => fetchClockEditor(api, signal), 'clock-editor');
  /** A year-by-year view's props: moving to another year is a new address with the same view. */
  const yearView = (v: View): HrYearViewProps => ({
    api,
    year,
    onYearChange: (next) => navigate('/hr', { view: v, year: next }),
  });

  return (
    <>
      <LinkNavigation
        label={t('hr.views')}
        links={VIEWS.map((v) => ({
          href: buildHash('/hr', { view: v }),
          label: t(`hr.view.${v}`),
          current: v === view,
        }))}
      />
      <div className={styles.panel}>
        {state.status === 'loading' ? <LoadingState label={t('editor.loading')} /> : null}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={retry} /> : null}
        {state.status === 'ready' && view === 'clock' ? <ClockEditor api={api} initial={state.data} /> : null}
        {view === 'progress' ? <ProgressView {...yearView('progress')} /> : null}
        {view === 'summaries' ? (
          <SummariesDesk {...yearView('summaries')} serviceAreaId={route.query.get('area') ?? undefined} />
        ) : null}
        {view === 'trainingPlans' ? <TrainingPlansDesk {...yearView('trainingPlans')} /> : null}
        {state.status === 'ready' && view === 'sends' ? (
          <SendsView api={api} phases={state.data.clock.phases} />
        ) : null}
        {view === 'coaching' ? <CoachingQuestionsEditor api={api} /> : null}
        {view === 'privacy' ? <PrivacyView api={api} /> : null}
      </div>
    </>
  );
}

/**
 * HR (henkilöstöpalvelut): the annual clock, the round's progress per service area, the summaries per service area
 * (compile, edit, publish to the channel), the training plans with their exports, reminder sends, the coaching
 * questions of the discussion cards, privacy.
 */
export function HrPage({ route }: { route: HashRoute }) {
  const { t } = useI18n();
  return (
    <PageLayout title={t('hr.heading')}>
      <SessionGate roles={['hr']}>{({ api }) => <HrView api={api} route={route} />}</SessionGate>
    </PageLayout>
  );
}
