/** What an organisation import can find wrong with a file; codes are stable and translated at the edges. */

export const IMPORT_ERROR_CODES = [
  // The file as a whole
  'emptyFile',
  'malformedCsv',
  'noHeader',
  'missingColumn',
  'duplicateColumn',
  'noDataRows',
  // One row on its own
  'extraFields',
  'required',
  'tooLong',
  'invalidCharacters',
  'formulaPrefix',
  'invalidId',
  'invalidEmail',
  'invalidObjectId',
  'unknownRole',
  'unknownLanguage',
  'unknownTeamKind',
  // A row against the others
  'duplicateId',
  'duplicateEmail',
  'duplicateObjectId',
  'selfSupervisor',
  'supervisorNotFound',
  'supervisorCycle',
  'supervisorRowInvalid',
  'serviceAreaConflict',
  'teamConflict',
  // A row against what is stored
  'erasedPerson',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportError {
  /** 1-based line of the file including the header: the row number HR sees in Excel. */
  row: number;
  /** The column's header as written in the file (or our field name when the column is missing). */
  column?: string;
  code: ImportErrorCode;
  params?: Record<string, string>;
}
