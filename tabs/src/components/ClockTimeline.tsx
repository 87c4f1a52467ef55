import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { layoutClock, monthSpans, todayPercent } from '../clock/layout';
import type { ClockPhase } from '../clock/model';
import { monthNames } from '../i18n/format';
import { useI18n } from '../i18n/I18nContext';
import { PHASE_COLORS } from './phaseColors';

const LANE_REM = 2.25;

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  grid: {
    // Below this width month names and bar labels become unreadable; scroll instead.
    minWidth: '44rem',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: '10rem 1fr',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  headerRow: {
    display: 'grid',
    gridTemplateColumns: '10rem 1fr',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  levelCell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontWeight: tokens.fontWeightSemibold,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  track: {
    position: 'relative',
    minHeight: `${LANE_REM}rem`,
  },
  month: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    paddingTop: tokens.spacingVerticalS,
    textAlign: 'center',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
  gridline: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: 0,
    borderLeft: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke3}`,
  },
  today: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: 0,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  todayLabel: {
    position: 'absolute',
    bottom: 0,
    transform: 'translateX(-50%)',
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  bar: {
    position: 'absolute',
    height: `${LANE_REM - 0.5}rem`,
    marginTop: '0.25rem',
    boxSizing: 'border-box',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    // The colour comes inline, per phase kind.
    border: `${tokens.strokeWidthThin} solid`,
    borderLeftWidth: tokens.strokeWidthThickest,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${LANE_REM - 0.6}rem`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
});

export interface ClockTimelineProps {
  year: number;
  phases: readonly ClockPhase[];
}

/** The visual vuosikello: months across, one row per level. The phase table carries the same data. */
export function ClockTimeline({ year, phases }: ClockTimelineProps) {
  const styles = useStyles();
  const { t, locale, formatDate } = useI18n();
  const rows = useMemo(() => layoutClock(phases, year), [phases, year]);
  const months = useMemo(() => monthSpans(year), [year]);
  const shortMonths = useMemo(() => monthNames(locale, 'short'), [locale]);
  const today = todayPercent(year);

  const gridlines = months
    .slice(1)
    .map((month, index) => (
      <div key={index} className={styles.gridline} style={{ left: `${month.startPercent}%` }} />
    ));
  const todayLine = today === null ? null : <div className={styles.today} style={{ left: `${today}%` }} />;

  return (
    <div
      className={styles.scroller}
      role="img"
      // One image to assistive technology: its label points to the phase table, which reads far better
      // than bars and gridlines would.
      aria-label={t('clock.timelineLabel', { year })}
      // Focusable so keyboard users can scroll it on narrow screens (Teams mobile, side panels).
      tabIndex={0}
    >
      <div className={styles.grid}>
        <div className={styles.headerRow}>
          <div className={styles.levelCell}>{t('clock.levelColumn')}</div>
          <div className={styles.track}>
            {months.map((month, index) => (
              <div
                key={index}
                className={styles.month}
                style={{ left: `${month.startPercent}%`, width: `${month.widthPercent}%` }}
              >
                {shortMonths[index]}
              </div>
            ))}
          </div>
        </div>
        {rows.map((row) => (
          <div key={row.level} className={styles.row}>
            <div className={styles.levelCell}>{t(`level.${row.level}`)}</div>
            <div
              className={styles.track}
              style={{ minHeight: `${Math.max(1, row.lanes.length) * LANE_REM}rem` }}
            >
              {gridlines}
              {todayLine}
              {row.lanes.flatMap((lane, laneIndex) =>
                lane.map(({ phase, startPercent, widthPercent }) => {
                  const name = t(`phase.${phase.kind}`);
                  const colors = PHASE_COLORS[phase.kind];
                  return (
                    <div
                      key={phase.id}
                      className={styles.bar}
                      style={{
                        left: `${startPercent}%`,
                        width: `${widthPercent}%`,
                        top: `${laneIndex * LANE_REM}rem`,
                        backgroundColor: colors.background,
                        borderColor: colors.border,
                      }}
                      title={t('clock.phaseRange', {
                        phase: name,
                        opens: formatDate(phase.opens),
                        closes: formatDate(phase.closes),
                      })}
                    >
                      {name}
                    </div>
                  );
                }),
              )}
            </div>
          </div>
        ))}
        {today === null ? null : (
          <div className={styles.headerRow}>
            <div />
            <div className={styles.track}>
              <span className={styles.todayLabel} style={{ left: `${today}%` }}>
                {t('clock.today')}
              </span>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
