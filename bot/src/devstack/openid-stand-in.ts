/**
 * A local stand-in for the Microsoft identity endpoints the app trusts, which cannot be reached here. Over
 * real HTTP on loopback it serves:
 * - the Bot Framework's OpenID metadata (`/.well-known/openidconfiguration`) and its JWKS (`/keys`), whose
 *   keys carry `endorsements` (the channels a key may sign for, `msteams` by default) as the real one does;
 * - Entra's key sets (`/{tenantId}/discovery/v2.0/keys` and `/common/discovery/v2.0/keys`), for the tabs'
 *   API (ENTRA_KEYS_BASE_URL);
 * - App Service's managed identity endpoint (`/msi/token`, the IDENTITY_ENDPOINT protocol), which gives the
 *   bot its outgoing tokens when BOT_TYPE=UserAssignedMSI.
 * It signs tokens with its published key, or with a key it never publishes (an attacker's).
 */
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTPayload,
  type CryptoKey,
} from 'jose';
import { sendJson } from './stand-in-http';

/** The Bot Framework channel's token issuer (what botbuilder expects by default). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  /** The private key as a JWK, e.g. for the API's DEV_SIGNING_KEY. */
  privateJwk: JWK;
  publicJwk: JWK;
  /** Signs `payload` with RS256 and this key's kid; `header` may override both (an attacker's token). */
  sign(payload: JWTPayload, header?: { alg?: string; kid?: string }): Promise<string>;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const { kty, n, e } = privateJwk;
  const kid = await calculateJwkThumbprint({ kty, n, e });
  const key: CryptoKey = privateKey;
  return {
    kid,
    privateJwk: { ...privateJwk, kid, alg: 'RS256' },
    publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' },
    sign: (payload, header = {}) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid, ...header } as { alg: string })
        .sign(key),
  };
}

export interface ManagedIdentityTokenRequest {
  /** The client id of the user-assigned identity asked for. */
  clientId: string | null;
  resource: string | null;
  token: string;
}

export interface OpenIdStandIn {
  /** e.g. http://127.0.0.1:PORT — the ENTRA_KEYS_BASE_URL for the tabs' API. */
  url: string;
  /** For BotAuthOverrides.openIdMetadataUrl. */
  openIdMetadataUrl: string;
  /** The published key. */
  key: SigningKey;
  /** A key whose public half is nowhere published. */
  unknownKey: SigningKey;
  /** A channel token as the Bot Connector sends it to the bot; `claims` override or add claims. */
  mintChannelToken(appId: string, serviceUrl: string, claims?: JWTPayload, key?: SigningKey): Promise<string>;
  /** For IDENTITY_ENDPOINT / IDENTITY_HEADER. */
  managedIdentity: { endpoint: string; header: string; issued: ManagedIdentityTokenRequest[] };
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

const TOKEN_LIFETIME_SECONDS = 60 * 60;

export async function startOpenIdStandIn(options: { endorsements?: string[] } = {}): Promise<OpenIdStandIn> {
  const [key, unknownKey] = await Promise.all([createSigningKey(), createSigningKey()]);
  const endorsements = options.endorsements ?? ['msteams'];
  const identityHeader = randomUUID();
  const requests: string[] = [];
  const issued: ManagedIdentityTokenRequest[] = [];
  let url = '';

  const server: Server = createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(parsed.pathname);
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'method_not_allowed' });
    if (parsed.pathname === '/.well-known/openidconfiguration') {
      return sendJson(res, 200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${url}/authorize`,
        jwks_uri: `${url}/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (parsed.pathname === '/keys')
      return sendJson(res, 200, { keys: [{ ...key.publicJwk, endorsements }] });
    // Entra's key sets: per tenant, and `common` (the same keys, for every tenant).
    if (/^\/([0-9a-f-]{36}|common)\/discovery\/v2\.0\/keys$/i.test(parsed.pathname))
      return sendJson(res, 200, { keys: [key.publicJwk] });
    if (parsed.pathname === '/msi/token') {
      if (req.headers['x-identity-header'] !== identityHeader)
        return sendJson(res, 401, { error: 'invalid_request' });
      const resource = parsed.searchParams.get('resource');
      const token = `mi-${randomUUID()}`;
      issued.push({ clientId: parsed.searchParams.get('client_id'), resource, token });
      return sendJson(res, 200, {
        access_token: token,
        expires_on: String(Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS),
        resource,
        token_type: 'Bearer',
        client_id: parsed.searchParams.get('client_id'),
      });
    }
    sendJson(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    openIdMetadataUrl: `${url}/.well-known/openidconfiguration`,
    key,
    unknownKey,
    mintChannelToken: (appId, serviceUrl, claims = {}, signer = key) => {
      const now = Math.floor(Date.now() / 1000);
      return signer.sign({
        iss: BOT_FRAMEWORK_ISSUER,
        aud: appId,
        serviceurl: serviceUrl,
        nbf: now,
        iat: now,
        exp: now + TOKEN_LIFETIME_SECONDS,
        ...claims,
      });
    },
    managedIdentity: { endpoint: `${url}/msi/token`, header: identityHeader, issued },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
