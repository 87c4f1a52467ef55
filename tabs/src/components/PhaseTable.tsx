import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { byOpeningDate } from '../clock/layout';
import type { ClockPhase } from '../clock/model';
import { useI18n } from '../i18n/I18nContext';
import type { Translate } from '../i18n/translate';
import { DataTable, RowHeader, type DataColumn } from './DataTable';
import { useDataTableStyles } from './dataTableStyles';
import { PHASE_COLORS } from './phaseColors';

const useStyles = makeStyles({
  // A phase's name may wrap; its row reads from the top.
  cell: { verticalAlign: 'top' },
  swatch: {
    display: 'inline-block',
    width: '0.75rem',
    height: '0.75rem',
    marginRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusSmall,
    // The colour comes inline, per phase kind.
    border: `${tokens.strokeWidthThin} solid`,
    verticalAlign: 'baseline',
  },
});

export interface PhaseTableProps {
  id?: string;
  year: number;
  phases: readonly ClockPhase[];
}

/** The columns every table of the clock's phases starts with: the phase, its level, and its dates. */
export function phaseColumns(t: Translate): DataColumn[] {
  return [
    { label: t('clock.columnPhase') },
    { label: t('clock.columnLevel') },
    { label: t('clock.columnOpens') },
    { label: t('clock.columnCloses') },
  ];
}

/** The clock as text: what a screen reader reads, and what anyone can scan for exact dates. */
export function PhaseTable({ id, year, phases }: PhaseTableProps) {
  const styles = useStyles();
  const table = useDataTableStyles();
  const { t, formatDate } = useI18n();
  const sorted = [...phases].sort(byOpeningDate);

  return (
    <DataTable id={id} scrolls={false} caption={t('clock.tableCaption', { year })} columns={phaseColumns(t)}>
      {sorted.map((phase) => {
        const colors = PHASE_COLORS[phase.kind];
        return (
          <tr key={phase.id}>
            <RowHeader className={styles.cell}>
              <span
                className={styles.swatch}
                style={{ backgroundColor: colors.background, borderColor: colors.border }}
                aria-hidden="true"
              />
              {t(`phase.${phase.kind}`)}
            </RowHeader>
            <td className={mergeClasses(table.cell, styles.cell)}>{t(`level.${phase.level}`)}</td>
            <td className={mergeClasses(table.cell, styles.cell, table.nowrap)}>
              <time dateTime={phase.opens}>{formatDate(phase.opens)}</time>
            </td>
            <td className={mergeClasses(table.cell, styles.cell, table.nowrap)}>
              <time dateTime={phase.closes}>{formatDate(phase.closes)}</time>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
