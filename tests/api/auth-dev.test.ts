/**
 * The tabs' API sign-in in the local dev mode (no Entra app): tokens from POST /api/dev/token open
 * GET /api/v1/me, and every token that is not exactly right is refused by the same checks Entra's get.
 */
import { createPublicKey } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { RunningApp } from '../../bot/src/app';
import { ConfigError, loadConfig } from '../../bot/src/config';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import {
  bearer,
  createSigningKey,
  devClaims,
  devToken,
  hs256Token,
  signInOrganisation,
  tampered,
  unsignedToken,
  type SignInOrganisation,
  type SigningKey,
} from '../support/tokens';

interface ErrorBody {
  error: { code: string; message: string };
}

async function me(
  app: RunningApp,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${app.url}/api/v1/me`, {
    headers: { ...(token === null ? {} : bearer(token)), ...headers },
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

const errorOf = (body: Record<string, unknown>): ErrorBody['error'] => (body as unknown as ErrorBody).error;

describe('API sign-in, dev mode', () => {
  let app: RunningApp;
  let key: SigningKey;
  let home: SignInOrganisation;
  let other: SignInOrganisation;

  beforeAll(async () => {
    key = await createSigningKey();
    app = await startTestApp({ DEV_SIGNING_KEY: JSON.stringify(key.privateJwk) });
    home = signInOrganisation(newTenantId());
    other = signInOrganisation(newTenantId());
    await writeOrganisation(app.repositories, home.tenantId, home.snapshot);
    await writeOrganisation(app.repositories, other.tenantId, other.snapshot);
  });

  afterAll(async () => {
    await app?.stop();
  });

  const claimsOf = (org: SignInOrganisation, who: keyof SignInOrganisation['people']): JWTPayload =>
    devClaims(app.url, org.tenantId, org.people[who].aadObjectId ?? '');

  it('signs a person in through POST /api/dev/token and answers /api/v1/me as that person', async () => {
    const token = await devToken(app.url, home.tenantId, home.people.supervisor.id);
    const { status, body } = await me(app, token);
    expect(status).toBe(200);
    expect(body).toEqual({
      tenantId: home.tenantId,
      person: {
        id: 'p-supervisor',
        firstName: 'p-supervisor',
        lastName: 'Testinen',
        roles: ['employee', 'supervisor'],
        locale: 'fi',
        serviceAreaId: 'sa-1',
        teamId: 't-area',
      },
    });
  });

  it('publishes only the public half of its signing key', async () => {
    const response = await fetch(`${app.url}/api/dev/jwks.json`);
    const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', kid: key.kid, alg: 'RS256', use: 'sig' });
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(jwks.keys[0]).not.toHaveProperty(secret);
  });

  it('lists the demo personas for the persona switcher', async () => {
    const response = await fetch(`${app.url}/api/dev/personas`);
    const body = (await response.json()) as { tenantId: string; personas: Array<Record<string, unknown>> };
    expect(response.status).toBe(200);
    expect(body.tenantId).toBe('00000000-0000-4000-8000-000000000001');
    expect(body.personas.map((persona) => persona.key)).toEqual(
      expect.arrayContaining(['employee', 'supervisor', 'hr', 'director', 'cityManager']),
    );
    expect(body.personas.find((persona) => persona.key === 'hr')).toEqual({
      key: 'hr',
      personId: expect.any(String),
      name: expect.any(String),
      roles: expect.arrayContaining(['hr']),
    });
  });

  it('refuses a token for a person without an Entra id, an unknown person and a malformed request', async () => {
    const post = (body: unknown) =>
      fetch(`${app.url}/api/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify(body),
      });
    const unlinked = await post({ tenantId: home.tenantId, personId: home.people.unlinked.id });
    expect(unlinked.status).toBe(409);
    expect(errorOf(await unlinked.json())).toEqual({
      code: 'dev.personNotLinked',
      message: 'The person has no Entra id, so they cannot sign in.',
    });
    const unknown = await post({ tenantId: home.tenantId, personId: 'p-nobody' });
    expect(unknown.status).toBe(404);
    expect(errorOf(await unknown.json()).code).toBe('dev.personNotFound');
    const malformed = await post({ tenantId: 'not-a-tenant', personId: '' });
    expect(malformed.status).toBe(400);
    expect(errorOf(await malformed.json()).code).toBe('request.invalid');
  });

  it('asks for a sign-in without a token, in the language the client asks for', async () => {
    const finnish = await me(app, null);
    expect(finnish.status).toBe(401);
    expect(finnish.headers.get('www-authenticate')).toBe('Bearer');
    expect(errorOf(finnish.body)).toEqual({
      code: 'auth.missingToken',
      message: 'Kirjautuminen puuttuu. Avaa sovellus uudelleen Teamsissa.',
    });
    const swedish = await me(app, null, { 'accept-language': 'sv-FI,sv;q=0.9,en;q=0.5' });
    expect(errorOf(swedish.body).message).toBe('Inloggningen saknas. Öppna appen på nytt i Teams.');
    const basic = await fetch(`${app.url}/api/v1/me`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
  });

  it('never answers as another tenant’s person', async () => {
    // Tenant "home" in the token, the object id of a person of tenant "other": no such person at home.
    const crossed = await key.sign({ ...claimsOf(home, 'employee'), oid: other.people.hr.aadObjectId ?? '' });
    const response = await me(app, crossed, { 'accept-language': 'en' });
    expect(response.status).toBe(403);
    expect(errorOf(response.body)).toEqual({
      code: 'auth.personNotFound',
      message: 'Your details were not found in the organisation’s data. Ask HR to check them.',
    });
    expect(JSON.stringify(response.body)).not.toContain(other.people.hr.id);
  });

  it('refuses a tenant that is not registered here, before looking for the person', async () => {
    const stranger = newTenantId();
    const token = await key.sign(devClaims(app.url, stranger, home.people.employee.aadObjectId ?? ''));
    const response = await me(app, token);
    expect(response.status).toBe(401);
    expect(errorOf(response.body).code).toBe('auth.tenantNotAllowed');
  });

  it('accepts a token a few seconds out of date (clock skew) but not one expired minutes ago', async () => {
    const now = Math.floor(Date.now() / 1000);
    const skewed = await key.sign({ ...claimsOf(home, 'employee'), exp: now - 20 });
    expect((await me(app, skewed)).status).toBe(200);
    const expired = await key.sign({
      ...claimsOf(home, 'employee'),
      iat: now - 3900,
      nbf: now - 3900,
      exp: now - 300,
    });
    const response = await me(app, expired);
    expect(response.status).toBe(401);
    expect(errorOf(response.body).code).toBe('auth.tokenExpired');
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
  });

  const refused: Array<[string, () => Promise<string>]> = [
    [
      'a tampered token (tenant changed, signature kept)',
      async () =>
        tampered(await devToken(app.url, home.tenantId, home.people.employee.id), { tid: other.tenantId }),
    ],
    [
      'a tampered token (person changed, signature kept)',
      async () =>
        tampered(await devToken(app.url, home.tenantId, home.people.employee.id), {
          oid: home.people.hr.aadObjectId ?? '',
        }),
    ],
    [
      'a token that is not yet valid',
      () => key.sign({ ...claimsOf(home, 'employee'), nbf: Math.floor(Date.now() / 1000) + 600 }),
    ],
    ['a token without an expiry', () => key.sign({ ...claimsOf(home, 'employee'), exp: undefined })],
    [
      'a token for another audience',
      () => key.sign({ ...claimsOf(home, 'employee'), aud: 'api://localhost/other-app' }),
    ],
    [
      'a token from another issuer',
      () =>
        key.sign({
          ...claimsOf(home, 'employee'),
          iss: `https://login.microsoftonline.com/${home.tenantId}/v2.0`,
        }),
    ],
    [
      'a token whose issuer names another tenant than its tid',
      () => key.sign({ ...claimsOf(home, 'employee'), iss: `${app.url}/dev/${other.tenantId}/v2.0` }),
    ],
    [
      'a token without the access_as_user scope',
      () => key.sign({ ...claimsOf(home, 'employee'), scp: 'User.Read' }),
    ],
    ['a token without any scope', () => key.sign({ ...claimsOf(home, 'employee'), scp: undefined })],
    ['an unsigned token (alg none)', async () => unsignedToken(claimsOf(home, 'employee'))],
    [
      'an HS256 token keyed with the public key (algorithm confusion)',
      () => {
        const pem = createPublicKey({ key: key.publicJwk as never, format: 'jwk' }).export({
          type: 'spki',
          format: 'pem',
        });
        return hs256Token(claimsOf(home, 'employee'), pem.toString(), key.kid);
      },
    ],
    [
      'a token signed by a key the app never published',
      async () => (await createSigningKey()).sign(claimsOf(home, 'employee')),
    ],
    [
      'a token whose tid is not a tenant id',
      () => key.sign({ ...claimsOf(home, 'employee'), tid: '../../x' }),
    ],
    ['a string that is not a token', async () => 'not.a.token'],
  ];

  it.each(refused)('refuses %s with 401', async (_case, make) => {
    const response = await me(app, await make(), { 'accept-language': 'en-GB' });
    expect(response.status).toBe(401);
    expect(['auth.invalidToken', 'auth.tenantNotAllowed']).toContain(errorOf(response.body).code);
    expect(response.body).not.toHaveProperty('person');
  });

  it('accepts a correctly signed token made from the same claims (the refusals above are not the key’s fault)', async () => {
    expect((await me(app, await key.sign(claimsOf(home, 'employee')))).status).toBe(200);
  });
});

describe('API sign-in, dev mode with a key generated at start', () => {
  let first: RunningApp;
  let second: RunningApp;
  const org = signInOrganisation(newTenantId());

  beforeAll(async () => {
    [first, second] = await Promise.all([startTestApp(), startTestApp()]);
    await writeOrganisation(first.repositories, org.tenantId, org.snapshot);
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('signs its own tokens and refuses another instance’s', async () => {
    const token = await devToken(first.url, org.tenantId, org.people.hr.id);
    const own = await me(first, token);
    expect(own.status).toBe(200);
    expect((own.body.person as { roles: string[] }).roles).toEqual(['employee', 'hr']);
    expect((await me(second, token)).status).toBe(401);
  });
});

describe('configuration of the API sign-in', () => {
  it('refuses the dev mode on a non-loopback address, where anyone could mint tokens', () => {
    const bot = { BOT_ID: 'bot', BOT_PASSWORD: 'secret' };
    expect(() => loadConfig({ HOST: '0.0.0.0', ...bot })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0', AAD_APP_CLIENT_ID: 'client', ...bot })).not.toThrow();
  });

  it('refuses a dev signing key together with an Entra app', () => {
    expect(() => loadConfig({ DEV_MODE: 'on', AAD_APP_CLIENT_ID: 'client', DEV_SIGNING_KEY: '{}' })).toThrow(
      ConfigError,
    );
  });
});
