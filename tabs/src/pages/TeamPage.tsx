import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import { fetchWholeTeam, type WholeTeam } from '../api/team';
import { DISCUSSION_STATUSES, type MeetingOutcome, type ReportRow } from '../api/types';
import { useResource } from '../api/useResource';
import { ErrorState } from '../components/ErrorState';
import { GroupDiscussionPanel } from '../components/GroupDiscussionPanel';
import { LoadingState } from '../components/LoadingState';
import { PageLayout } from '../components/PageLayout';
import { Pagination } from '../components/Pagination';
import { Section } from '../components/Section';
import { SessionGate } from '../components/SessionGate';
import { YearNavigation } from '../components/YearNavigation';
import { LiveMessage } from '../components/LiveMessage';
import { useI18n } from '../i18n/I18nContext';
import { navigate, type HashRoute } from '../routing/hashRoute';
import { channelFromRoute } from '../routing/tabUrls';
import { MeetingDialog } from '../team/MeetingDialog';
import { byName, fullName } from '../team/names';
import { canInvite, ReportTable } from '../team/ReportTable';
import { SchedulingPanel } from '../team/SchedulingPanel';
import type { HostChannel } from '../teams/host';

const PAGE_SIZE = 25;

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  summary: { margin: 0, color: tokens.colorNeutralForeground2 },
});

type StatusFilter = 'all' | 'none' | (typeof DISCUSSION_STATUSES)[number];

function withDiscussion(row: ReportRow, discussion: ReportRow['discussion']): ReportRow {
  return { ...row, discussion };
}

function TeamView({
  api,
  route,
  hostChannel,
}: {
  api: ApiClient;
  route: HashRoute;
  hostChannel: HostChannel | null;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const requestedYear = route.query.get('year');
  const year = requestedYear && /^\d{4}$/.test(requestedYear) ? Number(requestedYear) : undefined;
  const { state, retry, update } = useResource<WholeTeam>(
    (signal) => fetchWholeTeam(api, year, signal),
    `team:${year}`,
  );
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<{ kind: 'move' | 'cancel'; row: ReportRow } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reports = state.status === 'ready' ? state.data.reports : null;
  const filtered = useMemo(() => {
    if (!reports) return [];
    const needle = search.trim().toLocaleLowerCase('fi');
    return reports
      .filter((row) => !needle || fullName(row).toLocaleLowerCase('fi').includes(needle))
      .filter((row) =>
        status === 'all'
          ? true
          : status === 'none'
            ? !row.conversations.developmentDiscussion
            : row.conversations.developmentDiscussion &&
              (row.discussion?.status ?? 'notScheduled') === status,
      )
      .sort(byName);
  }, [reports, search, status]);

  if (state.status === 'loading') return <LoadingState label={t('team.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const { data } = state;
  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const currentPage = Math.min(page, pageCount - 1);
  const visible = filtered.slice(currentPage * PAGE_SIZE, (currentPage + 1) * PAGE_SIZE);
  const selectedRows = data.reports.filter((row) => selected.has(row.id) && canInvite(row));
  const due = data.reports.filter((row) => row.conversations.developmentDiscussion);
  const count = (statuses: string[]) =>
    due.filter((row) => statuses.includes(row.discussion?.status ?? 'notScheduled')).length;

  const setRow = (employeeId: string, discussion: ReportRow['discussion']) =>
    update((current) => ({
      ...current,
      reports: current.reports.map((row) => (row.id === employeeId ? withDiscussion(row, discussion) : row)),
    }));
  const onScheduled = (employeeId: string, outcome: MeetingOutcome) => setRow(employeeId, outcome.discussion);
  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const channel = channelFromRoute(route) ?? hostChannel;

  return (
    <>
      <Section
        title={t('team.overviewHeading', { year: data.year })}
        actions={<YearNavigation year={data.year} onChange={(next) => navigate('/team', { year: next })} />}
      >
        <p className={styles.summary}>
          {t('team.summary', {
            people: data.reports.length,
            due: due.length,
            scheduled: count(['scheduled', 'prepared']),
            held: count(['held', 'signed']),
          })}
        </p>
        <div className={styles.filters}>
          <Field label={t('team.search')}>
            <Input
              value={search}
              type="search"
              onChange={(_, d) => {
                setSearch(d.value);
                setPage(0);
              }}
            />
          </Field>
          <Field label={t('team.statusFilter')}>
            <Select
              value={status}
              onChange={(_, d) => {
                setStatus(d.value as StatusFilter);
                setPage(0);
              }}
            >
              <option value="all">{t('team.filterAll')}</option>
              {DISCUSSION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
              <option value="none">{t('team.filterNone')}</option>
            </Select>
          </Field>
        </div>
        <LiveMessage message={notice ? { intent: 'info', text: notice } : null} layout="multiline" />
        <ReportTable
          year={data.year}
          rows={visible}
          selected={selected}
          onToggle={toggle}
          onMove={(row) => setDialog({ kind: 'move', row })}
          onCancel={(row) => setDialog({ kind: 'cancel', row })}
        />
        <Pagination
          page={currentPage}
          pageCount={pageCount}
          total={filtered.length}
          onChange={setPage}
          label={t('team.paginationLabel')}
        />
      </Section>
      <Section title={t('team.schedulingHeading')}>
        <SchedulingPanel
          api={api}
          year={data.year}
          selected={selectedRows}
          windows={data.windows}
          onScheduled={onScheduled}
          onLatest={setRow}
          onDone={() => setSelected(new Set())}
        />
      </Section>
      <Section title={t('group.heading')}>
        <GroupDiscussionPanel api={api} year={data.year} teams={data.teams} channel={channel} />
      </Section>
      <MeetingDialog
        api={api}
        year={data.year}
        action={
          dialog ? { ...dialog, row: data.reports.find((r) => r.id === dialog.row.id) ?? dialog.row } : null
        }
        windows={dialog ? (data.windows[dialog.row.serviceAreaId] ?? []) : []}
        onClose={() => setDialog(null)}
        onChanged={(employeeId, outcome, message) => {
          onScheduled(employeeId, outcome);
          setNotice(message);
        }}
        onLatest={setRow}
      />
    </>
  );
}

/** The supervisor's view: the team's round, scheduling, and the team's group discussion. */
export function TeamPage({ route, hostChannel }: { route: HashRoute; hostChannel: HostChannel | null }) {
  const { t } = useI18n();
  return (
    <PageLayout title={t('team.heading')}>
      <SessionGate roles={['supervisor']}>
        {({ api }) => <TeamView api={api} route={route} hostChannel={hostChannel} />}
      </SessionGate>
    </PageLayout>
  );
}
