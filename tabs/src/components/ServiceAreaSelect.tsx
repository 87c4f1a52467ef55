import { Select } from '@fluentui/react-components';
import type { ServiceAreaName } from '../api/types';

/** A choice of one service area by id; the first option, the empty id, is what no area means where it is used. */
export function ServiceAreaSelect({
  areas,
  value,
  onChange,
  noneLabel,
}: {
  areas: readonly ServiceAreaName[];
  value: string;
  onChange: (serviceAreaId: string) => void;
  noneLabel: string;
}) {
  return (
    <Select value={value} onChange={(_, data) => onChange(data.value)}>
      <option value="">{noneLabel}</option>
      {areas.map((area) => (
        <option key={area.id} value={area.id}>
          {area.name}
        </option>
      ))}
    </Select>
  );
}
