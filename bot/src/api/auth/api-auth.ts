/**
 * The tabs' API sign-in, one per app: `apiAuth(context)` gives every feature the same authenticator
 * (in dev mode the same signing key). `route(handler)` authenticates a request before the handler runs;
 * `authenticate(req)` is the step on its own.
 *
 *   server.get('/api/v1/…', auth.route(async (req, res, identity) => {
 *     requireAnyRole(identity, ['hr']);            // 403 otherwise
 *     res.json(200, await read(identity.tenantId));
 *   }));
 */
import type { Request } from 'restify';
import type { AppConfig } from '../../config';
import type { RefusalLog, Logger } from '../../logging';
import type { Repositories } from '../../storage/repositories';
import { ApiError, requestLocale } from '../../http-kit/api-error';
import type { ApiMessageCode } from '../../http-kit/api-messages';
import { apiRoute } from '../../http-kit/api-route';
import {
  createAccessTokenValidator,
  TokenRejectedError,
  type TokenRejection,
  type TokenRules,
  type ValidatedToken,
} from './access-token-validator';
import { createDevTokenIssuer, type DevTokenIssuer } from './dev-token-issuer';
import { entraTokenRules } from './entra-token-rules';
import type { RequestIdentity } from '../../http-kit/request-identity';
import type { SignIn } from '../../http-kit/route-kit';
import { rateLimitedError, type AddressGuard, type RateLimiter } from '../../http-kit/rate-limit';
import { inTheirLanguageIfKnown } from '../../i18n/person-language';

export interface ApiAuth extends SignIn {
  mode: 'entra' | 'dev';
  /** The caller's identity; throws a 401, 403 or 503 ApiError. */
  authenticate(req: Request): Promise<RequestIdentity>;
  /** The dev mode's token issuer; null with Entra. */
  dev: DevTokenIssuer | null;
}

const REJECTIONS: Record<TokenRejection, { status: number; code: ApiMessageCode; challenge: string | null }> =
  {
    invalidToken: { status: 401, code: 'auth.invalidToken', challenge: 'Bearer error="invalid_token"' },
    tokenExpired: {
      status: 401,
      code: 'auth.tokenExpired',
      challenge: 'Bearer error="invalid_token", error_description="The token expired"',
    },
    tenantNotAllowed: {
      status: 401,
      code: 'auth.tenantNotAllowed',
      challenge: 'Bearer error="invalid_token"',
    },
    keysUnavailable: { status: 503, code: 'auth.keysUnavailable', challenge: null },
  };

function rejected(reason: TokenRejection): ApiError {
  const { status, code, challenge } = REJECTIONS[reason];
  return ApiError.of(status, code, undefined, challenge ? { 'WWW-Authenticate': challenge } : undefined);
}

function bearerToken(req: Request): string {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) throw ApiError.of(401, 'auth.missingToken', undefined, { 'WWW-Authenticate': 'Bearer' });
  return match[1];
}

/** What the sign-in reads of the app (the app's context has it all). */
export interface ApiAuthContext {
  config: Pick<AppConfig, 'apiAuth'>;
  repositories: Pick<Repositories, 'organisations' | 'people' | 'languageChoices'>;
  logger: Logger;
  refusals: RefusalLog;
  rateLimiter: RateLimiter;
  addressGuard: AddressGuard;
  baseUrl(): string;
}

function createApiAuth(context: ApiAuthContext): ApiAuth {
  const { config, repositories, logger, refusals, rateLimiter, addressGuard } = context;
  const isRegistered = async (tenantId: string): Promise<boolean> =>
    (await repositories.organisations.get(tenantId)) !== null;
  const settings = config.apiAuth;
  let dev: DevTokenIssuer | null = null;
  let rules: TokenRules;
  if (settings.mode === 'entra') rules = entraTokenRules(settings, isRegistered);
  else {
    dev = createDevTokenIssuer({
      privateJwkJson: settings.devSigningKey,
      baseUrl: context.baseUrl,
      tabDomain: settings.tabDomain,
    });
    rules = dev.rules(isRegistered);
  }
  const validator = createAccessTokenValidator(rules);

  const authenticate = async (req: Request): Promise<RequestIdentity> => {
    let token: string;
    try {
      token = bearerToken(req);
    } catch (error) {
      addressGuard.failed(req);
      throw error;
    }
    let validated: ValidatedToken;
    try {
      validated = await validator.validate(token);
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      refusals.refused('api.refused', error.reason);
      // The keys being unreachable is ours to fix, not the caller's failure.
      if (error.reason !== 'keysUnavailable') addressGuard.failed(req);
      throw rejected(error.reason);
    }
    const person = await inTheirLanguageIfKnown(
      repositories.languageChoices,
      await repositories.people.getPersonByAadObjectId(validated.tenantId, validated.objectId),
    );
    if (!person) {
      refusals.refused('api.refused', 'personNotFound');
      throw ApiError.of(403, 'auth.personNotFound');
    }
    const wait = rateLimiter.take(validated.tenantId, validated.objectId);
    if (wait > 0) {
      refusals.refused('api.refused', 'rateLimited');
      throw rateLimitedError(wait);
    }
    return {
      tenantId: validated.tenantId,
      aadObjectId: validated.objectId,
      accessToken: token,
      person,
      roles: person.roles,
      locale: requestLocale(req, person.locale),
    };
  };

  return {
    mode: settings.mode,
    authenticate,
    route: (handler) =>
      apiRoute(logger, async (req, res, setLocale) => {
        const identity = await authenticate(req);
        setLocale(identity.locale);
        await handler(req, res, identity);
      }),
    dev,
  };
}

const perApp = new WeakMap<ApiAuthContext, ApiAuth>();

export function apiAuth(context: ApiAuthContext): ApiAuth {
  let auth = perApp.get(context);
  if (!auth) {
    auth = createApiAuth(context);
    perApp.set(context, auth);
  }
  return auth;
}
