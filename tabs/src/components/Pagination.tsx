import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export interface PaginationProps {
  page: number;
  pageCount: number;
  total: number;
  onChange: (page: number) => void;
  label: string;
}

/** Long lists show one page at a time, so a 500-person unit renders as fast as a small team. */
export function Pagination({ page, pageCount, total, onChange, label }: PaginationProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <nav className={styles.root} aria-label={label}>
      <Button disabled={page <= 0} onClick={() => onChange(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <span aria-live="polite">
        {t('pagination.status', { page: page + 1, pages: Math.max(1, pageCount), total })}
      </span>
      <Button disabled={page >= pageCount - 1} onClick={() => onChange(page + 1)}>
        {t('pagination.next')}
      </Button>
    </nav>
  );
}
