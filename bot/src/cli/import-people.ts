/**
 * `npm run import:people -- --file people.csv [--tenant ID] [--skip-bad-rows] [--encoding utf-8|windows-1252|iso-8859-1] [--locale fi|sv|en]`
 *
 * Imports HR's people CSV. Every bad row is reported with its row number and reason; by default
 * nothing is written when any row is bad. With embedded storage it uses the running app's Azurite
 * (or starts one on the same data folder when the app is not running). The file is read as UTF-8; one that is
 * not valid UTF-8 is read as Windows-1252 (what many HR systems export) and the command says so, or as the
 * --encoding given. Text that would hold replacement characters is refused (csv-encoding.ts).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type AppConfig } from '../config';
import { startAzurite, type RunningAzurite } from '../devstack/azurite';
import { readEmbeddedStorageInfo } from '../devstack/embedded-storage-info';
import { openStorageAccount, type StorageSettings } from '../storage/storage-account';
import { openRepositories } from '../storage/repositories';
import { importPeopleCsv } from '../organisation-data/people-import';
import { formatImportError } from '../organisation-data/import-messages';
import { decodeCsv, parseCsvEncoding } from '../organisation-data/csv-encoding';
import { resolveLocale, type Locale } from '../domain/locale';
import type { SyncCounts } from '../storage/record-table';

const TEXTS: Record<
  Locale,
  {
    usage: string;
    refused: string;
    nothingValid: string;
    written: string;
    skipped: string;
    encoding: (name: string, detected: boolean) => string;
    invalidUtf8: (line: number) => string;
    replacement: (line: number) => string;
  }
> = {
  fi: {
    usage:
      'Käyttö: npm run import:people -- --file henkilot.csv [--tenant ID] [--skip-bad-rows] [--encoding utf-8|windows-1252|iso-8859-1] [--locale fi|sv|en]',
    refused: 'Tiedostossa on virheellisiä rivejä. Mitään ei tallennettu.',
    nothingValid: 'Tiedostossa ei ole yhtään tallennettavaa riviä. Mitään ei tallennettu.',
    written: 'Tuonti valmis',
    skipped: 'Ohitetut rivit',
    encoding: (name, detected) =>
      detected
        ? `Tiedosto ei ole UTF-8-muodossa; se luettiin merkistönä ${name}. Tarkista nimet (esim. ä ja ö) tai anna --encoding.`
        : `Merkistö: ${name}.`,
    invalidUtf8: (line) =>
      `Rivi ${line}: tiedosto ei ole kelvollista UTF-8:aa. Anna oikea merkistö, esim. --encoding windows-1252. Mitään ei tallennettu.`,
    replacement: (line) =>
      `Rivi ${line}: tekstissä on korvausmerkki (�), eli merkkejä on luettu väärällä merkistöllä. Anna oikea --encoding tai korjaa tiedosto. Mitään ei tallennettu.`,
  },
  sv: {
    usage:
      'Användning: npm run import:people -- --file personer.csv [--tenant ID] [--skip-bad-rows] [--encoding utf-8|windows-1252|iso-8859-1] [--locale fi|sv|en]',
    refused: 'Filen har felaktiga rader. Inget sparades.',
    nothingValid: 'Filen har inga rader som kan sparas. Inget sparades.',
    written: 'Importen är klar',
    skipped: 'Överhoppade rader',
    encoding: (name, detected) =>
      detected
        ? `Filen är inte i UTF-8; den lästes som teckenkodningen ${name}. Kontrollera namnen (t.ex. ä och ö) eller ange --encoding.`
        : `Teckenkodning: ${name}.`,
    invalidUtf8: (line) =>
      `Rad ${line}: filen är inte giltig UTF-8. Ange rätt teckenkodning, t.ex. --encoding windows-1252. Inget sparades.`,
    replacement: (line) =>
      `Rad ${line}: texten innehåller ersättningstecknet (�), alltså har tecken lästs med fel kodning. Ange rätt --encoding eller rätta filen. Inget sparades.`,
  },
  en: {
    usage:
      'Usage: npm run import:people -- --file people.csv [--tenant ID] [--skip-bad-rows] [--encoding utf-8|windows-1252|iso-8859-1] [--locale fi|sv|en]',
    refused: 'The file has bad rows. Nothing was saved.',
    nothingValid: 'The file has no row that can be saved. Nothing was saved.',
    written: 'Import finished',
    skipped: 'Skipped rows',
    encoding: (name, detected) =>
      detected
        ? `The file is not UTF-8; it was read as ${name}. Check the names (e.g. ä and ö) or give --encoding.`
        : `Encoding: ${name}.`,
    invalidUtf8: (line) =>
      `Row ${line}: the file is not valid UTF-8. Give its encoding, e.g. --encoding windows-1252. Nothing was saved.`,
    replacement: (line) =>
      `Row ${line}: the text holds the replacement character (�): characters were read in the wrong encoding. Give the right --encoding or correct the file. Nothing was saved.`,
  },
};

async function storageSettings(
  config: AppConfig,
): Promise<{ settings: StorageSettings; azurite: RunningAzurite | null }> {
  if (config.storage.kind !== 'embedded') return { settings: config.storage, azurite: null };
  const running = readEmbeddedStorageInfo(config.storage.dataDir);
  const azurite = running ? null : await startAzurite({ location: config.storage.dataDir });
  const connectionString = running ?? (azurite as RunningAzurite).connectionString;
  return {
    settings: { kind: 'connectionString', connectionString, tablePrefix: config.storage.tablePrefix },
    azurite,
  };
}

function formatCounts(kind: string, counts: SyncCounts): string {
  return `  ${kind}: +${counts.created} ~${counts.updated} =${counts.unchanged}`;
}

/** Runs the import; returns the process exit code (0 written, 1 refused, 2 usage). */
export async function runImportPeople(
  argv: string[],
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string' },
      tenant: { type: 'string' },
      'skip-bad-rows': { type: 'boolean', default: false },
      locale: { type: 'string' },
      encoding: { type: 'string' },
    },
    strict: true,
  });
  const locale = resolveLocale(values.locale ?? env.LANG, 'fi');
  const texts = TEXTS[locale];
  const asked = values.encoding === undefined ? null : parseCsvEncoding(values.encoding);
  if (!values.file || (asked === null && values.encoding !== undefined)) {
    print(texts.usage);
    return 2;
  }
  const config = loadConfig(env, { serves: false });
  const tenantId = values.tenant ?? config.demoTenantId;
  const decoded = decodeCsv(readFileSync(values.file), asked);
  if (!decoded.ok) {
    print(
      decoded.problem === 'invalidUtf8' ? texts.invalidUtf8(decoded.line) : texts.replacement(decoded.line),
    );
    return 1;
  }
  print(texts.encoding(decoded.encoding, decoded.detected));
  const csv = decoded.text;
  const { settings, azurite } = await storageSettings(config);
  try {
    const repositories = await openRepositories(openStorageAccount(settings));
    const outcome = await importPeopleCsv(repositories, tenantId, csv, {
      skipBadRows: values['skip-bad-rows'],
    });
    for (const error of outcome.errors) print(formatImportError(error, locale));
    if (outcome.kind === 'refused') {
      print(outcome.reason === 'errors' ? texts.refused : texts.nothingValid);
      return 1;
    }
    print(`${texts.written}:`);
    print(formatCounts('serviceAreas', outcome.counts.serviceAreas));
    print(formatCounts('teams', outcome.counts.teams));
    print(formatCounts('people', outcome.counts.people));
    if (outcome.skippedRows.length > 0) print(`${texts.skipped}: ${outcome.skippedRows.join(', ')}`);
    return 0;
  } finally {
    await azurite?.stop();
  }
}

if (require.main === module) {
  runImportPeople(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
