/** Checks of each people-CSV row against the others: uniqueness, the supervisor hierarchy, consistent units. */
import { columnHeader, type PeopleCsvColumns, type PeopleCsvField } from './people-csv-columns';
import type { ImportError, ImportErrorCode } from './import-errors';
import type { PersonRow } from './person-row-schema';

export interface CsvRow {
  /** 1-based line of the file, as in Excel. */
  row: number;
  /** Trimmed cells by field ('' when absent). */
  values: Record<PeopleCsvField, string>;
  /** Null when the row failed its own validation. */
  parsed: PersonRow | null;
  /** Fields whose own value failed validation: no cross check is made on them. */
  invalidFields: ReadonlySet<PeopleCsvField>;
}

/**
 * Every error between rows, given the rows already known bad. A row whose supervisor's row is bad is reported
 * too (once, and only if it has no error of its own), so that nothing is written under a person who is not.
 */
export function crossRowErrors(
  rows: CsvRow[],
  columns: PeopleCsvColumns,
  badRows: ReadonlySet<number>,
): ImportError[] {
  const errors: ImportError[] = [];
  const bad = new Set(badRows);
  const report = (
    row: number,
    field: PeopleCsvField,
    code: ImportErrorCode,
    params: Record<string, string>,
  ) => {
    errors.push({ row, column: columnHeader(columns, field), code, params });
    bad.add(row);
  };

  const rowsById = groupRows(rows, 'id', (value) => value);
  reportDuplicates(rowsById, 'id', 'duplicateId', report);
  reportDuplicates(
    groupRows(rows, 'email', (value) => value.toLowerCase()),
    'email',
    'duplicateEmail',
    report,
  );
  reportDuplicates(
    groupRows(rows, 'aadObjectId', (value) => value.toLowerCase()),
    'aadObjectId',
    'duplicateObjectId',
    report,
  );

  const supervisorOf = new Map<CsvRow, CsvRow>();
  for (const row of rows) {
    const supervisorId = row.values.supervisorId;
    if (!supervisorId || row.invalidFields.has('supervisorId')) continue;
    const candidates = rowsById.get(supervisorId);
    if (supervisorId === row.values.id) report(row.row, 'supervisorId', 'selfSupervisor', { supervisorId });
    else if (!candidates) report(row.row, 'supervisorId', 'supervisorNotFound', { supervisorId });
    else if (candidates[0]) supervisorOf.set(row, candidates[0]);
  }
  for (const cycle of supervisorCycles(rows, supervisorOf)) {
    const chain = [...cycle, cycle[0]].map((row) => row?.values.id).join(' → ');
    for (const row of cycle) report(row.row, 'supervisorId', 'supervisorCycle', { cycle: chain });
  }

  reportUnitConflicts(rows, bad, report);

  // Dependants of bad rows, down the hierarchy until nothing changes (its depth bounds the passes).
  let changed = true;
  while (changed) {
    changed = false;
    for (const row of rows) {
      const supervisor = supervisorOf.get(row);
      if (bad.has(row.row) || !supervisor || !bad.has(supervisor.row)) continue;
      report(row.row, 'supervisorId', 'supervisorRowInvalid', {
        supervisorId: row.values.supervisorId,
        supervisorRow: String(supervisor.row),
      });
      changed = true;
    }
  }
  return errors;
}

type Report = (
  row: number,
  field: PeopleCsvField,
  code: ImportErrorCode,
  params: Record<string, string>,
) => void;

function groupRows(
  rows: CsvRow[],
  field: PeopleCsvField,
  key: (value: string) => string,
): Map<string, CsvRow[]> {
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const value = row.values[field];
    if (!value) continue;
    const group = groups.get(key(value));
    if (group) group.push(row);
    else groups.set(key(value), [row]);
  }
  return groups;
}

function reportDuplicates(
  groups: Map<string, CsvRow[]>,
  field: PeopleCsvField,
  code: ImportErrorCode,
  report: Report,
): void {
  for (const [value, group] of groups) {
    if (group.length < 2) continue;
    for (const row of group) {
      const otherRows = group.filter((other) => other !== row).map((other) => other.row);
      report(row.row, field, code, { value, rows: otherRows.join(', ') });
    }
  }
}

/** Each cycle once, in supervisor order, starting from its earliest row. */
function supervisorCycles(rows: CsvRow[], supervisorOf: Map<CsvRow, CsvRow>): CsvRow[][] {
  const done = new Set<CsvRow>();
  const cycles: CsvRow[][] = [];
  for (const start of rows) {
    const path: CsvRow[] = [];
    const onPath = new Set<CsvRow>();
    let current: CsvRow | undefined = start;
    while (current && !done.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = supervisorOf.get(current);
    }
    if (current && onPath.has(current)) cycles.push(path.slice(path.indexOf(current)));
    for (const row of path) done.add(row);
  }
  return cycles.map((cycle) => {
    const first = cycle.reduce((earliest, row) => (row.row < earliest.row ? row : earliest));
    const at = cycle.indexOf(first);
    return [...cycle.slice(at), ...cycle.slice(0, at)];
  });
}

/** The first valid row to name a service area or team defines it; a later row that disagrees is an error. */
function reportUnitConflicts(rows: CsvRow[], bad: ReadonlySet<number>, report: Report): void {
  const serviceAreas = new Map<string, { name: string; row: number }>();
  const teams = new Map<string, { serviceAreaId: string; name: string; kind: string; row: number }>();
  for (const { row, parsed } of rows) {
    if (!parsed || bad.has(row)) continue;
    const { serviceArea, team, teamKind } = parsed;
    const area = serviceAreas.get(serviceArea.id);
    if (!area) serviceAreas.set(serviceArea.id, { name: serviceArea.name, row });
    else if (area.name !== serviceArea.name) {
      report(row, 'serviceArea', 'serviceAreaConflict', {
        name: serviceArea.name,
        firstName: area.name,
        firstRow: String(area.row),
      });
      continue;
    }
    const known = teams.get(team.id);
    if (!known) teams.set(team.id, { serviceAreaId: serviceArea.id, name: team.name, kind: teamKind, row });
    else if (known.serviceAreaId !== serviceArea.id || known.name !== team.name || known.kind !== teamKind) {
      report(row, 'team', 'teamConflict', { name: team.name, firstRow: String(known.row) });
    }
  }
}
