import { Field, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { MyCompetence } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { useListStyles } from './listStyles';
import { CompetenceYearTable } from './CompetenceYearTable';

type Series = MyCompetence['competences'][number];

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { left: 40, right: 24, top: 16, bottom: 32 };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  chart: { width: '100%', maxWidth: '40rem', height: 'auto', overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1, strokeDasharray: '4 4' },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '12px' },
  self: { stroke: tokens.colorBrandForeground1, fill: tokens.colorBrandForeground1 },
  supervisor: {
    stroke: tokens.colorPaletteDarkOrangeForeground1,
    fill: tokens.colorPaletteDarkOrangeForeground1,
  },
  line: { fill: 'none', strokeWidth: 2 },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  scaleNote: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/**
 * The person's ratings of one competence over the years, self-assessment and supervisor's, as a line chart
 * (drawn by hand: one small SVG, no chart library); every number is also in the table below it.
 */
export function RatingsChart({ competences, scale }: Pick<MyCompetence, 'competences' | 'scale'>) {
  const styles = useStyles();
  const lists = useListStyles();
  const { t, locale } = useI18n();
  const [selectedId, setSelectedId] = useState(competences[0]?.id ?? '');
  const descriptionId = useId();
  const selected = competences.find((c) => c.id === selectedId) ?? competences[0];
  const years = [...new Set(competences.flatMap((c) => c.points.map((p) => p.year)))].sort((a, b) => a - b);
  if (!selected) return null;

  const first = years[0] ?? 0;
  const span = Math.max(1, (years[years.length - 1] ?? first) - first);
  const x = (year: number) =>
    years.length === 1
      ? (PAD.left + WIDTH - PAD.right) / 2
      : PAD.left + ((year - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) =>
    HEIGHT -
    PAD.bottom -
    ((value - scale.min) / Math.max(1, scale.max - scale.min)) * (HEIGHT - PAD.top - PAD.bottom);
  const steps = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);

  const line = (pick: (p: Series['points'][number]) => number | null) =>
    selected.points
      .flatMap((p) => {
        const value = pick(p);
        return value === null ? [] : [`${x(p.year)},${y(value)}`];
      })
      .join(' ');
  const cell = (value: number | null) => (value === null ? '–' : String(value));

  return (
    <div className={styles.root}>
      <Field label={t('ratings.chooseCompetence')}>
        <Select value={selected.id} onChange={(_, data) => setSelectedId(data.value)}>
          {competences.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name[locale]}
            </option>
          ))}
        </Select>
      </Field>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('ratings.chartLabel', { competence: selected.name[locale] })}
        aria-describedby={descriptionId}
      >
        {steps.map((step) => (
          <g key={step}>
            <line className={styles.grid} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(step)} y2={y(step)} />
            <text className={styles.label} x={PAD.left - 8} y={y(step) + 4} textAnchor="end">
              {step}
            </text>
          </g>
        ))}
        <line
          className={styles.axis}
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
        />
        {years.map((year) => (
          <text key={year} className={styles.label} x={x(year)} y={HEIGHT - 10} textAnchor="middle">
            {year}
          </text>
        ))}
        <polyline className={mergeClasses(styles.line, styles.self)} points={line((p) => p.self)} />
        <polyline
          className={mergeClasses(styles.line, styles.supervisor)}
          points={line((p) => p.supervisor)}
          strokeDasharray="6 4"
        />
        {selected.points.map((p) =>
          p.self === null ? null : (
            <circle key={`s${p.year}`} className={styles.self} cx={x(p.year)} cy={y(p.self)} r={5} />
          ),
        )}
        {selected.points.map((p) =>
          p.supervisor === null ? null : (
            <rect
              key={`v${p.year}`}
              className={styles.supervisor}
              x={x(p.year) - 5}
              y={y(p.supervisor) - 5}
              width={10}
              height={10}
            />
          ),
        )}
      </svg>
      <ul className={lists.legend} id={descriptionId}>
        <li className={styles.legendItem}>
          <svg width="16" height="16" aria-hidden="true">
            <circle className={styles.self} cx="8" cy="8" r="5" />
          </svg>
          {t('ratings.self')}
        </li>
        <li className={styles.legendItem}>
          <svg width="16" height="16" aria-hidden="true">
            <rect className={styles.supervisor} x="3" y="3" width="10" height="10" />
          </svg>
          {t('ratings.supervisor')}
        </li>
      </ul>
      <p className={styles.scaleNote}>
        {t('ratings.scale', {
          scale: scale.labels.map((label, i) => `${scale.min + i} = ${label[locale]}`).join(', '),
        })}
      </p>
      <CompetenceYearTable
        caption={t('ratings.tableCaption')}
        competenceHeader={t('ratings.competence')}
        years={years}
        competences={competences}
        cell={(competenceId, year) => {
          const point = competences.find((c) => c.id === competenceId)?.points.find((p) => p.year === year);
          return point
            ? t('ratings.cell', { self: cell(point.self), supervisor: cell(point.supervisor) })
            : '–';
        }}
      />
    </div>
  );
}
