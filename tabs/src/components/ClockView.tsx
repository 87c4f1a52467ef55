import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useAnnualClock } from '../api/useAnnualClock';
import { useI18n } from '../i18n/I18nContext';
import { ClockTimeline } from './ClockTimeline';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';
import { PhaseTable } from './PhaseTable';
import { Section } from './Section';
import { YearNavigation } from './YearNavigation';
import { Notice } from './Notice';

const useStyles = makeStyles({
  root: { gap: tokens.spacingVerticalL },
  subheading: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface ClockViewProps {
  year: number;
  onYearChange: (year: number) => void;
}

/** One year of the annual clock: heading and year buttons, then the timeline and the phase table. */
export function ClockView({ year, onYearChange }: ClockViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { state, retry } = useAnnualClock(year);
  const headingId = useId();

  let content = null;
  if (state.status === 'ready' && state.clock.phases.length > 0) {
    const { phases } = state.clock;
    content = (
      <>
        <section aria-labelledby={`${headingId}-timeline`}>
          <h3 id={`${headingId}-timeline`} className={styles.subheading}>
            {t('clock.timelineHeading')}
          </h3>
          <ClockTimeline year={year} phases={phases} />
        </section>
        <section aria-labelledby={`${headingId}-table`}>
          <h3 id={`${headingId}-table`} className={styles.subheading}>
            {t('clock.tableHeading')}
          </h3>
          <PhaseTable year={year} phases={phases} />
        </section>
      </>
    );
  }

  return (
    <Section
      title={t('clock.heading', { year })}
      actions={<YearNavigation year={year} onChange={onYearChange} />}
      className={styles.root}
    >
      <p className={styles.intro}>{t('clock.intro')}</p>
      {/* Kept mounted so screen readers announce each change of state inside it. */}
      <div aria-live="polite">
        {state.status === 'loading' && <LoadingState label={t('clock.loading')} />}
        {state.status === 'error' && (
          <ErrorState error={state.error} title={t('error.title')} year={year} onRetry={retry} />
        )}
        {state.status === 'ready' && state.clock.phases.length === 0 && (
          <Notice intent="info" title={t('clock.emptyTitle')}>
            {t('clock.emptyBody', { year })}
          </Notice>
        )}
      </div>
      {content}
    </Section>
  );
}
