import { Field, makeStyles, mergeClasses, ProgressBar, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/client';
import { fetchSends } from '../api/hr';
import type { ClockPhaseSetting, SendProgress } from '../api/types';
import { useResource } from '../api/useResource';
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
});

const notReached = (send: SendProgress) =>
  send.counts.blocked + send.counts.notInstalled + send.counts.failed;

/** The reminder sends of the last days: how far each has got, and how many it could not reach. */
export function SendsView({ api, phases }: { api: ApiClient; phases: ClockPhaseSetting[] }) {
  const styles = useStyles();
  const table = useDataTableStyles();
  const { t, formatDate, formatNumber } = useI18n();
  const { state, retry } = useResource((signal) => fetchSends(api, signal), 'sends');
  if (state.status === 'loading') return <LoadingState label={t('sends.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  if (state.data.length === 0) return <EmptyState text={t('sends.empty')} />;
  const phaseName = (phaseId: string) => {
    const kind = phases.find((p) => p.id === phaseId)?.kind;
    return kind ? t(`phase.${kind}`) : phaseId;
  };
  const kindName = (kind: string) => (isReminderKind(kind) ? t(`sends.kind.${kind}`) : kind);

  return (
    <div className={table.wrapper}>
      <table className={table.table}>
        <caption className={table.caption}>{t('sends.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.headerCell}>
              {t('sends.date')}
            </th>
            <th scope="col" className={table.headerCell}>
              {t('sends.reminder')}
            </th>
            <th scope="col" className={table.headerCell}>
              {t('sends.progress')}
            </th>
            <th scope="col" className={mergeClasses(table.headerCell, table.number)}>
              {t('sends.notReached')}
            </th>
            <th scope="col" className={table.headerCell}>
              {t('sends.state')}
            </th>
          </tr>
        </thead>
        <tbody>
          {state.data.map((send) => {
            const sent = send.counts.sent;
            const label = t('sends.sentOf', { sent: formatNumber(sent), total: formatNumber(send.total) });
            return (
              <tr key={send.campaignId}>
                <td className={mergeClasses(table.cell, table.nowrap)}>{formatDate(send.date)}</td>
                <th scope="row" className={mergeClasses(table.cell, table.rowHeader)}>
                  {kindName(send.kind)}
                  <div className={styles.muted}>{phaseName(send.phaseId)}</div>
                </th>
                <td className={table.cell}>
                  <Field className={styles.progress} validationMessage={label} validationState="none">
                    <ProgressBar value={send.total === 0 ? 1 : sent / send.total} aria-label={label} />
                  </Field>
                </td>
                <td className={mergeClasses(table.cell, table.number)}>{formatNumber(notReached(send))}</td>
                <td className={table.cell}>{send.finished ? t('sends.finished') : t('sends.running')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
