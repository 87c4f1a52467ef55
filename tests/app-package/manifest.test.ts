/**
 * The Teams app package: the manifest (placeholders filled as the toolkit would) against Microsoft's
 * schema bundled with @microsoft/app-manifest, offline; its language files; its icons; the Entra app
 * manifest for tab SSO. Each check is also shown to reject a broken copy, so none can pass vacuously.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APP_PACKAGE,
  bundledSchemaPath,
  loadBundledSchema,
  placeholdersIn,
  readJson,
  readText,
  resolvedJson,
  SAMPLE_ENV,
  schemaVersionOf,
  substitute,
  validateAgainst,
  type Json,
} from './app-package';
import { decodePng, encodeRgbaPng, pngSize } from './png';

const manifestSource = readJson('appPackage/manifest.json');
const manifest = resolvedJson('appPackage/manifest.json');
const schemaVersion = schemaVersionOf(manifest.$schema);
const manifestSchema = loadBundledSchema(schemaVersion, 'MicrosoftTeams.schema.json');
const localisationSchema = loadBundledSchema(schemaVersion, 'MicrosoftTeams.Localization.schema.json');

const clone = <T>(value: T): T => structuredClone(value);

/** Teams shows at most 32 characters of a bot command title (the schema allows more). */
const MAX_COMMAND_TITLE = 32;

interface LanguageEntry {
  languageTag: string;
  file: string;
}

const localizationInfo = manifest.localizationInfo as {
  defaultLanguageTag: string;
  additionalLanguages: LanguageEntry[];
};

/** Follows "bots[0].commandLists[0].commands[2].title" through the manifest; undefined if any step is missing. */
function lookUp(document: unknown, key: string): unknown {
  let current: unknown = document;
  for (const part of key.split('.')) {
    const match = /^([A-Za-z]+)((?:\[\d+\])*)$/.exec(part);
    if (!match || typeof current !== 'object' || current === null) return undefined;
    current = (current as Json)[match[1] as string];
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      if (!Array.isArray(current)) return undefined;
      current = current[Number(index[1])];
    }
  }
  return current;
}

describe('Teams app manifest', () => {
  test('uses the newest schema version the toolkit packages know, with the version fields in step', () => {
    expect(schemaVersion).toBe('v1.22');
    expect(manifest.manifestVersion).toBe(schemaVersion.slice(1));
    expect(existsSync(bundledSchemaPath(schemaVersion, 'MicrosoftTeams.schema.json'))).toBe(true);
  });

  test('has only placeholders that provisioning fills, and none is left after substitution', () => {
    const placeholders = placeholdersIn(readText('appPackage/manifest.json'));
    expect(placeholders).toEqual(
      ['AAD_APP_CLIENT_ID', 'APP_NAME_SUFFIX', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID'].sort(),
    );
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(() => substitute('${{NOT_PROVIDED}}')).toThrow(/NOT_PROVIDED/);
  });

  test('validates against the bundled Teams schema', async () => {
    expect(await validateAgainst(manifest, manifestSchema)).toEqual([]);
  });

  test.each<[string, (m: Json) => void, RegExp]>([
    ['without developer info', (m) => delete m.developer, /developer/],
    ['with a bot id that is not a GUID', (m) => ((m.bots as Json[])[0]!.botId = 'my-bot'), /botId/],
    ['with an accent colour that is not #RRGGBB', (m) => (m.accentColor = 'blue'), /accentColor/],
    [
      'with a plain-http tab URL',
      (m) => ((m.staticTabs as Json[])[0]!.contentUrl = 'ftp://x/tab'),
      /contentUrl/,
    ],
    ['with an unknown top-level property', (m) => (m.osaamiskello = true), /additional/],
    ['with the wrong manifestVersion', (m) => (m.manifestVersion = '1.19'), /manifestVersion/],
  ])('rejects a manifest %s', async (_, breakIt, expected) => {
    const broken = clone(manifest);
    breakIt(broken);
    const errors = await validateAgainst(broken, manifestSchema);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(expected);
  });

  test('validation touches no network: the schema comes from the package, not from $schema', async () => {
    const originalFetch = globalThis.fetch;
    const fetchSpy = jest.fn(() => Promise.reject(new Error('network used')));
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
    const httpSpy = jest.spyOn(http, 'request');
    const httpsSpy = jest.spyOn(https, 'request');
    const httpsGetSpy = jest.spyOn(https, 'get');
    const socketSpy = jest.spyOn(net.Socket.prototype, 'connect');
    try {
      expect(await validateAgainst(manifest, manifestSchema)).toEqual([]);
      const broken = clone(manifest);
      delete broken.icons;
      expect(await validateAgainst(broken, manifestSchema)).not.toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(httpSpy).not.toHaveBeenCalled();
      expect(httpsSpy).not.toHaveBeenCalled();
      expect(httpsGetSpy).not.toHaveBeenCalled();
      expect(socketSpy).not.toHaveBeenCalled();
    } finally {
      globalThis.fetch = originalFetch;
      jest.restoreAllMocks();
    }
  });

  test('declares the bot for personal, team and group chat, without files, with personal commands', () => {
    const [bot] = manifest.bots as Json[];
    expect(bot).toMatchObject({
      botId: SAMPLE_ENV.BOT_ID,
      scopes: ['personal', 'team', 'groupChat'],
      supportsFiles: false,
    });
    const [commandList] = bot!.commandLists as { scopes: string[]; commands: { title: string }[] }[];
    expect(commandList!.scopes).toEqual(['personal']);
    expect(commandList!.commands.map((c) => c.title)).toEqual([
      'help',
      'my discussion',
      'my team',
      'language',
    ]);
  });

  test('points the tabs at the pages the Node service serves under /tabs/', () => {
    const endpoint = SAMPLE_ENV.TAB_ENDPOINT;
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({
        name: 'Osaamiskello',
        contentUrl: `${endpoint}/tabs/index.html#/personal`,
        scopes: ['personal'],
      }),
    ]);
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: `${endpoint}/tabs/index.html#/config`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
      }),
    ]);
    expect(manifest.validDomains).toEqual([SAMPLE_ENV.TAB_DOMAIN]);
  });

  test('ties tab SSO to the Entra app and its Application ID URI', () => {
    expect(manifestSource.webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
    });
  });

  test('has https developer links', () => {
    const developer = manifest.developer as Record<string, string>;
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(developer[key]).toMatch(/^https:\/\/[^/]+\.[a-z]{2,}(\/|$)/);
    }
  });
});

describe('manifest localisation', () => {
  const languageFiles = localizationInfo.additionalLanguages;

  test('has English strings in the manifest and Finnish and Swedish files', () => {
    // The manifest's own strings are English, so English is the default Teams falls back to.
    expect(localizationInfo.defaultLanguageTag).toBe('en');
    expect(languageFiles.map((entry) => entry.languageTag).sort()).toEqual(['fi', 'sv']);
  });

  test.each(localizationInfo.additionalLanguages.map((entry) => [entry.languageTag, entry.file]))(
    "%s: %s exists, uses the manifest's schema version and validates",
    async (_, file) => {
      const path = join(APP_PACKAGE, file);
      expect(existsSync(path)).toBe(true);
      const strings = JSON.parse(readFileSync(path, 'utf8')) as Json;
      expect(schemaVersionOf(strings.$schema)).toBe(schemaVersion);
      expect(await validateAgainst(strings, localisationSchema)).toEqual([]);
    },
  );

  test.each(localizationInfo.additionalLanguages.map((entry) => [entry.languageTag, entry.file]))(
    '%s: every key names something that exists in the manifest',
    (_, file) => {
      const strings = JSON.parse(readFileSync(join(APP_PACKAGE, file), 'utf8')) as Record<string, unknown>;
      const keys = Object.keys(strings).filter((key) => key !== '$schema' && key !== 'localizationKeys');
      for (const key of keys) {
        expect({ key, found: typeof lookUp(manifest, key) }).toEqual({ key, found: 'string' });
      }
      // Every command title must fit the Teams command menu in every language.
      for (const key of keys.filter((k) => k.endsWith('.title') && k.startsWith('bots'))) {
        expect((strings[key] as string).length).toBeLessThanOrEqual(MAX_COMMAND_TITLE);
      }
    },
  );

  test('all language files translate the same strings', () => {
    const keySets = languageFiles.map((entry) =>
      Object.keys(JSON.parse(readFileSync(join(APP_PACKAGE, entry.file), 'utf8')) as Json).sort(),
    );
    for (const keys of keySets) expect(keys).toEqual(keySets[0]);
    // Everything a user sees of the bot and the tab is translated, not only the name.
    expect(keySets[0]).toEqual(
      expect.arrayContaining([
        'staticTabs[0].name',
        'bots[0].commandLists[0].commands[0].title',
        'bots[0].commandLists[0].commands[2].description',
      ]),
    );
  });

  test('the lookup and the schema reject broken language files', async () => {
    expect(lookUp(manifest, 'bots[0].commandLists[0].commands[7].title')).toBeUndefined();
    expect(lookUp(manifest, 'staticTabs[3].name')).toBeUndefined();
    const fi = readJson('appPackage/fi.json');
    const unknownKey = { ...fi, 'tabs[0].name': 'Väärä' };
    expect((await validateAgainst(unknownKey, localisationSchema)).join('\n')).toMatch(/additional/);
    const tooLong = { ...fi, 'name.short': 'Osaamiskello, kunnan osaamisen vuosikello' };
    expect((await validateAgainst(tooLong, localisationSchema)).join('\n')).toMatch(/name\.short/);
    const missingRequired = clone(fi);
    delete missingRequired['description.full'];
    expect((await validateAgainst(missingRequired, localisationSchema)).join('\n')).toMatch(
      /description\.full/,
    );
  });

  test('the manifest names the language files it ships with, and no others', () => {
    const files = localizationInfo.additionalLanguages.map((entry) => entry.file).sort();
    expect(files).toEqual(['fi.json', 'sv.json']);
  });
});

describe('app icons', () => {
  const icons = manifest.icons as { color: string; outline: string };
  const colour = readFileSync(join(APP_PACKAGE, icons.color));
  const outline = readFileSync(join(APP_PACKAGE, icons.outline));

  /** Teams wants the outline icon white on transparent: every pixel is white or fully transparent. */
  function nonWhitePixels(png: Buffer): number {
    const { rgba } = decodePng(png);
    let count = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const white = rgba[i] === 255 && rgba[i + 1] === 255 && rgba[i + 2] === 255;
      if (rgba[i + 3] !== 0 && !white) count++;
    }
    return count;
  }

  test('the colour icon is 192x192 and the outline icon 32x32', () => {
    expect(pngSize(colour)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
  });

  test('the colour icon is full colour and opaque', () => {
    const { rgba } = decodePng(colour);
    const colours = new Set<string>();
    let translucent = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] !== 255) translucent++;
      colours.add(rgba.subarray(i, i + 3).toString('hex'));
    }
    expect(translucent).toBe(0);
    expect(colours.size).toBeGreaterThan(8);
  });

  test('the outline icon is white on transparent, and not empty', () => {
    expect(nonWhitePixels(outline)).toBe(0);
    const { rgba } = decodePng(outline);
    let opaque = 0;
    let transparent = 0;
    for (let i = 3; i < rgba.length; i += 4) {
      if (rgba[i] === 255) opaque++;
      if (rgba[i] === 0) transparent++;
    }
    expect(opaque).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(200);
  });

  test('the icon checks reject a wrong size, a coloured outline and a corrupted file', () => {
    const red = Buffer.alloc(32 * 32 * 4);
    red.writeUInt32BE(0xff0000ff, 0);
    expect(nonWhitePixels(encodeRgbaPng(32, 32, red))).toBe(1);
    expect(pngSize(encodeRgbaPng(31, 31, Buffer.alloc(31 * 31 * 4)))).not.toEqual({ width: 32, height: 32 });
    const corrupted = Buffer.from(outline);
    corrupted[20] = (corrupted[20] ?? 0) ^ 0xff;
    expect(() => pngSize(corrupted)).toThrow(/CRC/);
  });
});

describe('Entra app manifest for tab SSO', () => {
  const aad = readJson('appPackage/aad.manifest.json') as {
    identifierUris: string[];
    oauth2Permissions: { id: string; value: string; type: string; isEnabled: boolean }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    replyUrlsWithType: { url: string; type: string }[];
    signInAudience: string;
    accessTokenAcceptedVersion: number;
  };
  const teamsClients = {
    teamsDesktopAndMobile: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    teamsWeb: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    microsoft365Web: '4765445b-32c6-49b0-83e6-1d93765276ca',
    microsoft365Desktop: '0ec893e0-5785-4de6-99da-4ed124e5296c',
    microsoft365MobileAndOutlookDesktop: 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
    outlookWeb: 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
    outlookMobile: '27922004-5251-4030-b22d-91ecd9a37ea4',
  };

  test('exposes access_as_user on the same Application ID URI the Teams manifest asks tokens for', () => {
    expect(aad.identifierUris).toEqual([(manifestSource.webApplicationInfo as Json).resource]);
    expect(aad.oauth2Permissions).toEqual([
      expect.objectContaining({ value: 'access_as_user', type: 'User', isEnabled: true }),
    ]);
    expect(aad.accessTokenAcceptedVersion).toBe(2);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
  });

  test('pre-authorises the Teams, Microsoft 365 and Outlook clients for that scope', () => {
    const scopeId = aad.oauth2Permissions[0]!.id;
    for (const [client, appId] of Object.entries(teamsClients)) {
      const entry = aad.preAuthorizedApplications.find((app) => app.appId === appId);
      expect({ client, permissionIds: entry?.permissionIds }).toEqual({ client, permissionIds: [scopeId] });
    }
  });

  test('redirects only to https pages under the tab endpoint', () => {
    for (const { url } of aad.replyUrlsWithType) expect(url.startsWith('${{TAB_ENDPOINT}}/tabs/')).toBe(true);
    const resolved = resolvedJson('appPackage/aad.manifest.json') as typeof aad;
    for (const { url } of resolved.replyUrlsWithType) expect(new URL(url).protocol).toBe('https:');
  });
});
