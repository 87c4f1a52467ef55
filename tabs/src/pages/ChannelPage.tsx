import { Link, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/client';
import { fetchSummaries } from '../api/channel';
import { fetchWholeTeam } from '../api/team';
import type { Me, PublishedSummary } from '../api/types';
import { useResource } from '../api/useResource';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { GroupDiscussionPanel } from '../components/GroupDiscussionPanel';
import { LoadingState } from '../components/LoadingState';
import { PageLayout } from '../components/PageLayout';
import { Section } from '../components/Section';
import { SessionGate } from '../components/SessionGate';
import { useI18n } from '../i18n/I18nContext';
import { buildHash, type HashRoute } from '../routing/hashRoute';
import { channelFromRoute } from '../routing/tabUrls';
import type { HostChannel } from '../teams/host';

const THEMES = ['currentCompetence', 'futureNeeds', 'workingLifeSkills', 'developmentPriorities'] as const;

const useStyles = makeStyles({
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  themeHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function SummaryCard({ summary }: { summary: PublishedSummary }) {
  const styles = useStyles();
  const { t, formatDate, formatNumber } = useI18n();
  const split = summary.learningWaySplit;
  return (
    <article className={styles.summary}>
      <h3 className={styles.heading}>{t('channel.summaryOfYear', { year: summary.year })}</h3>
      {summary.publishedAt ? (
        <p className={styles.muted}>
          {t('channel.published', { date: formatDate(summary.publishedAt.slice(0, 10)) })}
        </p>
      ) : null}
      {THEMES.map((theme) =>
        summary.conclusions[theme]?.length ? (
          <div key={theme}>
            <h4 className={styles.themeHeading}>{t(`theme.${theme}`)}</h4>
            <ul className={styles.list}>
              {summary.conclusions[theme]?.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      <p className={styles.muted}>
        {t('channel.learningSplit', {
          w70: formatNumber(split['70'] ?? 0, { style: 'percent' }),
          w20: formatNumber(split['20'] ?? 0, { style: 'percent' }),
          w10: formatNumber(split['10'] ?? 0, { style: 'percent' }),
        })}
      </p>
    </article>
  );
}

function LedTeams({ api, channel }: { api: ApiClient; channel: HostChannel | null }) {
  const { t } = useI18n();
  const { state, retry } = useResource((signal) => fetchWholeTeam(api, undefined, signal), 'led-teams');
  if (state.status === 'loading') return <LoadingState label={t('team.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  return <GroupDiscussionPanel api={api} year={state.data.year} teams={state.data.teams} channel={channel} />;
}

function ChannelView({
  api,
  me,
  serviceAreaId,
  channel,
}: {
  api: ApiClient;
  me: Me;
  serviceAreaId: string;
  channel: HostChannel | null;
}) {
  const { t } = useI18n();
  const { state, retry } = useResource(
    (signal) => fetchSummaries(api, serviceAreaId, signal),
    `summaries:${serviceAreaId}`,
  );
  const areaName = state.status === 'ready' ? state.data.serviceArea.name : null;
  return (
    <>
      {areaName ? <p>{t('channel.intro', { serviceArea: areaName })}</p> : null}
      <Section title={t('channel.summariesHeading')}>
        {state.status === 'loading' ? <LoadingState label={t('channel.loading')} /> : null}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={retry} /> : null}
        {state.status === 'ready' && state.data.summaries.length === 0 ? (
          <EmptyState text={t('channel.noSummaries')} />
        ) : null}
        {state.status === 'ready'
          ? state.data.summaries.map((s) => <SummaryCard key={s.year} summary={s} />)
          : null}
      </Section>
      {me.person.roles.includes('supervisor') ? (
        <Section title={t('group.heading')}>
          <LedTeams api={api} channel={channel} />
        </Section>
      ) : null}
      <p>
        <Link href={buildHash('/clock')}>{t('channel.clockLink')}</Link>
      </p>
    </>
  );
}

/** The configurable tab of a service area's channel: its published summaries (koonnit), and group discussions. */
export function ChannelPage({ route, hostChannel }: { route: HashRoute; hostChannel: HostChannel | null }) {
  const { t } = useI18n();
  const serviceAreaId = route.query.get('serviceAreaId')?.trim() ?? '';
  const channel = channelFromRoute(route) ?? hostChannel;
  return (
    <PageLayout title={t('channel.title')}>
      {serviceAreaId ? (
        <SessionGate>
          {({ api, me }) => <ChannelView api={api} me={me} serviceAreaId={serviceAreaId} channel={channel} />}
        </SessionGate>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('channel.noServiceArea')}</MessageBarBody>
        </MessageBar>
      )}
    </PageLayout>
  );
}
