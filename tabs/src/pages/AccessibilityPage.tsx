import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { ACCESSIBILITY_STATEMENT } from '../accessibility/statement';
import { PageLayout } from '../components/PageLayout';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/fi';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, maxWidth: '60rem' },
});

const KNOWN_GAPS: MessageKey[] = ['a11y.gap.timeline', 'a11y.gap.cards', 'a11y.gap.exports'];

/** The accessibility statement (saavutettavuusseloste) that Act 306/2019 requires of a public body's service. */
export function AccessibilityPage() {
  const styles = useStyles();
  const { t, formatDate } = useI18n();
  const { feedbackEmail, authority, preparedOn, reviewedOn } = ACCESSIBILITY_STATEMENT;
  return (
    <PageLayout title={t('a11y.heading')}>
      <p className={styles.text}>{t('a11y.scope')}</p>

      <section className={styles.section} aria-labelledby="a11y-status">
        <h2 id="a11y-status" className={styles.heading}>
          {t('a11y.statusHeading')}
        </h2>
        <p className={styles.text}>{t('a11y.status')}</p>
        <ul>
          {KNOWN_GAPS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="a11y-assessment">
        <h2 id="a11y-assessment" className={styles.heading}>
          {t('a11y.assessmentHeading')}
        </h2>
        <p className={styles.text}>{t('a11y.assessment')}</p>
        <p className={styles.text}>
          {t('a11y.dates', { prepared: formatDate(preparedOn), reviewed: formatDate(reviewedOn) })}
        </p>
      </section>

      <section className={styles.section} aria-labelledby="a11y-feedback">
        <h2 id="a11y-feedback" className={styles.heading}>
          {t('a11y.feedbackHeading')}
        </h2>
        <p className={styles.text}>{t('a11y.feedback')}</p>
        <p className={styles.text}>
          {t('a11y.feedbackEmail')} <Link href={`mailto:${feedbackEmail}`}>{feedbackEmail}</Link>
        </p>
      </section>

      <section className={styles.section} aria-labelledby="a11y-authority">
        <h2 id="a11y-authority" className={styles.heading}>
          {t('a11y.authorityHeading')}
        </h2>
        <p className={styles.text}>{t('a11y.authority')}</p>
        <address className={styles.text}>
          {t('a11y.authorityName')}
          <br />
          <Link href={authority.web} target="_blank" rel="noreferrer">
            {authority.web.replace(/^https:\/\//, '')}
          </Link>
          <br />
          <Link href={`mailto:${authority.email}`}>{authority.email}</Link>
          <br />
          {t('a11y.authorityPhone', { phone: authority.phone })}
        </address>
      </section>
    </PageLayout>
  );
}
