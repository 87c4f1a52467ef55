import { Button, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReportRow } from '../api/types';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { DiscussionStatusBadge } from '../components/StatusBadge';
import { useI18n } from '../i18n/I18nContext';
import { fullName } from './names';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  checkCell: { width: '2.5rem' },
});

/** Who can get an invitation now: has a development discussion this year and no meeting yet. */
export function canInvite(row: ReportRow): boolean {
  return (
    row.conversations.developmentDiscussion &&
    (row.discussion === null || row.discussion.status === 'notScheduled')
  );
}

export function hasMeeting(row: ReportRow): boolean {
  return row.discussion?.status === 'scheduled' || row.discussion?.status === 'prepared';
}

export interface ReportTableProps {
  year: number;
  rows: ReportRow[];
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], on: boolean) => void;
  onMove: (row: ReportRow) => void;
  onCancel: (row: ReportRow) => void;
}

export function ReportTable({ year, rows, selected, onToggle, onMove, onCancel }: ReportTableProps) {
  const styles = useStyles();
  const table = useDataTableStyles();
  const { t, formatDateTime } = useI18n();
  const invitable = rows.filter(canInvite).map((row) => row.id);
  const allOn = invitable.length > 0 && invitable.every((id) => selected.has(id));
  const someOn = invitable.some((id) => selected.has(id));

  const conversationsText = (row: ReportRow) =>
    row.conversations.developmentDiscussion
      ? row.conversations.groupDiscussion
        ? t('team.bothConversations')
        : t('team.onlyDevelopment')
      : row.conversations.groupDiscussion
        ? t('team.onlyGroup')
        : t('team.noConversations');

  return (
    <DataTable
      caption={t('team.tableCaption', { year })}
      columns={[
        {
          label: (
            <Checkbox
              aria-label={t('team.selectPage')}
              checked={allOn ? true : someOn ? 'mixed' : false}
              disabled={invitable.length === 0}
              onChange={(_, data) => onToggle(invitable, data.checked === true)}
            />
          ),
          className: styles.checkCell,
        },
        { label: t('team.columnName') },
        { label: t('team.columnConversations') },
        { label: t('team.columnStatus') },
        { label: t('team.columnMeeting') },
        { label: t('team.columnActions') },
      ]}
    >
      {rows.map((row) => {
        const name = fullName(row);
        return (
          <tr key={row.id}>
            <td className={table.cell}>
              {canInvite(row) ? (
                <Checkbox
                  aria-label={t('team.selectPerson', { name })}
                  checked={selected.has(row.id)}
                  onChange={(_, data) => onToggle([row.id], data.checked === true)}
                />
              ) : null}
            </td>
            <RowHeader>{name}</RowHeader>
            <td className={table.cell}>{conversationsText(row)}</td>
            <td className={table.cell}>
              {row.conversations.developmentDiscussion ? (
                <DiscussionStatusBadge status={row.discussion?.status ?? null} />
              ) : (
                '–'
              )}
            </td>
            <td className={mergeClasses(table.cell, table.nowrap)}>
              {row.discussion?.scheduledAt ? formatDateTime(row.discussion.scheduledAt) : '–'}
            </td>
            <td className={table.cell}>
              {hasMeeting(row) ? (
                <div className={styles.actions}>
                  <Button size="small" onClick={() => onMove(row)} aria-label={t('team.moveFor', { name })}>
                    {t('team.move')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => onCancel(row)}
                    aria-label={t('team.cancelFor', { name })}
                  >
                    {t('team.cancel')}
                  </Button>
                </div>
              ) : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
