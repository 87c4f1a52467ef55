import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../../bot/src/domain/locale';
import { IMPORT_ERROR_CODES, type ImportError } from '../../bot/src/organisation-data/import-errors';
import { formatImportError, IMPORT_MESSAGES } from '../../bot/src/organisation-data/import-messages';
import { parsePeopleCsv } from '../../bot/src/organisation-data/people-csv';

/** Files that, between them, produce every error code. */
const SAMPLES = [
  readFileSync(join(__dirname, '../fixtures/people/bad-rows.csv'), 'utf8'),
  '',
  'id,first name,last name,email,service area,team,supervisor id\n1,"Kaisa,Kivinen,k@example.fi,Elinvoima,Matkailu,\n',
  '1,Kaisa,Kivinen\n',
  'id,etunimi,first name\n',
  'id,first name,last name,email,service area,team,supervisor id\n',
];
const errors: ImportError[] = [
  ...SAMPLES.flatMap((text) => parsePeopleCsv(text, 'tenant').errors),
  // A person erased on request (the import asks storage; here a stand-in list of one).
  ...parsePeopleCsv(
    'id,first name,last name,email,service area,team,supervisor id\n1,Kaisa,Kivinen,k@example.fi,Elinvoima,Matkailu,\n',
    'tenant',
    { isErased: (id) => id === '1' },
  ).errors,
];

describe('import error messages', () => {
  it('are produced for every code by the sample files', () => {
    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(IMPORT_ERROR_CODES));
  });

  it('exist in Finnish, Swedish and English for every code, each in its own words', () => {
    for (const code of IMPORT_ERROR_CODES) {
      const { fi, sv, en } = IMPORT_MESSAGES[code];
      expect([fi, sv, en].every((text) => text.trim().length > 0)).toBe(true);
      expect(new Set([fi, sv, en]).size).toBe(3);
    }
  });

  it.each(LOCALES)('read fully in %s: row, column and every parameter filled in', (locale) => {
    for (const error of errors) {
      const text = formatImportError(error, locale);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).toContain(String(error.row));
      if (error.column) expect(text).toContain(error.column);
    }
  });

  it('tell HR where and what in their language', () => {
    const error: ImportError = { row: 5, column: 'Sähköposti', code: 'invalidEmail' };
    expect(formatImportError(error, 'fi')).toBe(
      'Rivi 5, sarake "Sähköposti": Sähköpostiosoite ei ole kelvollinen.',
    );
    expect(formatImportError(error, 'sv')).toBe('Rad 5, kolumn "Sähköposti": E-postadressen är ogiltig.');
    expect(formatImportError({ row: 1, code: 'emptyFile' }, 'en')).toBe('Row 1: The file is empty.');
  });
});
