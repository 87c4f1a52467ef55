/**
 * No configuration mistake opens the app: off loopback, in production or with Azure storage the bot endpoint
 * authenticates (BOT_ID) and the API signs in with Entra; the development shortcuts need DEV_MODE=on, which
 * only loopback and local storage accept. Each refusal names the setting. Everything `npm start` runs
 * listens on loopback only, and without BOT_ID the bot never posts to a service URL off this machine.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { ConfigError, loadConfig } from '../../bot/src/config';
import type { RunningApp } from '../../bot/src/app';
import { startAgentsPlayground } from '../../bot/src/devstack/agents-playground';
import { freePort } from '../../bot/src/devstack/free-port';
import { startAzurite } from '../../bot/src/devstack/azurite';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { personalMessage, postActivity } from '../support/activities';

const BOT = { BOT_ID: 'b0b0b0b0-0000-4000-8000-000000000001', BOT_PASSWORD: 'secret' };
const ENTRA = { AAD_APP_CLIENT_ID: 'c0ffee00-0000-4000-8000-00000000a11d' };
const AZURE =
  'DefaultEndpointsProtocol=https;AccountName=osk;AccountKey=a2V5;EndpointSuffix=core.windows.net';
const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;' +
  'TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;';

/** The message a refused configuration gives, or null when it is accepted. */
function refusal(env: Record<string, string>): string | null {
  try {
    loadConfig(env);
    return null;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message;
  }
}

describe('configurations that would open the app are refused at start', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'off loopback without BOT_ID',
      { HOST: '0.0.0.0', ...ENTRA },
      /BOT_ID is required because HOST=0\.0\.0\.0/,
    ],
    [
      'off loopback without Entra sign-in',
      { HOST: '0.0.0.0', ...BOT },
      /AAD_APP_CLIENT_ID is required because HOST=0\.0\.0\.0/,
    ],
    ['in production without BOT_ID', { NODE_ENV: 'production', ...ENTRA }, /BOT_ID .*NODE_ENV=production/],
    [
      'with Azure storage without BOT_ID',
      { AZURE_STORAGE_CONNECTION_STRING: AZURE, ...ENTRA },
      /BOT_ID .*AZURE_STORAGE_CONNECTION_STRING/,
    ],
    [
      'with a managed-identity storage account without Entra sign-in',
      { AZURE_STORAGE_ACCOUNT_NAME: 'osk', ...BOT },
      /AAD_APP_CLIENT_ID .*AZURE_STORAGE_ACCOUNT_NAME/,
    ],
    [
      'on loopback without BOT_ID and without DEV_MODE',
      { ...ENTRA },
      /BOT_ID is required unless DEV_MODE=on/,
    ],
    ['DEV_MODE off loopback', { DEV_MODE: 'on', HOST: '0.0.0.0' }, /DEV_MODE=on .*HOST=0\.0\.0\.0/],
    [
      'DEV_MODE in production',
      { DEV_MODE: 'on', NODE_ENV: 'production' },
      /DEV_MODE=on .*NODE_ENV=production/,
    ],
    [
      'DEV_MODE with Azure storage',
      { DEV_MODE: 'on', AZURE_STORAGE_CONNECTION_STRING: AZURE },
      /DEV_MODE=on .*AZURE_STORAGE_CONNECTION_STRING/,
    ],
    [
      'DEV_MODE with a storage account',
      { DEV_MODE: 'on', AZURE_STORAGE_ACCOUNT_NAME: 'osk' },
      /DEV_MODE=on .*AZURE_STORAGE_ACCOUNT_NAME/,
    ],
  ];

  it.each(cases)('refuses %s, naming the setting', (_case, env, message) => {
    expect(refusal(env)).toMatch(message);
  });

  it('starts when everything authenticates, wherever it listens', () => {
    expect(
      refusal({
        HOST: '0.0.0.0',
        NODE_ENV: 'production',
        AZURE_STORAGE_ACCOUNT_NAME: 'osk',
        ...BOT,
        ...ENTRA,
      }),
    ).toBeNull();
  });

  it('starts in DEV_MODE on loopback with embedded storage or Azurite on loopback', () => {
    expect(refusal({ DEV_MODE: 'on' })).toBeNull();
    expect(refusal({ DEV_MODE: 'on', AZURE_STORAGE_CONNECTION_STRING: AZURITE })).toBeNull();
    expect(
      refusal({ DEV_MODE: 'on', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }),
    ).toBeNull();
  });

  it('lets a command-line tool that serves nothing read its storage settings', () => {
    expect(() => loadConfig({ AZURE_STORAGE_ACCOUNT_NAME: 'osk' }, { serves: false })).not.toThrow();
  });
});

describe('bot credentials the Bot Framework SDK would reject are refused at start', () => {
  const BOT_TENANT_ID = 'b0b0b0b0-0000-4000-8000-0000000000aa';
  const base = { ...ENTRA, BOT_ID: BOT.BOT_ID };

  it.each([
    [
      'a user-assigned managed identity without its tenant',
      { ...base, BOT_TYPE: 'UserAssignedMSI' },
      /^Invalid configuration:\n {2}BOT_TENANT_ID is required with BOT_TYPE=UserAssignedMSI/,
    ],
    [
      'a single-tenant app without its tenant',
      { ...base, BOT_TYPE: 'SingleTenant', BOT_PASSWORD: 'secret' },
      /^Invalid configuration:\n {2}BOT_TENANT_ID is required with BOT_TYPE=SingleTenant/,
    ],
    [
      'a managed identity with a password',
      { ...base, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID, BOT_PASSWORD: 'secret' },
      /BOT_PASSWORD must not be set with BOT_TYPE=UserAssignedMSI/,
    ],
    ['an app password missing', { ...base, BOT_TYPE: 'MultiTenant' }, /BOT_PASSWORD is required with BOT_ID/],
  ])('refuses %s with one message naming the setting', (_case, env, message) => {
    const text = refusal(env);
    expect(text).toMatch(message);
    expect(text?.split('\n')).toHaveLength(2);
  });

  it('accepts each combination the SDK builds its credentials from', () => {
    for (const env of [
      { ...base, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID },
      { ...base, BOT_TYPE: 'SingleTenant', BOT_TENANT_ID, BOT_PASSWORD: 'secret' },
      { ...base, BOT_TYPE: 'MultiTenant', BOT_PASSWORD: 'secret' },
    ]) {
      const auth = loadConfig(env).botAuth;
      expect(auth).not.toBeNull();
      // The SDK checks the same rules when it builds the credentials; it must not throw for what we accept.
      expect(
        () =>
          new ConfigurationServiceClientCredentialFactory({
            MicrosoftAppId: auth?.appId,
            MicrosoftAppPassword: auth?.appPassword,
            MicrosoftAppType: auth?.appType,
            MicrosoftAppTenantId: auth?.tenantId,
          }),
      ).not.toThrow();
    }
  });
});

/** The local addresses on which something listens on `port` (from the kernel's socket tables). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${hexPort}`))
      .map((fields) => fields[1]?.split(':')[0] ?? ''),
  );
}

const LOOPBACK = new Set(['0100007F', '00000000000000000000000001000000']);

describe('the local stack listens on loopback only', () => {
  it('binds the Agents Playground (which has no host option) to 127.0.0.1', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'osk-playground-'));
    const port = await freePort();
    const user = (index: number) => ({
      aadObjectId: randomUUID(),
      name: `User ${index}`,
      givenName: 'User',
      surname: String(index),
      email: `user${index}@example.test`,
    });
    const playground = await startAgentsPlayground({
      port,
      botEndpoint: 'http://127.0.0.1:9/api/messages',
      tenantId: newTenantId(),
      currentUser: user(0),
      users: [1, 2, 3, 4, 5].map(user),
      team: { name: 'Team', channelName: 'Channel' },
      workDir,
    });
    try {
      const addresses = listeningAddresses(port);
      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses) expect(LOOPBACK.has(address)).toBe(true);
    } finally {
      await playground.stop();
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('binds Azurite and the service to loopback', async () => {
    const azurite = await startAzurite();
    const app = await startTestApp();
    try {
      for (const port of [...Object.values(azurite.ports), app.port]) {
        const addresses = listeningAddresses(port);
        expect(addresses.length).toBeGreaterThan(0);
        for (const address of addresses) expect(LOOPBACK.has(address)).toBe(true);
      }
    } finally {
      await Promise.all([app.stop(), azurite.stop()]);
    }
  }, 60_000);
});

describe('without BOT_ID the bot posts nowhere off this machine', () => {
  let app: RunningApp;
  const tenantId = newTenantId();

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('refuses an unauthenticated activity whose serviceUrl is elsewhere, in the app’s error shape', async () => {
    const activity = personalMessage({ tenantId, aadObjectId: randomUUID() }, 'ohje', {
      serviceUrl: 'https://attacker.example.test/',
    });
    const response = await postActivity(app.url, activity);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('auth.forbidden');
  });
});
