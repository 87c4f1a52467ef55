import { mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useDataTableStyles } from './dataTableStyles';
import { ScrollRegion } from './ScrollRegion';

/** One column's header: its text, whether its figures align right, and a style of its own where it needs one. */
export interface DataColumn {
  label: ReactNode;
  numeric?: boolean;
  className?: string;
  /** React's key where the columns come from data; the position otherwise. */
  key?: string;
}

/**
 * A plain HTML table with a caption and a row of column headers (real table semantics for screen readers), in a
 * scroll region named by the caption so a wide table can be scrolled with the keyboard. The rows are the
 * children, in the table's body.
 */
export function DataTable({
  caption,
  columns,
  children,
  id,
  scrolls = true,
}: {
  caption: string;
  columns: readonly (DataColumn | null)[];
  children: ReactNode;
  id?: string;
  /** False where the table sits in a container that already scrolls. */
  scrolls?: boolean;
}) {
  const table = useDataTableStyles();
  const body = (
    <table id={id} className={table.table}>
      <caption className={table.caption}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) =>
            column ? (
              <th
                key={column.key ?? index}
                scope="col"
                className={mergeClasses(table.headerCell, column.numeric && table.number, column.className)}
              >
                {column.label}
              </th>
            ) : null,
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return scrolls ? <ScrollRegion label={caption}>{body}</ScrollRegion> : body;
}

/** A row's header cell: the thing the row is about, read out with each of the row's cells. */
export function RowHeader({ className, children }: { className?: string; children: ReactNode }) {
  const table = useDataTableStyles();
  return (
    <th scope="row" className={mergeClasses(table.cell, className, table.rowHeader)}>
      {children}
    </th>
  );
}
