/**
 * The tabs' API sign-in with an Entra app configured: keys come from the token's own tenant's key set (a
 * local stand-in at ENTRA_KEYS_BASE_URL), v2 and v1 Entra tokens are accepted, and the dev mode is gone.
 */
import type { RunningApp } from '../../bot/src/app';
import { freePort } from '../../bot/src/devstack/free-port';
import { startOpenIdStandIn, type OpenIdStandIn } from '../../bot/src/devstack/openid-stand-in';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import {
  bearer,
  createSigningKey,
  devClaims,
  entraClaims,
  signInOrganisation,
  type SignInOrganisation,
} from '../support/tokens';

const entraApp = { clientId: 'c0ffee00-0000-4000-8000-00000000a11d', tabDomain: 'osaamiskello.example.test' };

async function me(appUrl: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${appUrl}/api/v1/me`, {
    headers: { ...bearer(token), 'accept-language': 'en' },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const codeOf = (body: Record<string, unknown>): string | undefined =>
  (body.error as { code?: string } | undefined)?.code;

describe('API sign-in with Entra', () => {
  let entra: OpenIdStandIn;
  let app: RunningApp;
  let home: SignInOrganisation;
  let other: SignInOrganisation;

  beforeAll(async () => {
    entra = await startOpenIdStandIn();
    app = await startTestApp({
      AAD_APP_CLIENT_ID: entraApp.clientId,
      TAB_DOMAIN: entraApp.tabDomain,
      ENTRA_KEYS_BASE_URL: entra.url,
    });
    home = signInOrganisation(newTenantId());
    other = signInOrganisation(newTenantId());
    await writeOrganisation(app.repositories, home.tenantId, home.snapshot);
    await writeOrganisation(app.repositories, other.tenantId, other.snapshot);
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), entra?.close()]);
  });

  const employeeClaims = (version: 'v1' | 'v2' = 'v2') =>
    entraClaims(entraApp, home.tenantId, home.people.employee.aadObjectId ?? '', version);

  it('accepts a v2 token signed with the tenant’s key, read from the tenant’s own key set', async () => {
    const { status, body } = await me(app.url, await entra.key.sign(employeeClaims('v2')));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      tenantId: home.tenantId,
      person: { id: 'p-employee', roles: ['employee'] },
    });
    expect(entra.requests).toContain(`/${home.tenantId}/discovery/v2.0/keys`);
  });

  it('accepts a v1 token (sts.windows.net issuer, App ID URI audience)', async () => {
    const { status, body } = await me(app.url, await entra.key.sign(employeeClaims('v1')));
    expect(status).toBe(200);
    expect(body).toMatchObject({ person: { id: 'p-employee' } });
  });

  it('refuses a token signed with a dev key, even with Entra’s claims', async () => {
    const devKey = await createSigningKey();
    const { status, body } = await me(app.url, await devKey.sign(employeeClaims()));
    expect(status).toBe(401);
    expect(codeOf(body)).toBe('auth.invalidToken');
  });

  it('refuses a dev-mode token signed with the tenant’s key (wrong issuer and audience)', async () => {
    const claims = devClaims(app.url, home.tenantId, home.people.employee.aadObjectId ?? '');
    expect((await me(app.url, await entra.key.sign(claims))).status).toBe(401);
  });

  it('refuses a token whose issuer is another tenant than its tid', async () => {
    const claims = { ...employeeClaims(), iss: `https://login.microsoftonline.com/${other.tenantId}/v2.0` };
    expect((await me(app.url, await entra.key.sign(claims))).status).toBe(401);
  });

  it('refuses a token for another app', async () => {
    const claims = { ...employeeClaims(), aud: 'api://osaamiskello.example.test/another-app' };
    expect((await me(app.url, await entra.key.sign(claims))).status).toBe(401);
  });

  it('answers 403 for a signed-in user who is not in the organisation’s data', async () => {
    const claims = { ...employeeClaims(), oid: other.people.employee.aadObjectId ?? '' };
    const { status, body } = await me(app.url, await entra.key.sign(claims));
    expect(status).toBe(403);
    expect(codeOf(body)).toBe('auth.personNotFound');
  });

  it('fetches no keys for a tenant that is not registered here', async () => {
    const stranger = newTenantId();
    const claims = entraClaims(entraApp, stranger, home.people.employee.aadObjectId ?? '');
    const { status, body } = await me(app.url, await entra.key.sign(claims));
    expect(status).toBe(401);
    expect(codeOf(body)).toBe('auth.tenantNotAllowed');
    expect(entra.requests.some((path) => path.includes(stranger))).toBe(false);
  });

  it('has no dev endpoints', async () => {
    const token = await fetch(`${app.url}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: home.tenantId, personId: home.people.hr.id }),
    });
    expect(token.status).toBe(404);
    expect((await fetch(`${app.url}/api/dev/jwks.json`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/dev/personas`)).status).toBe(404);
  });
});

describe('API sign-in with a single-tenant Entra app', () => {
  let entra: OpenIdStandIn;
  let app: RunningApp;
  const home = signInOrganisation(newTenantId());
  const other = signInOrganisation(newTenantId());

  beforeAll(async () => {
    entra = await startOpenIdStandIn();
    app = await startTestApp({
      AAD_APP_CLIENT_ID: entraApp.clientId,
      AAD_APP_TENANT_ID: home.tenantId,
      ENTRA_KEYS_BASE_URL: entra.url,
    });
    await writeOrganisation(app.repositories, home.tenantId, home.snapshot);
    await writeOrganisation(app.repositories, other.tenantId, other.snapshot);
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), entra?.close()]);
  });

  it('serves its own tenant and refuses another registered one', async () => {
    const sign = (org: SignInOrganisation) =>
      entra.key.sign(entraClaims(entraApp, org.tenantId, org.people.hr.aadObjectId ?? ''));
    expect((await me(app.url, await sign(home))).status).toBe(200);
    const refused = await me(app.url, await sign(other));
    expect(refused.status).toBe(401);
    expect(codeOf(refused.body)).toBe('auth.tenantNotAllowed');
  });
});

describe('API sign-in when the tenant’s keys cannot be read', () => {
  let app: RunningApp;
  const org = signInOrganisation(newTenantId());

  beforeAll(async () => {
    app = await startTestApp({
      AAD_APP_CLIENT_ID: entraApp.clientId,
      ENTRA_KEYS_BASE_URL: `http://127.0.0.1:${await freePort()}`,
    });
    await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('answers 503 (try again) rather than calling a valid sign-in invalid', async () => {
    const key = await createSigningKey();
    const token = await key.sign(entraClaims(entraApp, org.tenantId, org.people.employee.aadObjectId ?? ''));
    const { status, body } = await me(app.url, token);
    expect(status).toBe(503);
    expect(body).toEqual({
      error: {
        code: 'auth.keysUnavailable',
        message: 'Sign-in cannot be checked right now. Please try again in a moment.',
      },
    });
  });
});
