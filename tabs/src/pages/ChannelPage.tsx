import {
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { fetchSummaries } from '../api/channel';
import { fetchWholeTeam, type WholeTeam } from '../api/team';
import type { Me, PublishedSummary } from '../api/types';
import { useResource, type ResourceState } from '../api/useResource';
import { ChannelLinks, mayLinkArea } from '../channel/ChannelLinks';
import { NeedsRanking } from '../channel/NeedsRanking';
import { SummaryHeatmap } from '../channel/SummaryHeatmap';
import { SummaryHistory } from '../channel/SummaryHistory';
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
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  themeHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  yearField: { maxWidth: '12rem' },
});

function SummaryCard({ summary }: { summary: PublishedSummary }) {
  const styles = useStyles();
  const { t, formatDate, formatNumber } = useI18n();
  const { figures } = summary;
  const percent = (value: number) => formatNumber(value / 100, { style: 'percent' });
  return (
    <article className={styles.summary}>
      <h3 className={styles.heading}>{t('channel.summaryOfYear', { year: summary.year })}</h3>
      <p className={styles.muted}>
        {t('channel.published', { date: formatDate(summary.publishedAt.slice(0, 10)) })}
      </p>
      <p className={styles.muted}>
        {figures.respondents === null
          ? t('channel.tooFew', { threshold: figures.threshold })
          : t('channel.respondents', {
              count: formatNumber(figures.respondents),
              threshold: figures.threshold,
            })}
      </p>
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
      {figures.learningWays ? (
        <p className={styles.muted}>
          {t('channel.learningSplit', {
            w70: percent(figures.learningWays.percent['70']),
            w20: percent(figures.learningWays.percent['20']),
            w10: percent(figures.learningWays.percent['10']),
          })}
        </p>
      ) : null}
      {figures.heatmap.length > 0 ? (
        <>
          <h4 className={styles.themeHeading}>{t('channel.heatmap.heading')}</h4>
          <SummaryHeatmap figures={figures} year={summary.year} />
        </>
      ) : null}
      {figures.respondents !== null ? (
        <>
          <h4 className={styles.themeHeading}>{t('channel.needs.heading')}</h4>
          <p className={styles.muted}>{t('channel.needs.intro')}</p>
          <NeedsRanking figures={figures} />
        </>
      ) : null}
    </article>
  );
}

/** The published summaries: one year at a time (the newest, or the one a deep link names), and the history. */
function Summaries({
  publications,
  linkedYear,
}: {
  publications: PublishedSummary[];
  linkedYear: number | null;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [chosen, setChosen] = useState<number | null>(linkedYear);
  const shown = publications.find((p) => p.year === chosen) ?? publications[0];
  if (!shown) return <EmptyState text={t('channel.noSummaries')} />;
  return (
    <>
      {publications.length > 1 ? (
        <Field label={t('channel.year')} className={styles.yearField}>
          <Select value={String(shown.year)} onChange={(_, data) => setChosen(Number(data.value))}>
            {publications.map((p) => (
              <option key={p.year} value={p.year}>
                {p.year}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <SummaryCard summary={shown} />
      <h3 className={styles.heading}>{t('channel.history.heading')}</h3>
      <SummaryHistory publications={publications} />
    </>
  );
}

type LedTeamsResource = { state: ResourceState<WholeTeam>; retry: () => void };

function LedTeams({
  api,
  channel,
  ledTeams: { state, retry },
}: {
  api: ApiClient;
  channel: HostChannel | null;
  ledTeams: LedTeamsResource;
}) {
  const { t } = useI18n();
  if (state.status === 'loading') return <LoadingState label={t('team.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  return <GroupDiscussionPanel api={api} year={state.data.year} teams={state.data.teams} channel={channel} />;
}

/** A supervisor's sections: the group discussions of the teams they lead, and where each team's posts go. */
function SupervisorSections({
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
  const ledTeams = useResource((signal) => fetchWholeTeam(api, undefined, signal), 'led-teams');
  return (
    <>
      <Section title={t('group.heading')}>
        <LedTeams api={api} channel={channel} ledTeams={ledTeams} />
      </Section>
      <Section title={t('channelLinks.heading')}>
        <ChannelLinks api={api} me={me} serviceAreaId={serviceAreaId} channel={channel} ledTeams={ledTeams} />
      </Section>
    </>
  );
}

function ChannelView({
  api,
  me,
  serviceAreaId,
  linkedYear,
  channel,
}: {
  api: ApiClient;
  me: Me;
  serviceAreaId: string;
  linkedYear: number | null;
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
        {state.status === 'ready' ? (
          <Summaries publications={state.data.publications} linkedYear={linkedYear} />
        ) : null}
      </Section>
      {me.person.roles.includes('supervisor') ? (
        <SupervisorSections api={api} me={me} serviceAreaId={serviceAreaId} channel={channel} />
      ) : mayLinkArea(me, serviceAreaId) ? (
        <Section title={t('channelLinks.heading')}>
          <ChannelLinks api={api} me={me} serviceAreaId={serviceAreaId} channel={channel} ledTeams={null} />
        </Section>
      ) : null}
      <p>
        <Link href={buildHash('/clock')}>{t('channel.clockLink')}</Link>
      </p>
    </>
  );
}

/**
 * The configurable tab of a service area's channel: its published summaries (koonnit) with the heatmap, the
 * needs ranking and the history by year, group discussions, and linking the channel the clock posts to.
 */
export function ChannelPage({ route, hostChannel }: { route: HashRoute; hostChannel: HostChannel | null }) {
  const { t } = useI18n();
  const serviceAreaId = route.query.get('serviceAreaId')?.trim() ?? '';
  const channel = channelFromRoute(route) ?? hostChannel;
  const linkedYear = Number(route.query.get('year')) || null;
  return (
    <PageLayout title={t('channel.title')}>
      {serviceAreaId ? (
        <SessionGate>
          {({ api, me }) => (
            <ChannelView
              api={api}
              me={me}
              serviceAreaId={serviceAreaId}
              linkedYear={linkedYear}
              channel={channel}
            />
          )}
        </SessionGate>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('channel.noServiceArea')}</MessageBarBody>
        </MessageBar>
      )}
    </PageLayout>
  );
}
