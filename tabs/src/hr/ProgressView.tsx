import { makeStyles, MessageBar, MessageBarBody, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { fetchProgress } from '../api/hr';
import type { RoundProgress } from '../api/types';
import { useResource } from '../api/useResource';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { YearNavigation } from '../components/YearNavigation';
import { useI18n } from '../i18n/I18nContext';
import { useListStyles } from '../components/listStyles';
import type { HrYearViewProps } from './yearViewProps';
import { AnonymityThresholdForm } from './AnonymityThresholdForm';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, 14rem) 1fr',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
  bar: {
    display: 'flex',
    height: '1.5rem',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  held: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  scheduled: {
    backgroundColor: tokens.colorPaletteBlueBackground2,
    backgroundImage: `repeating-linear-gradient(45deg, transparent 0 4px, ${tokens.colorPaletteBlueBorderActive} 4px 6px)`,
  },
  swatch: {
    display: 'inline-block',
    width: '0.9rem',
    height: '0.9rem',
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
});

function figures(area: RoundProgress['serviceAreas'][number]) {
  if (area.due === null || area.counts === null) return null;
  const held = area.counts.held + area.counts.signed;
  const scheduled = area.counts.scheduled + area.counts.prepared;
  return { due: area.due, held, scheduled, open: Math.max(0, area.due - held - scheduled) };
}

/**
 * Development discussions held against those due, per service area: a bar chart and the same as a table; and
 * the anonymity threshold they are shown by, which HR can raise.
 */
export function ProgressView({ api, year, onYearChange }: HrYearViewProps) {
  const styles = useStyles();
  const lists = useListStyles();
  const table = useDataTableStyles();
  const { t, formatNumber, formatDateTime } = useI18n();
  const { state, retry } = useResource((signal) => fetchProgress(api, year, signal), `progress:${year}`);
  const [raisedTo, setRaisedTo] = useState<number | null>(null);
  if (state.status === 'loading') return <LoadingState label={t('progress.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const { data } = state;
  const percent = (part: number, whole: number) => (whole === 0 ? 0 : (part / whole) * 100);
  /** Why an area shows no counts: too small a group, or not yet moved by a release step (docs/anonymity.md). */
  const notShown = (area: RoundProgress['serviceAreas'][number], short = false) =>
    area.due === null
      ? t('progress.tooSmall')
      : short
        ? t('progress.notReleasedShort')
        : t('progress.notReleased', { threshold: data.anonymityThreshold });

  return (
    <>
      <div className={styles.header}>
        <p className={styles.muted}>
          {t('progress.intro', { year: data.year, threshold: data.anonymityThreshold })}
        </p>
        <YearNavigation year={data.year} onChange={onYearChange} />
      </div>
      <p className={styles.muted}>{t('figures.releasedHow', { threshold: data.anonymityThreshold })}</p>
      {raisedTo !== null ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('threshold.saved', { threshold: raisedTo })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <AnonymityThresholdForm
        key={data.anonymityThreshold}
        api={api}
        current={data.anonymityThreshold}
        onRaised={(threshold) => {
          setRaisedTo(threshold);
          retry();
        }}
      />
      {data.serviceAreas.length === 0 ? (
        <EmptyState text={t('progress.empty')} />
      ) : (
        <>
          <ul className={lists.legend} aria-hidden="true">
            <li>
              <span className={mergeClasses(styles.swatch, styles.held)} />
              {t('progress.held')}
            </li>
            <li>
              <span className={mergeClasses(styles.swatch, styles.scheduled)} />
              {t('progress.scheduled')}
            </li>
          </ul>
          {/* The bars are a picture of the table below; screen readers get the table. */}
          <ul className={lists.stack} aria-hidden="true">
            {data.serviceAreas.map((area) => {
              const f = figures(area);
              return (
                <li key={area.id} className={styles.row}>
                  <span>{area.name}</span>
                  {f ? (
                    <div className={styles.bar}>
                      <div className={styles.held} style={{ width: `${percent(f.held, f.due)}%` }} />
                      <div
                        className={styles.scheduled}
                        style={{ width: `${percent(f.scheduled, f.due)}%` }}
                      />
                    </div>
                  ) : (
                    <span className={styles.muted}>{notShown(area, true)}</span>
                  )}
                </li>
              );
            })}
          </ul>
          <DataTable
            caption={t('progress.tableCaption', { year: data.year })}
            columns={[
              { label: t('progress.serviceArea') },
              { label: t('progress.due'), numeric: true },
              { label: t('progress.scheduled'), numeric: true },
              { label: t('progress.held'), numeric: true },
              { label: t('progress.heldShare'), numeric: true },
              { label: t('progress.releasedAt') },
            ]}
          >
            {data.serviceAreas.map((area) => {
              const f = figures(area);
              return (
                <tr key={area.id}>
                  <RowHeader>{area.name}</RowHeader>
                  {f ? (
                    <>
                      <td className={mergeClasses(table.cell, table.number)}>{formatNumber(f.due)}</td>
                      <td className={mergeClasses(table.cell, table.number)}>{formatNumber(f.scheduled)}</td>
                      <td className={mergeClasses(table.cell, table.number)}>{formatNumber(f.held)}</td>
                      <td className={mergeClasses(table.cell, table.number)}>
                        {formatNumber(percent(f.held, f.due) / 100, {
                          style: 'percent',
                          maximumFractionDigits: 0,
                        })}
                      </td>
                      <td className={mergeClasses(table.cell, table.nowrap)}>
                        {area.releasedAt ? formatDateTime(area.releasedAt) : null}
                      </td>
                    </>
                  ) : (
                    <td className={table.cell} colSpan={5}>
                      {notShown(area)}
                    </td>
                  )}
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
    </>
  );
}
