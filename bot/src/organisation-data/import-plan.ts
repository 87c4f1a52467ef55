/** What an organisation import writes: by default all or nothing; HR may choose to leave out the bad rows. */
import type { Person, ServiceArea, Team } from '../domain/organisation';
import type { PeopleCsvResult } from './people-csv';

export type ImportPlan =
  | {
      kind: 'write';
      serviceAreas: ServiceArea[];
      teams: Team[];
      people: Person[];
      /** Rows left out (1-based, as in Excel): the bad ones and those depending on them. */
      skippedRows: number[];
    }
  | {
      kind: 'refused';
      /** 'errors': the file has errors and HR did not ask to skip bad rows; 'nothingValid': no row can be written. */
      reason: 'errors' | 'nothingValid';
    };

export function planImport(result: PeopleCsvResult, options: { skipBadRows: boolean }): ImportPlan {
  if (result.errors.length > 0 && !options.skipBadRows) return { kind: 'refused', reason: 'errors' };
  if (result.people.length === 0) return { kind: 'refused', reason: 'nothingValid' };
  const skippedRows = [...new Set(result.errors.map((error) => error.row))].sort((a, b) => a - b);
  return {
    kind: 'write',
    serviceAreas: result.serviceAreas,
    teams: result.teams,
    people: result.people,
    skippedRows,
  };
}
