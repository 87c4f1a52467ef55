import { Field, makeStyles, mergeClasses, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SummaryFigures } from '../api/types';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { useI18n } from '../i18n/I18nContext';
import { cellValue, HEATMAP_MEASURES, shadeOf, type HeatmapMeasure } from './heatmapScale';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  competenceHeader: { minWidth: '7rem' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  // Two tints of one hue per measure, with the ordinary text colour on both (readable in every theme).
  rating1: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  rating2: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  need1: { backgroundColor: tokens.colorPaletteMarigoldBackground1 },
  need2: { backgroundColor: tokens.colorPaletteMarigoldBackground2 },
});

/**
 * The competences × teams heatmap of a published summary: a real table (teams as row headers, competences as
 * column headers) whose cells hold the numbers; the shade repeats them for the eye. Teams too small to show on
 * their own are one combined row, and a figure under the threshold is shown as not shown.
 */
export function SummaryHeatmap({ figures, year }: { figures: SummaryFigures; year: number }) {
  const styles = useStyles();
  const table = useDataTableStyles();
  const { t, locale, formatNumber } = useI18n();
  const [measure, setMeasure] = useState<HeatmapMeasure>('self');
  const measureLabel = t(`channel.heatmap.${measure}`);
  const caption = t('channel.heatmap.caption', { year, measure: measureLabel });
  const format = (value: number) =>
    measure === 'needShare'
      ? formatNumber(value, { style: 'percent', maximumFractionDigits: 0 })
      : formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const shade = (value: number) => {
    const level = shadeOf(measure, value);
    if (level === 0) return undefined;
    if (measure === 'needShare') return level === 1 ? styles.need1 : styles.need2;
    return level === 1 ? styles.rating1 : styles.rating2;
  };

  return (
    <div className={styles.root}>
      <Field label={t('channel.heatmap.measure')}>
        <RadioGroup
          layout="horizontal"
          value={measure}
          onChange={(_, data) => setMeasure(data.value as HeatmapMeasure)}
        >
          {HEATMAP_MEASURES.map((option) => (
            <Radio key={option} value={option} label={t(`channel.heatmap.${option}`)} />
          ))}
        </RadioGroup>
      </Field>
      {/* Wide with many competences: the region scrolls sideways and can be reached with the keyboard. */}
      <DataTable
        caption={caption}
        columns={[
          { label: t('channel.heatmap.team') },
          { label: t('channel.heatmap.respondents'), numeric: true },
          ...figures.competences.map((competence) => ({
            key: competence.competenceId,
            label: competence.name[locale],
            numeric: true,
            className: styles.competenceHeader,
          })),
        ]}
      >
        {figures.heatmap.map((row) => (
          <tr key={row.groupId ?? 'combined'}>
            <RowHeader>
              {row.kind === 'combined'
                ? t('channel.heatmap.combined', { count: row.groupCount })
                : (row.name ?? row.groupId)}
            </RowHeader>
            <td className={mergeClasses(table.cell, table.number)}>{formatNumber(row.respondents)}</td>
            {figures.competences.map((competence) => {
              const value = cellValue(row.cells[competence.competenceId], measure);
              return (
                <td
                  key={competence.competenceId}
                  className={mergeClasses(
                    table.cell,
                    table.number,
                    table.nowrap,
                    value === null ? undefined : shade(value),
                  )}
                >
                  {value === null ? (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className={styles.hidden}>{t('channel.heatmap.hidden')}</span>
                    </>
                  ) : (
                    format(value)
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
      <p className={styles.note}>{t('channel.heatmap.note', { threshold: figures.threshold })}</p>
    </div>
  );
}
