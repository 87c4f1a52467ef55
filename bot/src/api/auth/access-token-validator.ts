/**
 * Validates the tabs' access tokens. The signature comes first, before any claim is read: checked against
 * the issuer's keys for every tenant (Entra's common key set), so an unsigned or forged token gets the same
 * answer whatever tenant it names. Then the lifetime (no longer than the issuer issues), whether the tenant is
 * served here, and in full: RS256 from the token's own tenant's key set, the issuer of that same tenant, our
 * audience, the `access_as_user` scope, and the expiry with a small skew.
 * Entra and the local dev mode run this same code; only the key sets, issuers and audiences differ.
 */
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS } from '../../tunables';

export const REQUIRED_SCOPE = 'access_as_user';
/**
 * Entra's access tokens live 60–90 minutes, and a configurable token lifetime is at most a day
 * (learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes): longer was not issued by it.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TokenRules {
  /** Every key the issuer signs with, for any tenant: the signature is checked against these first. */
  signingKeys: JWTVerifyGetKey;
  /** Where the tenant's signing keys come from. */
  keys(tenantId: string): JWTVerifyGetKey;
  /** The issuers a token of this tenant may carry (each names the tenant itself). */
  issuers(tenantId: string): string[];
  audiences: string[];
  /** Whether this tenant is served at all; asked before any key is fetched for it. */
  isTenantAllowed(tenantId: string): Promise<boolean>;
}

export interface ValidatedToken {
  tenantId: string;
  /** The user's Entra object id. */
  objectId: string;
}

export type TokenRejection = 'invalidToken' | 'tokenExpired' | 'tenantNotAllowed' | 'keysUnavailable';

export class TokenRejectedError extends Error {
  constructor(readonly reason: TokenRejection) {
    super(`Access token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

export interface AccessTokenValidator {
  /** The token's tenant and user; TokenRejectedError otherwise. */
  validate(token: string): Promise<ValidatedToken>;
}

/** The token's claims once its signature holds and its lifetime is one the issuer gives. */
async function signedClaims(token: string, rules: TokenRules): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, rules.signingKeys, {
      algorithms: ['RS256'],
      clockTolerance: ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'nbf'],
    }));
  } catch (error) {
    throw new TokenRejectedError(rejectionOf(error));
  }
  const start = payload.nbf ?? payload.iat;
  if (
    typeof payload.exp !== 'number' ||
    typeof start !== 'number' ||
    payload.exp - start > MAX_TOKEN_LIFETIME_SECONDS
  )
    throw new TokenRejectedError('invalidToken');
  return payload;
}

function claimedTenant(payload: JWTPayload): string {
  // The tenant id goes into the key set's URL: only a GUID is taken.
  if (typeof payload.tid !== 'string' || !TENANT_ID.test(payload.tid))
    throw new TokenRejectedError('invalidToken');
  return payload.tid;
}

/** Key-set outages are ours (503); anything else wrong with the token is the caller's (401). */
function rejectionOf(error: unknown): TokenRejection {
  if (error instanceof errors.JWTExpired) return 'tokenExpired';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'keysUnavailable';
  if (error instanceof errors.JOSEError && error.code !== errors.JOSEError.code) return 'invalidToken';
  return 'keysUnavailable';
}

function hasScope(payload: JWTPayload, scope: string): boolean {
  return typeof payload.scp === 'string' && payload.scp.split(' ').includes(scope);
}

export function createAccessTokenValidator(rules: TokenRules): AccessTokenValidator {
  return {
    async validate(token) {
      const tenantId = claimedTenant(await signedClaims(token, rules));
      if (!(await rules.isTenantAllowed(tenantId))) throw new TokenRejectedError('tenantNotAllowed');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, rules.keys(tenantId), {
          algorithms: ['RS256'],
          issuer: rules.issuers(tenantId),
          audience: rules.audiences,
          clockTolerance: ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'nbf', 'tid', 'oid'],
        }));
      } catch (error) {
        throw new TokenRejectedError(rejectionOf(error));
      }
      if (typeof payload.oid !== 'string' || !payload.oid || !hasScope(payload, REQUIRED_SCOPE))
        throw new TokenRejectedError('invalidToken');
      return { tenantId, objectId: payload.oid };
    },
  };
}
