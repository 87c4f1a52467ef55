import { makeStyles, tokens } from '@fluentui/react-components';
import type { SummaryFigures } from '../api/types';
import { EmptyState } from '../components/EmptyState';
import { useI18n } from '../i18n/I18nContext';
import { useListStyles } from '../components/listStyles';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, 18rem) minmax(6rem, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
  bar: {
    height: '1rem',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflow: 'hidden',
  },
  fill: { height: '100%', backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  value: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

/**
 * The competences ranked by how many have a development need in them, as a bar chart whose numbers are also
 * written beside each bar (the bars themselves are hidden from screen readers).
 */
export function NeedsRanking({ figures }: { figures: SummaryFigures }) {
  const styles = useStyles();
  const lists = useListStyles();
  const { t, locale, formatNumber } = useI18n();
  const names = new Map(figures.competences.map((c) => [c.competenceId, c.name[locale]]));
  if (figures.needsRanking.length === 0) return <EmptyState text={t('channel.needs.empty')} />;
  return (
    <ol className={lists.stack}>
      {figures.needsRanking.map((need) => (
        <li key={need.competenceId} className={styles.row}>
          <span>{names.get(need.competenceId) ?? need.competenceId}</span>
          <div className={styles.bar} aria-hidden="true">
            <div className={styles.fill} style={{ width: `${Math.min(100, need.share * 100)}%` }} />
          </div>
          <span className={styles.value}>
            {t('channel.needs.value', {
              needs: formatNumber(need.needs),
              rated: formatNumber(need.rated),
              share: formatNumber(need.share, { style: 'percent', maximumFractionDigits: 0 }),
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}
