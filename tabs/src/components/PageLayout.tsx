import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { buildHash } from '../routing/hashRoute';

const useStyles = makeStyles({
  main: {
    boxSizing: 'border-box',
    maxWidth: '80rem',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (max-width: 600px)': {
      padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    },
  },
  // The accessibility statement is a click away from every view (Act 306/2019).
  footer: {
    boxSizing: 'border-box',
    maxWidth: '80rem',
    margin: '0 auto',
    padding: `0 ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalL}`,
    fontSize: tokens.fontSizeBase200,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/**
 * Every page has one main landmark and one h1, so screen-reader users can jump straight in, and a footer with the
 * accessibility statement's link.
 */
export function PageLayout({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <>
      <main className={styles.main}>
        <h1 className={styles.title}>{title}</h1>
        {children}
      </main>
      <footer className={styles.footer} aria-label={t('a11y.footerLabel')}>
        <Link href={buildHash('/accessibility')}>{t('a11y.footerLink')}</Link>
      </footer>
    </>
  );
}
