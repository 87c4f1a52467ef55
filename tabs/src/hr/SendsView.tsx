import { useState } from 'react';
import { Button, Field, makeStyles, mergeClasses, ProgressBar, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/client';
import { fetchSends } from '../api/hr';
import { ApiError, asApiError } from '../api/http';
import type { ClockPhaseSetting, DeliveryState } from '../api/types';
import { useResource } from '../api/useResource';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useI18n } from '../i18n/I18nContext';

const REMINDER_KINDS = [
  'phaseOpened',
  'deadlineApproaching',
  'preparationDue',
  'overdue',
  'escalation',
] as const;
type ReminderKind = (typeof REMINDER_KINDS)[number];
const isReminderKind = (kind: string): kind is ReminderKind =>
  (REMINDER_KINDS as readonly string[]).includes(kind);

const useStyles = makeStyles({
  progress: { minWidth: '10rem' },
  muted: { color: tokens.colorNeutralForeground2 },
  more: { marginTop: tokens.spacingVerticalM },
});

/** The final states of recipients a send did not reach, each counted for HR. */
const NOT_REACHED = ['blocked', 'notInstalled', 'failed', 'noChannel'] as const;

const notReached = (counts: Record<DeliveryState, number>) =>
  NOT_REACHED.reduce((sum, state) => sum + counts[state], 0);

/** The reminder sends, newest first, a page at a time: how far each has got, and whom it could not reach. */
export function SendsView({ api, phases }: { api: ApiClient; phases: ClockPhaseSetting[] }) {
  const styles = useStyles();
  const table = useDataTableStyles();
  const { t, formatDate, formatNumber } = useI18n();
  const { state, retry, update } = useResource((signal) => fetchSends(api, undefined, signal), 'sends');
  const [more, setMore] = useState<{ loading: boolean; error: ApiError | null }>({
    loading: false,
    error: null,
  });
  if (state.status === 'loading') return <LoadingState label={t('sends.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  if (state.data.sends.length === 0) return <EmptyState text={t('sends.empty')} />;
  const { continuationToken } = state.data;
  const loadMore = () => {
    setMore({ loading: true, error: null });
    fetchSends(api, continuationToken, new AbortController().signal).then(
      (page) => {
        update((data) => ({
          sends: [...data.sends, ...page.sends],
          continuationToken: page.continuationToken,
        }));
        setMore({ loading: false, error: null });
      },
      (error: unknown) =>
        setMore({
          loading: false,
          error: asApiError(error),
        }),
    );
  };
  const phaseName = (phaseId: string) => {
    const kind = phases.find((p) => p.id === phaseId)?.kind;
    return kind ? t(`phase.${kind}`) : phaseId;
  };
  const kindName = (kind: string) => (isReminderKind(kind) ? t(`sends.kind.${kind}`) : kind);

  return (
    <div>
      <DataTable
        caption={t('sends.caption')}
        columns={[
          { label: t('sends.date') },
          { label: t('sends.reminder') },
          { label: t('sends.progress') },
          { label: t('sends.notReached'), numeric: true },
          { label: t('sends.state') },
        ]}
      >
        {state.data.sends.map((send) => {
          const { counts, total } = send;
          const sent = counts?.sent ?? 0;
          const reasons = NOT_REACHED.filter((reason) => (counts?.[reason] ?? 0) > 0).map((reason) =>
            t(`sends.count.${reason}`, { count: formatNumber(counts?.[reason] ?? 0) }),
          );
          const label =
            total === null ? '' : t('sends.sentOf', { sent: formatNumber(sent), total: formatNumber(total) });
          return (
            <tr key={send.campaignId}>
              <td className={mergeClasses(table.cell, table.nowrap)}>{formatDate(send.date)}</td>
              <RowHeader>
                {kindName(send.kind)}
                <div className={styles.muted}>{phaseName(send.phaseId)}</div>
              </RowHeader>
              {counts === null || total === null ? (
                <td className={table.cell} colSpan={2}>
                  {t('sends.withheld')}
                </td>
              ) : (
                <>
                  <td className={table.cell}>
                    <Field className={styles.progress} validationMessage={label} validationState="none">
                      <ProgressBar value={total === 0 ? 1 : sent / total} aria-label={label} />
                    </Field>
                  </td>
                  <td className={mergeClasses(table.cell, table.number)}>
                    {formatNumber(notReached(counts))}
                    {reasons.length > 0 ? <div className={styles.muted}>{reasons.join(' · ')}</div> : null}
                  </td>
                </>
              )}
              <td className={table.cell}>{send.finished ? t('sends.finished') : t('sends.running')}</td>
            </tr>
          );
        })}
      </DataTable>
      {more.error ? <ErrorState error={more.error} onRetry={loadMore} /> : null}
      {continuationToken && !more.error ? (
        <Button className={styles.more} disabled={more.loading} onClick={loadMore}>
          {more.loading ? t('sends.loadingMore') : t('sends.more')}
        </Button>
      ) : null}
    </div>
  );
}
