import { mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { LocalisedText } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { DataTable, RowHeader } from './DataTable';
import { useDataTableStyles } from './dataTableStyles';

export interface CompetenceYearTableProps {
  caption: string;
  /** The first column's header. */
  competenceHeader: string;
  years: readonly number[];
  competences: readonly { id: string; name: LocalisedText }[];
  /** The text of one competence's cell in one year. */
  cell: (competenceId: string, year: number) => ReactNode;
}

/** Competences down, years across: the text version of a ratings chart, with real table semantics. */
export function CompetenceYearTable({
  caption,
  competenceHeader,
  years,
  competences,
  cell,
}: CompetenceYearTableProps) {
  const table = useDataTableStyles();
  const { locale } = useI18n();
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: competenceHeader },
        ...years.map((year) => ({ key: String(year), label: year, numeric: true })),
      ]}
    >
      {competences.map((competence) => (
        <tr key={competence.id}>
          <RowHeader>{competence.name[locale]}</RowHeader>
          {years.map((year) => (
            <td key={year} className={mergeClasses(table.cell, table.number, table.nowrap)}>
              {cell(competence.id, year)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}
