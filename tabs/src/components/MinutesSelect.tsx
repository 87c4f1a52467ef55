import { Select } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

/** A choice of a number of minutes (a meeting's length, the gap between meetings), each option read as minutes. */
export function MinutesSelect({
  options,
  value,
  onChange,
}: {
  options: readonly number[];
  value: number;
  onChange: (minutes: number) => void;
}) {
  const { t } = useI18n();
  return (
    <Select value={String(value)} onChange={(_, data) => onChange(Number(data.value))}>
      {options.map((minutes) => (
        <option key={minutes} value={minutes}>
          {t('team.minutes', { minutes })}
        </option>
      ))}
    </Select>
  );
}
