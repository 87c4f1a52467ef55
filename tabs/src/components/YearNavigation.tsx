import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface YearNavigationProps {
  year: number;
  onChange: (year: number) => void;
}

/**
 * Buttons show just the year to stay small on Teams mobile; their accessible names start with
 * "previous/next year" and still contain the visible text (WCAG 2.5.3, label in name).
 */
export function YearNavigation({ year, onChange }: YearNavigationProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <nav className={styles.root} aria-label={t('clock.yearNavigation')}>
      <Button aria-label={t('clock.previousYear', { year: year - 1 })} onClick={() => onChange(year - 1)}>
        {`‹ ${year - 1}`}
      </Button>
      <Button aria-label={t('clock.nextYear', { year: year + 1 })} onClick={() => onChange(year + 1)}>
        {`${year + 1} ›`}
      </Button>
    </nav>
  );
}
