import { mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { LocalisedText } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { useDataTableStyles } from './dataTableStyles';

export interface CompetenceYearTableProps {
  caption: string;
  /** The first column's header. */
  competenceHeader: string;
  years: readonly number[];
  competences: readonly { id: string; name: LocalisedText }[];
  /** The text of one competence's cell in one year. */
  cell: (competenceId: string, year: number) => ReactNode;
  /** A scrollable region named by the caption, reachable by keyboard (for wide tables). */
  region?: boolean;
}

/** Competences down, years across: the text version of a ratings chart, with real table semantics. */
export function CompetenceYearTable({
  caption,
  competenceHeader,
  years,
  competences,
  cell,
  region = false,
}: CompetenceYearTableProps) {
  const table = useDataTableStyles();
  const { locale } = useI18n();
  const regionProps = region ? { role: 'region', 'aria-label': caption, tabIndex: 0 } : {};
  return (
    <div className={table.wrapper} {...regionProps}>
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
    </div>
  );
}
