import { makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { monthNames } from '../i18n/format';

const useStyles = makeStyles({
  group: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'nowrap' },
  day: { minWidth: '4.5rem' },
  month: { minWidth: '8.5rem' },
});

/** "MM-DD" → [month 1–12, day 1–31]; zeros for what cannot be read. */
function parts(monthDay: string): [number, number] {
  const [month = 0, day = 0] = monthDay.split('-').map(Number);
  return [month, day];
}

const monthDay = (month: number, day: number): string =>
  `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * A date that repeats every year, edited as day and month with no year (the clock's phases: 15.11.–28.2.). A day
 * the month does not always have (31.4., 29.2.) can be chosen: the field's error then says so, under this field.
 * Inside a Fluent Field, both selects are described by the field's message and marked invalid with it.
 */
export function MonthDayInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (monthDay: string) => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const months = useMemo(() => monthNames(locale, 'long'), [locale]);
  const [month, day] = parts(value);
  return (
    <div role="group" aria-label={label} className={styles.group}>
      <Select
        className={styles.day}
        aria-label={t('monthDay.day', { field: label })}
        value={String(day)}
        onChange={(_, data) => onChange(monthDay(month, Number(data.value)))}
      >
        {Array.from({ length: 31 }, (_, index) => (
          <option key={index + 1} value={String(index + 1)}>
            {`${index + 1}.`}
          </option>
        ))}
      </Select>
      <Select
        className={styles.month}
        aria-label={t('monthDay.month', { field: label })}
        value={String(month)}
        onChange={(_, data) => onChange(monthDay(Number(data.value), day))}
      >
        {months.map((name, index) => (
          <option key={name} value={String(index + 1)}>
            {name}
          </option>
        ))}
      </Select>
    </div>
  );
}
