/**
 * The API's local dev mode (no Entra app configured): the service signs tokens itself with an RSA key
 * (generated at start, or DEV_SIGNING_KEY), publishes the public half as a JWKS, and the API checks these
 * tokens with the same validator as Entra's — issuer `{baseUrl}/dev/{tid}/v2.0`, a dev audience, the
 * `access_as_user` scope, a lifetime. Nothing is skipped; only the key set and issuer differ.
 */
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type CryptoKey,
} from 'jose';
import { REQUIRED_SCOPE, type TokenRules } from './access-token-validator';
import { apiAudiences } from './entra-token-rules';

/** The dev mode's stand-in for the Entra app's client id. */
export const DEV_CLIENT_ID = 'osaamiskello-dev';
/**
 * As Entra's access tokens live (60–90 minutes: https://learn.microsoft.com/entra/identity-platform/access-tokens#token-lifetime),
 * so the tabs renew a dev token as they renew a real one.
 */
const DEV_TOKEN_LIFETIME_SECONDS = 60 * 60;

export interface DevToken {
  accessToken: string;
  /** ISO time the token expires. */
  expiresAt: string;
}

export interface DevTokenIssuer {
  jwks(): Promise<JSONWebKeySet>;
  issuer(tenantId: string): string;
  mint(tenantId: string, objectId: string): Promise<DevToken>;
  rules(isTenantAllowed: (tenantId: string) => Promise<boolean>): TokenRules;
}

interface SigningKey {
  privateKey: CryptoKey | Uint8Array;
  publicJwk: JWK;
}

async function signingKey(privateJwkJson: string | null): Promise<SigningKey> {
  let privateJwk: JWK;
  if (privateJwkJson === null) {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = await exportJWK(privateKey);
  } else {
    privateJwk = JSON.parse(privateJwkJson) as JWK;
    if (privateJwk.kty !== 'RSA' || !privateJwk.d)
      throw new Error('DEV_SIGNING_KEY must be a private RSA key as a JWK (JSON).');
  }
  const { kty, n, e } = privateJwk;
  const kid = await calculateJwkThumbprint({ kty, n, e });
  return {
    privateKey: await importJWK(privateJwk, 'RS256'),
    publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' },
  };
}

export function createDevTokenIssuer(options: {
  privateJwkJson: string | null;
  baseUrl: () => string;
  tabDomain: string | null;
}): DevTokenIssuer {
  let key: Promise<SigningKey> | null = null;
  const loaded = (): Promise<SigningKey> => (key ??= signingKey(options.privateJwkJson));
  const audiences = apiAudiences(DEV_CLIENT_ID, options.tabDomain ?? 'localhost');
  const issuer = (tenantId: string): string => `${options.baseUrl()}/dev/${tenantId}/v2.0`;
  const jwks = async (): Promise<JSONWebKeySet> => ({ keys: [(await loaded()).publicJwk] });
  let keySet: ReturnType<typeof createLocalJWKSet> | null = null;

  return {
    jwks,
    issuer,
    async mint(tenantId, objectId) {
      const { privateKey, publicJwk } = await loaded();
      const now = Math.floor(Date.now() / 1000);
      const expires = now + DEV_TOKEN_LIFETIME_SECONDS;
      const accessToken = await new SignJWT({ tid: tenantId, oid: objectId, scp: REQUIRED_SCOPE, ver: '2.0' })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: publicJwk.kid })
        .setIssuer(issuer(tenantId))
        .setAudience(audiences[0] ?? DEV_CLIENT_ID)
        .setSubject(objectId)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(expires)
        .sign(privateKey);
      return { accessToken, expiresAt: new Date(expires * 1000).toISOString() };
    },
    rules: (isTenantAllowed) => {
      const keys: JWTVerifyGetKey = async (header, token) => {
        keySet ??= createLocalJWKSet(await jwks());
        return keySet(header, token);
      };
      return {
        signingKeys: keys,
        keys: () => keys,
        issuers: (tenantId) => [issuer(tenantId)],
        audiences,
        isTenantAllowed,
      };
    },
  };
}
