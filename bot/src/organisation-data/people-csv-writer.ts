/** Writes people in the format `parsePeopleCsv` reads: the demo data and fixtures, or an export back to HR. */
import type { Person, ServiceArea, Team } from '../domain/organisation';
import { PEOPLE_CSV_FIELDS, type PeopleCsvField } from './people-csv-columns';

export interface PeopleCsvOptions {
  /** ';' is what Finnish Excel expects. */
  delimiter?: ',' | ';';
  /** Excel reads UTF-8 without a byte order mark as the local code page, garbling ä and ö. */
  bom?: boolean;
}

export function toPeopleCsv(
  people: Person[],
  serviceAreas: ServiceArea[],
  teams: Team[],
  { delimiter = ',', bom = false }: PeopleCsvOptions = {},
): string {
  const serviceAreaNames = new Map(serviceAreas.map((area) => [area.id, area.name]));
  const teamsById = new Map(teams.map((team) => [team.id, team]));
  const cell = (value: string) =>
    /[",;\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const lines = people.map((person) => {
    const team = teamsById.get(person.teamId);
    const serviceAreaName = serviceAreaNames.get(person.serviceAreaId);
    if (!team || serviceAreaName === undefined) {
      throw new Error(`Person ${person.id} refers to a team or service area that was not given.`);
    }
    const values: Record<PeopleCsvField, string> = {
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      aadObjectId: person.aadObjectId ?? '',
      serviceAreaId: person.serviceAreaId,
      serviceArea: serviceAreaName,
      teamId: team.id,
      team: team.name,
      teamKind: team.kind,
      supervisorId: person.supervisorId ?? '',
      roles: person.roles.join(';'),
      language: person.locale,
    };
    return PEOPLE_CSV_FIELDS.map((field) => cell(values[field])).join(delimiter);
  });
  return `${bom ? '\uFEFF' : ''}${[PEOPLE_CSV_FIELDS.join(delimiter), ...lines].join('\r\n')}\r\n`;
}
