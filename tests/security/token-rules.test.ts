/**
 * Token validation checks the signature before anything else, gives every invalid token the same answer
 * (an unsigned token cannot tell whether a tenant is registered here), and refuses tokens valid for longer
 * than their issuer issues (over a day) — on the tabs' API and on the bot endpoint. The bot endpoint's
 * refusals answer in the app's own error shape, without the SDK's message or key ids, and the SDK prints
 * nothing to the console for them.
 */
import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { startOpenIdStandIn, type OpenIdStandIn } from '../../bot/src/devstack/openid-stand-in';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { personalMessage } from '../support/activities';
import {
  bearer,
  createSigningKey,
  devClaims,
  entraClaims,
  signInOrganisation,
  unsignedToken,
  type SigningKey,
} from '../support/tokens';

const DAY = 24 * 60 * 60;
const now = (): number => Math.floor(Date.now() / 1000);
const entraApp = { clientId: 'c0ffee00-0000-4000-8000-00000000a11d', tabDomain: 'osaamiskello.example.test' };

async function me(app: RunningApp, token: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${app.url}/api/v1/me`, {
    headers: { ...bearer(token), 'accept-language': 'en' },
  });
  return { status: response.status, body: await response.json() };
}

describe('the tabs’ API, dev mode sign-in', () => {
  let app: RunningApp;
  let key: SigningKey;
  const home = signInOrganisation(newTenantId());

  beforeAll(async () => {
    key = await createSigningKey();
    app = await startTestApp({ DEV_SIGNING_KEY: JSON.stringify(key.privateJwk) });
    await writeOrganisation(app.repositories, home.tenantId, home.snapshot);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('answers an unsigned token the same whether its tenant is registered or not', async () => {
    const aadObjectId = home.people.employee.aadObjectId ?? '';
    const registered = await me(app, unsignedToken(devClaims(app.url, home.tenantId, aadObjectId)));
    const stranger = newTenantId();
    const unregistered = await me(app, unsignedToken(devClaims(app.url, stranger, aadObjectId)));
    expect(registered.status).toBe(401);
    expect(unregistered).toEqual(registered);
    expect((registered.body as { error: { code: string } }).error.code).toBe('auth.invalidToken');
  });

  it('answers a forged signature the same for a registered and an unregistered tenant', async () => {
    const forger = await createSigningKey();
    const aadObjectId = home.people.employee.aadObjectId ?? '';
    const forged = (tenantId: string) =>
      forger.sign(devClaims(app.url, tenantId, aadObjectId), { kid: key.kid });
    const registered = await me(app, await forged(home.tenantId));
    const unregistered = await me(app, await forged(newTenantId()));
    expect(registered.status).toBe(401);
    expect(unregistered).toEqual(registered);
  });

  it('refuses a correctly signed token that is valid for ten years', async () => {
    const claims = devClaims(app.url, home.tenantId, home.people.employee.aadObjectId ?? '');
    const decade = await key.sign({ ...claims, iat: now(), nbf: now(), exp: now() + 10 * 365 * DAY });
    const response = await me(app, decade);
    expect(response.status).toBe(401);
    expect((response.body as { error: { code: string } }).error.code).toBe('auth.invalidToken');
    // The same claims with a normal lifetime get in: the lifetime was the reason.
    expect((await me(app, await key.sign(claims))).status).toBe(200);
  });
});

describe('the tabs’ API, Entra sign-in', () => {
  let entra: OpenIdStandIn;
  let app: RunningApp;
  const home = signInOrganisation(newTenantId());

  beforeAll(async () => {
    entra = await startOpenIdStandIn();
    app = await startTestApp({ AAD_APP_CLIENT_ID: entraApp.clientId, ENTRA_KEYS_BASE_URL: entra.url });
    await writeOrganisation(app.repositories, home.tenantId, home.snapshot);
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), entra?.close()]);
  });

  it('gives an unsigned token for an unregistered tenant the invalid-token answer, not the tenant’s', async () => {
    const stranger = newTenantId();
    const claims = entraClaims(entraApp, stranger, randomUUID());
    const response = await me(app, unsignedToken(claims));
    expect(response.status).toBe(401);
    expect((response.body as { error: { code: string } }).error.code).toBe('auth.invalidToken');
    expect(entra.requests.some((path) => path.includes(stranger))).toBe(false);
  });

  it('refuses an Entra-signed token whose lifetime is longer than a day', async () => {
    const claims = entraClaims(entraApp, home.tenantId, home.people.employee.aadObjectId ?? '');
    const twoDays = await entra.key.sign({ ...claims, nbf: now(), exp: now() + 2 * DAY });
    expect((await me(app, twoDays)).status).toBe(401);
    expect((await me(app, await entra.key.sign(claims))).status).toBe(200);
  });
});

describe('the bot endpoint (BOT_ID set)', () => {
  const BOT_ID = 'b0b0b0b0-0000-4000-8000-000000000002';
  let identity: OpenIdStandIn;
  let connector: ConnectorStandIn;
  let app: RunningApp;
  let consoleError: jest.SpyInstance;
  let consoleWarn: jest.SpyInstance;
  let consoleLog: jest.SpyInstance;
  const tenantId = newTenantId();
  const savedEnv = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    [identity, connector] = await Promise.all([startOpenIdStandIn(), startConnectorStandIn()]);
    process.env.IDENTITY_ENDPOINT = identity.managedIdentity.endpoint;
    process.env.IDENTITY_HEADER = identity.managedIdentity.header;
    // Installed before the app starts, so that whatever the app lets through to the console is seen here.
    consoleError = jest.spyOn(console, 'error');
    consoleWarn = jest.spyOn(console, 'warn');
    consoleLog = jest.spyOn(console, 'log');
    app = await startTestApp(
      { BOT_ID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 'b0b0b0b0-0000-4000-8000-0000000000aa' },
      { botAuthOverrides: { openIdMetadataUrl: identity.openIdMetadataUrl } },
    );
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), identity?.close(), connector?.close()]);
    process.env.IDENTITY_ENDPOINT = savedEnv.endpoint;
    process.env.IDENTITY_HEADER = savedEnv.header;
    jest.restoreAllMocks();
  });

  async function post(authorization: string, changes: Record<string, unknown> = {}) {
    const activity = {
      ...personalMessage({ tenantId, aadObjectId: randomUUID() }, 'ohje', {
        serviceUrl: connector.serviceUrl,
      }),
      ...changes,
    };
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, 'accept-language': 'en' },
      body: JSON.stringify(activity),
    });
    return { status: response.status, text: await response.text() };
  }

  const token = (claims: Record<string, unknown> = {}) =>
    identity.mintChannelToken(BOT_ID, connector.serviceUrl, claims);

  it('refuses a channel-signed token valid for ten years', async () => {
    const decade = await token({ nbf: now(), iat: now(), exp: now() + 10 * 365 * DAY });
    expect((await post(`Bearer ${decade}`)).status).toBe(401);
    expect((await post(`Bearer ${await token()}`)).status).toBe(200);
  });

  it('answers every refusal in the app’s error shape, with no SDK message and no key id', async () => {
    const refusals = [
      `Bearer ${unsignedToken({ iss: 'https://api.botframework.com', aud: BOT_ID, exp: now() + 3600 })}`,
      `Bearer ${await identity.mintChannelToken(BOT_ID, connector.serviceUrl, {}, identity.unknownKey)}`,
      `Bearer ${await token({ aud: 'another-bot' })}`,
      `Bearer ${await token({ nbf: now() - 7200, iat: now() - 7200, exp: now() - 3600 })}`,
    ];
    for (const authorization of refusals) {
      const { status, text } = await post(authorization);
      expect(status).toBe(401);
      expect(JSON.parse(text)).toEqual({
        error: {
          code: 'auth.invalidToken',
          message: 'Your sign-in could not be verified. Open the app again in Teams.',
        },
      });
      expect(text).not.toContain(identity.key.kid);
      expect(text).not.toContain(identity.unknownKey.kid);
    }
    // Refused with a channel the key is not endorsed for: the SDK's own check, its own message kept out too.
    const unendorsed = await post(`Bearer ${await token()}`, { channelId: 'webchat' });
    expect(unendorsed.status).toBe(401);
    expect(unendorsed.text).not.toContain(identity.key.kid);
  });

  it('lets no stack trace or key reach the console for refused requests', () => {
    const printed = [consoleError, consoleWarn, consoleLog].flatMap((spy) => spy.mock.calls);
    expect(printed).toEqual([]);
  });
});
