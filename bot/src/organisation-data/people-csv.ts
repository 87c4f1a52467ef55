/**
 * Reads the people CSV an HR system exports: header row (English, Finnish or Swedish names), comma- or
 * semicolon-delimited (Finnish Excel saves with ';'), with or without a BOM, any line endings. Every row is
 * validated on its own and against the others; `people` holds only rows that are valid and do not depend on an
 * invalid one, `errors` says what is wrong where. Whether to write anything is decided by `planImport`.
 */
import { parse } from 'csv-parse/sync';
import type { Person, ServiceArea, Team, TenantId } from '../domain/organisation';
import { withSupervisorRoles } from '../domain/people-rules';
import { deriveUnits, type UnitDefinitions } from './derive-units';
import type { ImportError, ImportErrorCode } from './import-errors';
import { crossRowErrors, type CsvRow } from './people-cross-checks';
import {
  columnHeader,
  PEOPLE_CSV_FIELDS,
  readHeader,
  type PeopleCsvColumns,
  type PeopleCsvField,
} from './people-csv-columns';
import { personRowSchema, type PersonRowInput } from './person-row-schema';

export interface PeopleCsvResult {
  people: Person[];
  serviceAreas: ServiceArea[];
  teams: Team[];
  errors: ImportError[];
}

export interface PeopleCsvOptions {
  /** People erased on request (storage/erased-person-repository.ts): their rows are errors, not imported. */
  isErased?: (personId: string) => boolean;
}

export function parsePeopleCsv(
  text: string,
  tenantId: TenantId,
  options: PeopleCsvOptions = {},
): PeopleCsvResult {
  const read = readRecords(text);
  if ('error' in read) return failed([read.error]);
  const { records } = read;
  const headerIndex = records.findIndex((record) => !isBlank(record));
  const headerRecord = records[headerIndex];
  if (!headerRecord) return failed([{ row: 1, code: 'emptyFile' }]);
  const header = readHeader(headerRecord, headerIndex + 1);
  if (header.errors.length > 0) return failed(header.errors);
  const { columns } = header;

  const rows: CsvRow[] = [];
  const errors: ImportError[] = [];
  records.forEach((record, index) => {
    if (index <= headerIndex || isBlank(record)) return;
    const { row, rowErrors } = readRow(record, index + 1, columns, headerRecord.length);
    rows.push(row);
    errors.push(...rowErrors);
  });
  if (rows.length === 0) return failed([{ row: headerIndex + 2, code: 'noDataRows' }]);
  const { isErased } = options;
  for (const { row, parsed } of rows) {
    if (parsed && isErased?.(parsed.id))
      errors.push({
        row,
        column: columnHeader(columns, 'id'),
        code: 'erasedPerson',
        params: { value: parsed.id },
      });
  }

  errors.push(...crossRowErrors(rows, columns, new Set(errors.map((error) => error.row))));
  const badRows = new Set(errors.map((error) => error.row));
  const valid = rows.flatMap(({ row, parsed }) => (parsed && !badRows.has(row) ? [parsed] : []));
  // Whoever has reports is a supervisor, whatever the roles column says (see people-rules).
  const people = withSupervisorRoles(
    valid.map((parsed): Person => ({
      tenantId,
      id: parsed.id,
      firstName: parsed.firstName,
      lastName: parsed.lastName,
      email: parsed.email,
      aadObjectId: parsed.aadObjectId,
      serviceAreaId: parsed.serviceArea.id,
      teamId: parsed.team.id,
      supervisorId: parsed.supervisorId,
      roles: parsed.roles,
      locale: parsed.language,
    })),
  );
  const definitions: UnitDefinitions = {
    serviceAreas: new Map(valid.map((parsed) => [parsed.serviceArea.id, parsed.serviceArea.name])),
    teams: new Map(
      valid.map((parsed) => [parsed.team.id, { name: parsed.team.name, kind: parsed.teamKind }]),
    ),
  };
  return {
    people,
    ...deriveUnits(tenantId, people, definitions),
    errors: errors.sort((a, b) => a.row - b.row),
  };
}

function failed(errors: ImportError[]): PeopleCsvResult {
  return { people: [], serviceAreas: [], teams: [], errors };
}

/** All records, blank lines included, so that a record's index is its row number in Excel. */
function readRecords(text: string): { records: string[][] } | { error: ImportError } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  try {
    const records: string[][] = parse(normalised, {
      delimiter: detectDelimiter(normalised),
      relax_column_count: true,
      skip_empty_lines: false,
    });
    return { records };
  } catch (error) {
    // csv-parse counts the records it completed; the broken one is the next.
    const completed = typeof error === 'object' && error && 'records' in error ? Number(error.records) : 0;
    return { error: { row: Number.isInteger(completed) ? completed + 1 : 1, code: 'malformedCsv' } };
  }
}

/** The delimiter used most in the first non-blank line outside quotes; header names never contain one. */
function detectDelimiter(text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const character of firstLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  return [...counts].reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

function isBlank(record: string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

function readRow(
  record: string[],
  rowNumber: number,
  columns: PeopleCsvColumns,
  headerLength: number,
): { row: CsvRow; rowErrors: ImportError[] } {
  const values = Object.fromEntries(
    PEOPLE_CSV_FIELDS.map((field) => {
      const column = columns[field];
      return [field, column ? (record[column.index] ?? '').trim() : ''];
    }),
  ) as Record<PeopleCsvField, string>;
  const rowErrors: ImportError[] = [];
  if (record.slice(headerLength).some((cell) => cell.trim() !== '')) {
    rowErrors.push({ row: rowNumber, code: 'extraFields', params: { count: String(record.length) } });
  }

  const input: PersonRowInput = {
    id: values.id,
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    aadObjectId: values.aadObjectId,
    serviceArea: { id: values.serviceAreaId, name: values.serviceArea },
    team: { id: values.teamId, name: values.team },
    teamKind: values.teamKind,
    supervisorId: values.supervisorId,
    roles: values.roles,
    language: values.language,
  };
  const result = personRowSchema.safeParse(input);
  const invalidFields = new Set<PeopleCsvField>();
  for (const issue of result.error?.issues ?? []) {
    const field = fieldOfPath(issue.path);
    if (invalidFields.has(field)) continue;
    invalidFields.add(field);
    rowErrors.push({
      row: rowNumber,
      column: columnHeader(columns, field),
      code: issue.message as ImportErrorCode,
      ...issueParams(issue),
    });
  }
  return { row: { row: rowNumber, values, parsed: result.data ?? null, invalidFields }, rowErrors };
}

/** The CSV column behind a path in the row schema (service area and team are nested id/name pairs). */
function fieldOfPath(path: PropertyKey[]): PeopleCsvField {
  const [head, sub] = path;
  if (head === 'serviceArea') return sub === 'id' ? 'serviceAreaId' : 'serviceArea';
  if (head === 'team') return sub === 'id' ? 'teamId' : 'team';
  return head as PeopleCsvField;
}

function issueParams(issue: { code: string; params?: Record<string, unknown>; maximum?: unknown }) {
  if (issue.code === 'too_big') return { params: { max: String(issue.maximum) } };
  if (issue.params)
    return { params: Object.fromEntries(Object.entries(issue.params).map(([k, v]) => [k, String(v)])) };
  return {};
}
