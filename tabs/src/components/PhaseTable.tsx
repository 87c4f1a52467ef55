import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { byOpeningDate } from '../clock/layout';
import type { ClockPhase } from '../clock/model';
import { useI18n } from '../i18n/I18nContext';
import { PHASE_COLORS } from './phaseColors';

const useStyles = makeStyles({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  caption: {
    textAlign: 'left',
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  headerCell: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  // Dates never break, so the two date columns stay readable on a phone.
  dateCell: { whiteSpace: 'nowrap' },
  phaseCell: {
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'left',
  },
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

/** The clock as text: what a screen reader reads, and what anyone can scan for exact dates. */
export function PhaseTable({ id, year, phases }: PhaseTableProps) {
  const styles = useStyles();
  const { t, formatDate } = useI18n();
  const sorted = [...phases].sort(byOpeningDate);

  return (
    <table id={id} className={styles.table}>
      <caption className={styles.caption}>{t('clock.tableCaption', { year })}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.headerCell}>
            {t('clock.columnPhase')}
          </th>
          <th scope="col" className={styles.headerCell}>
            {t('clock.columnLevel')}
          </th>
          <th scope="col" className={styles.headerCell}>
            {t('clock.columnOpens')}
          </th>
          <th scope="col" className={styles.headerCell}>
            {t('clock.columnCloses')}
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((phase) => {
          const colors = PHASE_COLORS[phase.kind];
          return (
            <tr key={phase.id}>
              <th scope="row" className={mergeClasses(styles.cell, styles.phaseCell)}>
                <span
                  className={styles.swatch}
                  style={{ backgroundColor: colors.background, borderColor: colors.border }}
                  aria-hidden="true"
                />
                {t(`phase.${phase.kind}`)}
              </th>
              <td className={styles.cell}>{t(`level.${phase.level}`)}</td>
              <td className={mergeClasses(styles.cell, styles.dateCell)}>
                <time dateTime={phase.opens}>{formatDate(phase.opens)}</time>
              </td>
              <td className={mergeClasses(styles.cell, styles.dateCell)}>
                <time dateTime={phase.closes}>{formatDate(phase.closes)}</time>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
