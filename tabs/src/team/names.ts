import type { ReportRow } from '../api/types';

export const fullName = (person: Pick<ReportRow, 'firstName' | 'lastName'>): string =>
  `${person.firstName} ${person.lastName}`;

/** By last name, then first name, the Finnish way (å, ä, ö sort after z). */
export function byName(a: ReportRow, b: ReportRow): number {
  return a.lastName.localeCompare(b.lastName, 'fi') || a.firstName.localeCompare(b.firstName, 'fi');
}
