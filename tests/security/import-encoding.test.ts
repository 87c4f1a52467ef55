/**
 * HR's people CSV in the encodings HR systems export: UTF-8, and Windows-1252 / ISO-8859-1, which are read as
 * such (detected, or named with --encoding) and reported; never stored as "J�rvinen". A file whose text would
 * hold the replacement character is refused with nothing written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { runImportPeople } from '../../bot/src/cli/import-people';
import { decodeCsv, parseCsvEncoding } from '../../bot/src/organisation-data/csv-encoding';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { newTenantId, testStorageAccount } from '../support/storage';

const CSV = [
  'id;firstName;lastName;email;serviceArea;team;supervisorId;roles;language',
  '500;Jaana;Järvinen;jaana.jarvinen@example.fi;Sivistyspalvelut;Kirjasto;;employee;fi',
  '501;Åsa;Björkström;asa.bjorkstrom@example.fi;Sivistyspalvelut;Kirjasto;500;employee;sv',
  '',
].join('\r\n');

const folder = mkdtempSync(join(tmpdir(), 'osk-encoding-'));
function file(name: string, bytes: Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const env = {
    AZURE_STORAGE_CONNECTION_STRING: process.env.OSK_TEST_STORAGE_CONNECTION_STRING,
    TABLE_PREFIX: 'test',
  };
  const code = await runImportPeople(args, env, (line) => lines.push(line));
  return { code, lines };
}

describe('decoding the people CSV', () => {
  it('reads UTF-8 as it is, and bytes that are not UTF-8 as Windows-1252, saying so', () => {
    expect(decodeCsv(Buffer.from(CSV, 'utf8'))).toEqual({
      ok: true,
      text: CSV,
      encoding: 'utf-8',
      detected: false,
    });
    expect(decodeCsv(iconv.encode(CSV, 'windows-1252'))).toEqual({
      ok: true,
      text: CSV,
      encoding: 'windows-1252',
      detected: true,
    });
  });

  it('refuses text with the replacement character, and invalid UTF-8 when UTF-8 was asked for', () => {
    expect(decodeCsv(Buffer.from('id\r\n1;J\uFFFDrvinen\r\n', 'utf8'))).toMatchObject({
      ok: false,
      problem: 'replacementCharacter',
      line: 2,
    });
    expect(decodeCsv(iconv.encode(CSV, 'latin1'), 'utf-8')).toMatchObject({
      ok: false,
      problem: 'invalidUtf8',
      line: 2,
    });
    // Bytes Windows-1252 gives no character.
    expect(decodeCsv(Buffer.from([0x61, 0x81, 0x0d, 0x0a]), 'windows-1252')).toMatchObject({ ok: false });
  });

  it('knows the usual names of the encodings', () => {
    expect(['UTF8', 'cp1252', 'latin1', 'ISO-8859-1', 'koi8'].map(parseCsvEncoding)).toEqual([
      'utf-8',
      'windows-1252',
      'iso-8859-1',
      'iso-8859-1',
      null,
    ]);
  });
});

describe('npm run import:people with other encodings', () => {
  let repositories: Repositories;
  beforeAll(async () => {
    repositories = await openRepositories(testStorageAccount());
  });

  const lastNames = async (tenant: string) =>
    (await repositories.people.listPeople(tenant)).items.map((person) => person.value.lastName).sort();

  it('imports a Windows-1252 file with its ä and å intact and reports the encoding it detected', async () => {
    const tenant = newTenantId();
    const path = file('people-1252.csv', iconv.encode(CSV, 'windows-1252'));
    const { code, lines } = await run(['--file', path, '--tenant', tenant, '--locale', 'en']);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/not UTF-8; it was read as windows-1252/);
    expect(await lastNames(tenant)).toEqual(['Björkström', 'Järvinen']);
  });

  it('imports an ISO-8859-1 file read as --encoding iso-8859-1', async () => {
    const tenant = newTenantId();
    const path = file('people-latin1.csv', iconv.encode(CSV, 'latin1'));
    const { code, lines } = await run([
      '--file',
      path,
      '--tenant',
      tenant,
      '--encoding',
      'latin1',
      '--locale',
      'fi',
    ]);
    expect(code).toBe(0);
    expect(lines[0]).toBe('Merkistö: iso-8859-1.');
    expect(await lastNames(tenant)).toEqual(['Björkström', 'Järvinen']);
  });

  it('refuses a file already garbled into replacement characters, with its line, and writes nothing', async () => {
    const tenant = newTenantId();
    const path = file('people-garbled.csv', Buffer.from(CSV.replace('Järvinen', 'J\uFFFDrvinen'), 'utf8'));
    const { code, lines } = await run(['--file', path, '--tenant', tenant, '--locale', 'sv']);
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Rad 2: .*ersättningstecknet.*Inget sparades\.$/)]);
    expect(await lastNames(tenant)).toEqual([]);
  });

  it('refuses a non-UTF-8 file when UTF-8 was named, pointing to --encoding', async () => {
    const tenant = newTenantId();
    const path = file('people-named-utf8.csv', iconv.encode(CSV, 'windows-1252'));
    const { code, lines } = await run([
      '--file',
      path,
      '--tenant',
      tenant,
      '--encoding',
      'utf-8',
      '--locale',
      'en',
    ]);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(
      /^Row 2: the file is not valid UTF-8\. Give its encoding, e\.g\. --encoding windows-1252/,
    );
    expect(await lastNames(tenant)).toEqual([]);
  });

  it('refuses a bidirectional override in a name', async () => {
    const tenant = newTenantId();
    const path = file('people-bidi.csv', Buffer.from(CSV.replace('Järvinen', 'Järvi\u202Enen'), 'utf8'));
    const { code } = await run(['--file', path, '--tenant', tenant]);
    expect(code).toBe(1);
    expect(await lastNames(tenant)).toEqual([]);
  });
});
