import { mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { LocalisedText } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { useDataTableStyles } from './dataTableStyles';
import { ScrollRegion } from './ScrollRegion';

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
    <ScrollRegion label={caption}>
      <table className={table.table}>
        <caption className={table.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.headerCell}>
              {competenceHeader}
            </th>
            {years.map((year) => (
              <th key={year} scope="col" className={mergeClasses(table.headerCell, table.number)}>
                {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {competences.map((competence) => (
            <tr key={competence.id}>
              <th scope="row" className={mergeClasses(table.cell, table.rowHeader)}>
                {competence.name[locale]}
              </th>
              {years.map((year) => (
                <td key={year} className={mergeClasses(table.cell, table.number, table.nowrap)}>
                  {cell(competence.id, year)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
