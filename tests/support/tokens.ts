/**
 * Access tokens for tests of the tabs' API.
 *
 * Testing an endpoint role by role (the usual case): start the app with `startTestApp()` — without
 * AAD_APP_CLIENT_ID it runs the API's dev mode — write an organisation WITH its `organisation` record (the
 * API serves registered tenants only; a person also needs an aadObjectId), e.g. `signInOrganisation()`'s
 * one person per role, then sign in as each person the way the tabs do locally:
 *
 *   const org = signInOrganisation(newTenantId());
 *   await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
 *
 *   const token = await devToken(app.url, tenantId, supervisor.id);
 *   const res = await fetch(`${app.url}/api/v1/…`, { headers: bearer(token) });
 *   // or with a body: { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, … }
 *
 * Another tenant's caller: `devToken(app.url, otherTenantId, personOfOtherTenant.id)`. No token: omit the header.
 *
 * Crafted tokens (expired, wrong audience, tampered, …) need the signing key: create one with
 * `createSigningKey()`, start the app with `{ DEV_SIGNING_KEY: JSON.stringify(key.privateJwk) }`, and sign
 * `devClaims(app.url, tenantId, aadObjectId)` with your changes: `key.sign({ ...claims, aud: 'other' })`.
 * Entra mode: `entraClaims(…)`, signed by the OpenID stand-in's key, with the stand-in's url as
 * ENTRA_KEYS_BASE_URL (see tests/api/auth-entra.test.ts).
 */
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { SignJWT } from 'jose';
import type { Person, Role } from '../../bot/src/domain/organisation';
import type { OrganisationSnapshot } from '../../bot/src/storage/organisation-import';
import { DEV_CLIENT_ID } from '../../bot/src/api/auth/dev-token-issuer';
import { REQUIRED_SCOPE } from '../../bot/src/api/auth/access-token-validator';

export { createSigningKey, type SigningKey } from '../../bot/src/devstack/openid-stand-in';

const HOUR = 60 * 60;

export type SignInPersonKey =
  | 'cityManager'
  | 'director'
  | 'supervisor'
  | 'employee'
  | 'otherEmployee'
  | 'hr'
  | 'cooperationMember'
  | 'unlinked';

export interface SignInOrganisation {
  tenantId: string;
  snapshot: OrganisationSnapshot;
  people: Record<SignInPersonKey, Person>;
}

/**
 * A small registered organisation with one person per role: the city manager leads the director and HR;
 * the director leads the supervisor and `otherEmployee`; the supervisor leads `employee` and
 * `cooperationMember` (YT). `unlinked` has no Entra id and cannot sign in.
 */
export function signInOrganisation(tenantId: string): SignInOrganisation {
  const area = 'sa-1';
  const team = (id: string, supervisorId: string) =>
    ({ tenantId, id, serviceAreaId: area, name: id, kind: 'team', supervisorId }) as const;
  const person = (
    id: string,
    roles: Role[],
    supervisorId: string | null,
    teamId: string,
    linked = true,
  ): Person => ({
    tenantId,
    id,
    firstName: id,
    lastName: 'Testinen',
    email: `${id}@example.test`,
    aadObjectId: linked ? randomUUID() : null,
    serviceAreaId: area,
    teamId,
    supervisorId,
    roles,
    locale: 'fi',
  });
  const people: Record<SignInPersonKey, Person> = {
    cityManager: person('p-city', ['employee', 'supervisor', 'cityManagementTeam'], null, 't-city'),
    director: person(
      'p-director',
      ['employee', 'supervisor', 'serviceAreaManagementTeam'],
      'p-city',
      't-city',
    ),
    hr: person('p-hr', ['employee', 'hr'], 'p-city', 't-city'),
    supervisor: person('p-supervisor', ['employee', 'supervisor'], 'p-director', 't-area'),
    otherEmployee: person('p-other', ['employee'], 'p-director', 't-area'),
    employee: person('p-employee', ['employee'], 'p-supervisor', 't-team'),
    cooperationMember: person('p-coop', ['employee', 'cooperationCommittee'], 'p-supervisor', 't-team'),
    unlinked: person('p-unlinked', ['employee'], 'p-supervisor', 't-team', false),
  };
  return {
    tenantId,
    people,
    snapshot: {
      organisation: { tenantId, name: 'Testikunta', defaultLocale: 'fi', anonymityThreshold: 5 },
      serviceAreas: [
        { tenantId, id: area, name: 'Palvelualue', directorId: 'p-director', alternatingYearRule: null },
      ],
      teams: [team('t-city', 'p-city'), team('t-area', 'p-director'), team('t-team', 'p-supervisor')],
      people: Object.values(people),
    },
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A dev-mode token for a person, from the app's own POST /api/dev/token. */
export async function devToken(appUrl: string, tenantId: string, personId: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId, personId }),
  });
  if (response.status !== 200) throw new Error(`POST /api/dev/token answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function lifetime(now: number): JWTPayload {
  return { iat: now, nbf: now, exp: now + HOUR };
}

/** The claims of a dev-mode token (as POST /api/dev/token issues them), for an app without TAB_DOMAIN. */
export function devClaims(
  appUrl: string,
  tenantId: string,
  aadObjectId: string,
  now = Math.floor(Date.now() / 1000),
): JWTPayload {
  return {
    iss: `${appUrl}/dev/${tenantId}/v2.0`,
    aud: `api://localhost/${DEV_CLIENT_ID}`,
    tid: tenantId,
    oid: aadObjectId,
    sub: aadObjectId,
    scp: REQUIRED_SCOPE,
    ver: '2.0',
    ...lifetime(now),
  };
}

/** The claims of an Entra access token for the tabs' API: v2 (aud = client id) or v1 (aud = App ID URI). */
export function entraClaims(
  app: { clientId: string; tabDomain: string },
  tenantId: string,
  aadObjectId: string,
  version: 'v1' | 'v2' = 'v2',
  now = Math.floor(Date.now() / 1000),
): JWTPayload {
  return {
    iss:
      version === 'v2'
        ? `https://login.microsoftonline.com/${tenantId}/v2.0`
        : `https://sts.windows.net/${tenantId}/`,
    aud: version === 'v2' ? app.clientId : `api://${app.tabDomain}/${app.clientId}`,
    tid: tenantId,
    oid: aadObjectId,
    sub: aadObjectId,
    scp: `User.Read ${REQUIRED_SCOPE}`,
    ver: version === 'v2' ? '2.0' : '1.0',
    ...lifetime(now),
  };
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsecured token (`alg: none`), as an attacker would send. */
export function unsignedToken(claims: JWTPayload): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

/** An HS256 token with a shared secret (e.g. the public key's text: the algorithm-confusion attack). */
export function hs256Token(claims: JWTPayload, secret: string, kid?: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...(kid ? { kid } : {}) })
    .sign(new TextEncoder().encode(secret));
}

/** The token with its claims changed and its original signature kept. */
export function tampered(token: string, changes: JWTPayload): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as JWTPayload;
  return `${header}.${base64url({ ...claims, ...changes })}.${signature}`;
}
