import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/client';
import { fetchMyCompetence } from '../api/personal';
import type { MyCompetence } from '../api/types';
import { useResource } from '../api/useResource';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageLayout } from '../components/PageLayout';
import { RatingsChart } from '../components/RatingsChart';
import { Section } from '../components/Section';
import { SessionGate } from '../components/SessionGate';
import { DiscussionStatusBadge, GoalStatusBadge } from '../components/StatusBadge';
import { useI18n } from '../i18n/I18nContext';
import { useListStyles } from '../components/listStyles';
import { MyDataSection } from '../privacy/MyDataSection';
import { LanguageSection } from '../personal/LanguageSetting';
import { buildHash } from '../routing/hashRoute';

const useStyles = makeStyles({
  itemTitle: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  goal: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  yearHeading: {
    margin: `${tokens.spacingVerticalS} 0`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

function Upcoming({ data }: { data: MyCompetence }) {
  const styles = useStyles();
  const lists = useListStyles();
  const { t, formatDate, formatDateTime } = useI18n();
  if (data.upcoming.length === 0) return <EmptyState text={t('my.upcomingEmpty')} />;
  return (
    <ul className={lists.stack}>
      {data.upcoming.map((item) => (
        <li key={`${item.phaseId}-${item.opens}`} className={lists.card}>
          <div className={styles.itemTitle}>{t(`phase.${item.kind}`)}</div>
          <div className={styles.muted}>
            {t('my.window', { opens: formatDate(item.opens), closes: formatDate(item.closes) })}
          </div>
          {item.meetingAt ? <div>{t('my.yourMeeting', { time: formatDateTime(item.meetingAt) })}</div> : null}
        </li>
      ))}
    </ul>
  );
}

function Discussions({ data }: { data: MyCompetence }) {
  const table = useDataTableStyles();
  const { t, formatDateTime } = useI18n();
  if (data.discussions.length === 0) return <EmptyState text={t('my.discussionsEmpty')} />;
  return (
    <DataTable
      caption={t('my.discussionsCaption')}
      columns={[
        { label: t('my.columnYear') },
        { label: t('my.columnStatus') },
        { label: t('my.columnMeeting') },
        { label: t('my.columnSupervisor') },
      ]}
    >
      {data.discussions.map((d) => (
        <tr key={d.year}>
          <RowHeader>{d.year}</RowHeader>
          <td className={table.cell}>
            <DiscussionStatusBadge status={d.status} />
          </td>
          <td className={mergeClasses(table.cell, table.nowrap)}>
            {d.scheduledAt ? formatDateTime(d.scheduledAt) : '–'}
          </td>
          <td className={table.cell}>{d.supervisorName ?? '–'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function Goals({ data }: { data: MyCompetence }) {
  const styles = useStyles();
  const lists = useListStyles();
  const { t } = useI18n();
  const years = data.discussions.filter((d) => d.goals.length > 0 || d.learningGoals.length > 0);
  if (years.length === 0) return <EmptyState text={t('my.goalsEmpty')} />;
  return (
    <>
      {years.map((d) => (
        <div key={d.year}>
          <h3 className={styles.yearHeading}>{t('my.goalsOfYear', { year: d.year })}</h3>
          <ul className={lists.stack}>
            {d.goals.map((goal) => (
              <li key={goal.id} className={mergeClasses(lists.card, styles.goal)}>
                <span>{goal.text}</span>
                <GoalStatusBadge status={goal.status} />
              </li>
            ))}
            {d.learningGoals.map((goal) => (
              <li key={goal.id} className={mergeClasses(lists.card, styles.goal)}>
                <span>{goal.text}</span>
                <span className={styles.muted}>{t(`way.${goal.way}`)}</span>
                <GoalStatusBadge status={goal.status} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function MyCompetenceView({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const { state, retry } = useResource((signal) => fetchMyCompetence(api, signal), 'my');
  if (state.status === 'loading') return <LoadingState label={t('my.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const { data } = state;
  return (
    <>
      <Section title={t('my.upcomingHeading')}>
        <Upcoming data={data} />
      </Section>
      <Section title={t('my.discussionsHeading')}>
        <Discussions data={data} />
      </Section>
      <Section title={t('my.ratingsHeading')}>
        {data.competences.length === 0 ? (
          <EmptyState text={t('my.ratingsEmpty')} />
        ) : (
          <RatingsChart competences={data.competences} scale={data.scale} />
        )}
      </Section>
      <Section title={t('my.goalsHeading')}>
        <Goals data={data} />
      </Section>
      <LanguageSection api={api} />
      <MyDataSection api={api} />
    </>
  );
}

/** The personal tab "My competence" (Oma osaaminen): only the signed-in person's own records. */
export function MyCompetencePage() {
  const { t } = useI18n();
  return (
    <PageLayout title={t('my.heading')}>
      <p>
        {t('my.intro')} <Link href={buildHash('/clock')}>{t('my.clockLink')}</Link>
      </p>
      <SessionGate>{({ api }) => <MyCompetenceView api={api} />}</SessionGate>
    </PageLayout>
  );
}
