/** Reading the Teams app package sources and the Teams schemas bundled with @microsoft/app-manifest. */
import { ManifestUtil } from '@microsoft/app-manifest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// @microsoft/app-manifest loads strip-bom, an ES module that jest's CommonJS runtime cannot require
// (plain Node 20.19+ can). It only strips a byte-order mark when the package reads manifest files,
// which these tests do themselves; schema validation never calls it. (ts-jest hoists this above the
// imports.)
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

export const REPO_ROOT = join(__dirname, '..', '..');
export const APP_PACKAGE = join(REPO_ROOT, 'appPackage');

export type Json = Record<string, unknown>;

/** Plausible values for every placeholder the toolkit fills, as after `teamsapp provision --env dev`. */
export const SAMPLE_ENV: Record<string, string> = {
  TEAMS_APP_ID: '2f3c9f8e-4c1a-4d3e-9d51-7a0b6f1e2c43',
  BOT_ID: '8d1e0b4a-6f25-4c0e-a9b7-3e5f2d71c6a8',
  AAD_APP_CLIENT_ID: 'c0a4e7d2-91b3-4f5e-8a6c-2d7b9e1f3a05',
  AAD_APP_OBJECT_ID: '5b8f2c1d-3e4a-4b6c-9d7e-0f1a2b3c4d5e',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '7e6d5c4b-3a29-4817-b6a5-948372615a0b',
  TAB_DOMAIN: 'osaamiskelloa1b2c3.azurewebsites.net',
  TAB_ENDPOINT: 'https://osaamiskelloa1b2c3.azurewebsites.net',
  APP_NAME_SUFFIX: 'dev',
};

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function readText(relativePath: string): string {
  return readFileSync(join(REPO_ROOT, relativePath), 'utf8');
}

export function readJson(relativePath: string): Json {
  return JSON.parse(readText(relativePath)) as Json;
}

/** The names inside `${{NAME}}` in a text, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))].sort();
}

/** What the toolkit does before validating: replace each `${{NAME}}`; unknown names are an error. */
export function substitute(text: string, env: Record<string, string> = SAMPLE_ENV): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = env[name];
    if (value === undefined) throw new Error(`No value for placeholder \${{${name}}}`);
    return value;
  });
}

export function resolvedJson(relativePath: string): Json {
  return JSON.parse(substitute(readText(relativePath))) as Json;
}

const SCHEMA_ROOT = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

/** "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json" → "v1.22". */
export function schemaVersionOf(schemaUrl: unknown): string {
  const match = typeof schemaUrl === 'string' ? /\/teams\/(v[0-9.]+|vDevPreview)\//.exec(schemaUrl) : null;
  if (!match) throw new Error(`Not a Teams schema URL: ${String(schemaUrl)}`);
  return match[1] as string;
}

/** The schema file shipped in the package: nothing is fetched. */
export function bundledSchemaPath(version: string, file: string): string {
  return join(SCHEMA_ROOT, version, file);
}

export function loadBundledSchema(version: string, file: string): Json {
  const text = readFileSync(bundledSchemaPath(version, file), 'utf8')
    // The clean-up the package itself applies to Microsoft's schemas (\a and \v are invalid escapes)...
    .replace(/\\a/g, '\\u0007')
    .replace(/\\v/g, '\\u000b')
    // ...and one more: the localisation schema's activityTypes keys end in an unescaped "]", which Ajv's
    // unicode regular expressions reject. Escaping it matches exactly the same keys.
    .replace(/\\\\b\]/g, '\\\\b\\\\]');
  return JSON.parse(text) as Json;
}

/** Schema errors, empty when valid. */
export async function validateAgainst(document: unknown, schema: Json): Promise<string[]> {
  // The library's types tie the document to a manifest type; these are plain JSON on both sides.
  return ManifestUtil.validateManifestAgainstSchema(document as never, schema as never);
}
