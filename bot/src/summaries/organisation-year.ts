/** The calendar year in the organisation's time zone: the year of the round, summary or plan being worked on. */
import { organisationDate } from '../api/organisation-clock';

export function organisationYear(now: Date): number {
  return Number(organisationDate(now).slice(0, 4));
}
