/** The columns of the people CSV and the header names (English, Finnish, Swedish) HR systems give them. */
import type { ImportError } from './import-errors';

export const PEOPLE_CSV_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'email',
  'aadObjectId',
  'serviceAreaId',
  'serviceArea',
  'teamId',
  'team',
  'teamKind',
  'supervisorId',
  'roles',
  'language',
] as const;
export type PeopleCsvField = (typeof PEOPLE_CSV_FIELDS)[number];

const HEADER_ALIASES: Record<PeopleCsvField, readonly string[]> = {
  id: [
    'id',
    'person id',
    'employee id',
    'employee number',
    'henkilönumero',
    'henkilönro',
    'työntekijänumero',
    'anställningsnummer',
  ],
  firstName: ['first name', 'given name', 'etunimi', 'kutsumanimi', 'förnamn', 'tilltalsnamn'],
  lastName: ['last name', 'surname', 'family name', 'sukunimi', 'efternamn'],
  email: [
    'email',
    'e-mail',
    'upn',
    'user principal name',
    'sähköposti',
    'sähköpostiosoite',
    'e-post',
    'e-postadress',
  ],
  aadObjectId: [
    'aad object id',
    'entra object id',
    'object id',
    'entra id',
    'azure ad object id',
    'objekti-id',
  ],
  serviceAreaId: [
    'service area id',
    'palvelualueen tunnus',
    'palvelualuetunnus',
    'palvelualue id',
    'serviceområdets kod',
  ],
  serviceArea: [
    'service area',
    'service area name',
    'palvelualue',
    'palvelualueen nimi',
    'serviceområde',
    'tjänsteområde',
  ],
  teamId: ['team id', 'tiimin tunnus', 'tiimitunnus', 'tiimi id', 'vastuualueen tunnus', 'teamets kod'],
  team: ['team', 'team name', 'tiimi', 'tiimin nimi', 'vastuualue', 'teamets namn'],
  teamKind: ['team kind', 'team type', 'tiimin tyyppi', 'tiimityyppi', 'teamtyp'],
  supervisorId: [
    'supervisor id',
    'supervisor',
    'manager id',
    'esihenkilö',
    'esihenkilön tunnus',
    'esihenkilön henkilönumero',
    'esimies',
    'chef',
    'chefens id',
    'förman',
  ],
  roles: ['roles', 'role', 'roolit', 'rooli', 'roller', 'roll'],
  language: ['language', 'locale', 'kieli', 'asiointikieli', 'språk'],
};

/** Either column of each pair will do: the other is derived from it. */
const REQUIRED: readonly (readonly PeopleCsvField[])[] = [
  ['id'],
  ['firstName'],
  ['lastName'],
  ['email'],
  ['serviceAreaId', 'serviceArea'],
  ['teamId', 'team'],
  ['supervisorId'],
];

/** Headers are matched ignoring case, spaces, punctuation and Unicode composition. */
function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.()]+/g, '');
}

const FIELD_BY_HEADER = new Map<string, PeopleCsvField>(
  PEOPLE_CSV_FIELDS.flatMap((field) =>
    [field, ...HEADER_ALIASES[field]].map((alias) => [headerKey(alias), field]),
  ),
);

export interface PeopleCsvColumn {
  index: number;
  /** As written in the file, for error messages. */
  header: string;
}
export type PeopleCsvColumns = Partial<Record<PeopleCsvField, PeopleCsvColumn>>;

/** Maps a header row to our fields; columns we do not know are ignored (HR exports carry many). */
export function readHeader(
  cells: string[],
  row: number,
): { columns: PeopleCsvColumns; errors: ImportError[] } {
  const columns: PeopleCsvColumns = {};
  const errors: ImportError[] = [];
  cells.forEach((cell, index) => {
    const header = cell.trim();
    const field = FIELD_BY_HEADER.get(headerKey(header));
    if (!field) return;
    if (columns[field]) {
      errors.push({ row, column: header, code: 'duplicateColumn', params: { other: columns[field].header } });
      return;
    }
    columns[field] = { index, header };
  });
  if (Object.keys(columns).length === 0) return { columns, errors: [{ row, code: 'noHeader' }] };
  for (const alternatives of REQUIRED) {
    if (!alternatives.some((field) => columns[field])) {
      errors.push({ row, column: alternatives.join(' / '), code: 'missingColumn' });
    }
  }
  return { columns, errors };
}

/** The column to blame for a field's problem: its own, or the other of its pair when only that one is in the file. */
export function columnHeader(columns: PeopleCsvColumns, field: PeopleCsvField): string {
  const pairs: Partial<Record<PeopleCsvField, PeopleCsvField>> = {
    serviceArea: 'serviceAreaId',
    serviceAreaId: 'serviceArea',
    team: 'teamId',
    teamId: 'team',
  };
  const partner = pairs[field];
  return columns[field]?.header ?? (partner && columns[partner]?.header) ?? field;
}
