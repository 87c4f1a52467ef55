/** The texts HR reads for each import error, Finnish first. Placeholders are the error's params. */
import type { Locale, LocalisedText } from '../domain/locale';
import { interpolate } from '../i18n/interpolate';
import type { ImportError, ImportErrorCode } from './import-errors';

const ROLE_LIST =
  'employee, supervisor, serviceAreaManagementTeam, cityManagementTeam, hr, cooperationCommittee';
const TEAM_KIND_LIST = 'team, principals, daycareDirectors, serviceAreaManagementTeam, cityManagementTeam';
const GUID_EXAMPLE = '0f8fad5b-d9cb-469f-a165-70867728950e';

export const IMPORT_MESSAGES: Record<ImportErrorCode, LocalisedText> = {
  emptyFile: {
    fi: 'Tiedosto on tyhjä.',
    sv: 'Filen är tom.',
    en: 'The file is empty.',
  },
  malformedCsv: {
    fi: 'Tiedostoa ei voi lukea CSV-muodossa (esimerkiksi lainausmerkki jäi sulkematta).',
    sv: 'Filen kan inte läsas som CSV (till exempel ett citattecken som aldrig stängs).',
    en: 'The file cannot be read as CSV (for example, a quotation mark is never closed).',
  },
  noHeader: {
    fi: 'Otsikkorivi puuttuu: ensimmäisellä rivillä pitää olla sarakkeiden nimet (esim. id, etunimi, sukunimi, sähköposti).',
    sv: 'Rubrikraden saknas: första raden ska innehålla kolumnernas namn (t.ex. id, förnamn, efternamn, e-post).',
    en: 'The header row is missing: the first row must name the columns (e.g. id, first name, last name, email).',
  },
  missingColumn: {
    fi: 'Pakollinen sarake puuttuu.',
    sv: 'En obligatorisk kolumn saknas.',
    en: 'A required column is missing.',
  },
  duplicateColumn: {
    fi: 'Sama sarake on tiedostossa kahdesti (myös nimellä "{other}").',
    sv: 'Samma kolumn finns två gånger i filen (även som "{other}").',
    en: 'The same column appears twice in the file (also as "{other}").',
  },
  noDataRows: {
    fi: 'Tiedostossa ei ole yhtään henkilöriviä.',
    sv: 'Filen innehåller inga personrader.',
    en: 'The file has no rows of people.',
  },
  extraFields: {
    fi: 'Rivillä on enemmän kenttiä ({count}) kuin otsikkorivillä; tarkista erottimet ja lainausmerkit.',
    sv: 'Raden har fler fält ({count}) än rubrikraden; kontrollera avgränsare och citattecken.',
    en: 'The row has more fields ({count}) than the header row; check the delimiters and quotation marks.',
  },
  required: {
    fi: 'Arvo puuttuu.',
    sv: 'Värdet saknas.',
    en: 'The value is missing.',
  },
  tooLong: {
    fi: 'Arvo on liian pitkä (enintään {max} merkkiä).',
    sv: 'Värdet är för långt (högst {max} tecken).',
    en: 'The value is too long (at most {max} characters).',
  },
  invalidCharacters: {
    fi: 'Arvossa on ohjausmerkkejä (esim. sarkain tai rivinvaihto).',
    sv: 'Värdet innehåller styrtecken (t.ex. tabb eller radbrytning).',
    en: 'The value contains control characters (e.g. a tab or a line break).',
  },
  formulaPrefix: {
    fi: 'Arvo ei saa alkaa merkillä =, +, - tai @, koska taulukkolaskenta tulkitsee sen kaavaksi.',
    sv: 'Värdet får inte börja med =, +, - eller @, eftersom kalkylprogram tolkar det som en formel.',
    en: 'The value must not start with =, +, - or @, which spreadsheets read as a formula.',
  },
  invalidId: {
    fi: 'Tunnuksessa saa olla vain kirjaimia a–z, numeroita ja merkkejä . _ : - ja sen pitää alkaa kirjaimella tai numerolla.',
    sv: 'En kod får bara innehålla bokstäverna a–z, siffror och tecknen . _ : - och ska börja med en bokstav eller siffra.',
    en: 'An id may only contain the letters a–z, digits and the characters . _ : - and must start with a letter or digit.',
  },
  invalidEmail: {
    fi: 'Sähköpostiosoite ei ole kelvollinen.',
    sv: 'E-postadressen är ogiltig.',
    en: 'The email address is not valid.',
  },
  invalidObjectId: {
    fi: `Entra-objektitunnuksen pitää olla GUID (esim. ${GUID_EXAMPLE}).`,
    sv: `Entra-objekt-id:t ska vara ett GUID (t.ex. ${GUID_EXAMPLE}).`,
    en: `The Entra object id must be a GUID (e.g. ${GUID_EXAMPLE}).`,
  },
  unknownRole: {
    fi: `Tuntematon rooli "{value}". Sallitut roolit: ${ROLE_LIST}.`,
    sv: `Okänd roll "{value}". Tillåtna roller: ${ROLE_LIST}.`,
    en: `Unknown role "{value}". Allowed roles: ${ROLE_LIST}.`,
  },
  unknownLanguage: {
    fi: 'Tuntematon kieli "{value}". Sallitut kielet: fi, sv, en.',
    sv: 'Okänt språk "{value}". Tillåtna språk: fi, sv, en.',
    en: 'Unknown language "{value}". Allowed languages: fi, sv, en.',
  },
  unknownTeamKind: {
    fi: `Tuntematon tiimin tyyppi "{value}". Sallitut tyypit: ${TEAM_KIND_LIST}.`,
    sv: `Okänd teamtyp "{value}". Tillåtna typer: ${TEAM_KIND_LIST}.`,
    en: `Unknown team kind "{value}". Allowed kinds: ${TEAM_KIND_LIST}.`,
  },
  duplicateId: {
    fi: 'Sama henkilönumero "{value}" on myös rivillä {rows}.',
    sv: 'Samma person-id "{value}" finns också på rad {rows}.',
    en: 'The same person id "{value}" is also on row {rows}.',
  },
  duplicateEmail: {
    fi: 'Sama sähköpostiosoite "{value}" on myös rivillä {rows}.',
    sv: 'Samma e-postadress "{value}" finns också på rad {rows}.',
    en: 'The same email address "{value}" is also on row {rows}.',
  },
  duplicateObjectId: {
    fi: 'Sama Entra-objektitunnus "{value}" on myös rivillä {rows}.',
    sv: 'Samma Entra-objekt-id "{value}" finns också på rad {rows}.',
    en: 'The same Entra object id "{value}" is also on row {rows}.',
  },
  erasedPerson: {
    fi: 'Henkilön "{value}" tiedot on poistettu tietosuojapyynnöstä, joten häntä ei tuoda uudelleen. Poista rivi HR-järjestelmän viennistä, tai jos henkilö on palannut töihin, salli tuonti henkilöstöpalveluiden tietosuojanäkymässä.',
    sv: 'Uppgifterna om personen "{value}" har raderats på begäran, så personen importeras inte igen. Ta bort raden ur HR-systemets export, eller om personen har återvänt till arbetet, tillåt import i personalservicens dataskyddsvy.',
    en: 'The data of person "{value}" was erased on request, so they are not imported again. Remove the row from the HR system’s export, or if the person has returned to work, allow the import in HR’s privacy view.',
  },
  selfSupervisor: {
    fi: 'Henkilö on merkitty omaksi esihenkilökseen.',
    sv: 'Personen är angiven som sin egen förman.',
    en: 'The person is listed as their own supervisor.',
  },
  supervisorNotFound: {
    fi: 'Esihenkilöä "{supervisorId}" ei ole tiedostossa.',
    sv: 'Förmannen "{supervisorId}" finns inte i filen.',
    en: 'The supervisor "{supervisorId}" is not in the file.',
  },
  supervisorCycle: {
    fi: 'Esihenkilöketju kiertää kehää: {cycle}.',
    sv: 'Förmanskedjan går i cirkel: {cycle}.',
    en: 'The supervisor chain goes round in a circle: {cycle}.',
  },
  supervisorRowInvalid: {
    fi: 'Esihenkilön "{supervisorId}" rivillä {supervisorRow} on virhe, joten tätäkään riviä ei voi tuoda.',
    sv: 'Förmannens "{supervisorId}" rad {supervisorRow} har ett fel, så inte heller den här raden kan importeras.',
    en: 'The row of the supervisor "{supervisorId}" (row {supervisorRow}) has an error, so this row cannot be imported either.',
  },
  serviceAreaConflict: {
    fi: 'Palvelualue "{name}" on kirjoitettu eri tavalla kuin rivillä {firstRow} ("{firstName}"), vaikka tunnus on sama.',
    sv: 'Serviceområdet "{name}" är skrivet annorlunda än på rad {firstRow} ("{firstName}"), fast koden är densamma.',
    en: 'The service area "{name}" is written differently than on row {firstRow} ("{firstName}"), though the id is the same.',
  },
  teamConflict: {
    fi: 'Tiimi "{name}" poikkeaa samalla tunnuksella rivillä {firstRow} olevasta tiimistä (nimi, tyyppi tai palvelualue).',
    sv: 'Teamet "{name}" skiljer sig från teamet med samma kod på rad {firstRow} (namn, typ eller serviceområde).',
    en: 'The team "{name}" differs from the team with the same id on row {firstRow} (name, kind or service area).',
  },
};

const LOCATION: Record<'row' | 'rowAndColumn', LocalisedText> = {
  row: { fi: 'Rivi {row}:', sv: 'Rad {row}:', en: 'Row {row}:' },
  rowAndColumn: {
    fi: 'Rivi {row}, sarake "{column}":',
    sv: 'Rad {row}, kolumn "{column}":',
    en: 'Row {row}, column "{column}":',
  },
};

/** "Rivi 5, sarake "Sähköposti": Sähköpostiosoite ei ole kelvollinen." */
export function formatImportError(error: ImportError, locale: Locale): string {
  const location = error.column === undefined ? LOCATION.row : LOCATION.rowAndColumn;
  const values: Record<string, string> = {
    ...error.params,
    row: String(error.row),
    column: error.column ?? '',
  };
  return `${interpolate(location[locale], values)} ${interpolate(IMPORT_MESSAGES[error.code][locale], values)}`;
}
