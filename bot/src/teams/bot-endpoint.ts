/**
 * Our thin module around the Bot Framework SDK's CloudAdapter: the HTTP server hands it requests and
 * never sees botbuilder, so the SDK can later be swapped (its support ended 2025-12-31).
 *
 * Without a BOT_ID the adapter accepts unauthenticated requests and sends replies without a token:
 * that is the local mode (Agents Playground, tests). With a BOT_ID every request is validated as the Bot
 * Framework specifies. The SDK (botframework-connector 4.23.3) checks the bearer scheme, the channel's
 * issuer, the audience (our app id), the lifetime with 5 minutes' skew, RS256/384/512 signatures with a key
 * from the OpenID metadata endorsed for the activity's channel, and the serviceurl claim. What it misses,
 * this module adds (ChannelOnlyAuthentication):
 * - the signature is checked first, against the keys of the channel's OpenID metadata, before any claim is
 *   read; a token whose lifetime is longer than the channel issues (over a day) is refused;
 * - it also takes tokens of other issuers (the Emulator's, skills') through other code paths; a Teams bot
 *   takes the channel's only;
 * - a token without `exp` never expires for it; here `exp` is required;
 * - it skips the serviceurl check when the activity has no serviceUrl; here one is required;
 * - a bad signature or a not-yet-valid token escapes as a library error (HTTP 500); here it is a 401;
 * - its refusal answers with its own English message and key ids, and prints a stack trace: here the answer
 *   is the API's error shape, and the refusal one bounded log line with a reason code.
 * Without a BOT_ID (DEV_MODE, loopback only) replies go only to a serviceUrl on this machine: an
 * unauthenticated request never makes the bot POST elsewhere.
 *
 * The SDK also builds a new ConnectorClient and UserTokenClient (each with its own HTTP pipeline) for every
 * incoming activity, a sizeable share of a card submit's CPU; ReusedClients keeps them across turns.
 */
import type { Request, Response } from 'restify';
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type InvokeResponse,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { BotAuthConfig } from '../config';
import { describeError, type Logger, type RefusalLog } from '../logging';
import { ApiError, requestLocale, sendApiError } from '../http-kit/api-error';
import { rateLimitedError, type AddressGuard, type RateLimiter } from '../http-kit/rate-limit';
import { translate } from '../i18n/translate';
import { localeOf } from './activity-identity';
import { OsaamiskelloBot } from './osaamiskello-bot';
import type { BotPorts } from './bot-ports';
import { KEYS_TIMEOUT_MS } from '../tunables';

export interface BotEndpoint {
  /** Handles POST /api/messages; the request body must already be parsed as JSON. */
  handle(req: Request, res: Response): Promise<void>;
}

export interface BotAuthOverrides {
  /** Where the channel's OpenID metadata is read (tests point it at a local stand-in). */
  openIdMetadataUrl?: string;
  tokenIssuer?: string;
}

const UNAUTHORIZED = 401;
/** The channel's tokens live about an hour; one valid for longer than a day was not issued by it. */
export const MAX_CHANNEL_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
/** The Bot Framework's allowed clock skew (the SDK's, too). */
const CLOCK_SKEW_SECONDS = 5 * 60;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Outbound clients kept per (app id, service URL, audience); the service URL is the sender's to choose. */
const MAX_REUSED_CLIENTS = 64;
/** The errors jsonwebtoken throws for a token it cannot accept. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** A refused bot request, with our reason code (logged) and the status it answers. */
class BotRequestRefused extends AuthenticationError {
  constructor(
    readonly reason: string,
    readonly status = UNAUTHORIZED,
  ) {
    super(`Unauthorized: ${reason}`, status);
  }
}

function refuse(reason: string): BotRequestRefused {
  return new BotRequestRefused(reason);
}

/** The signing keys of the channel's OpenID metadata, fetched once (again after a failure). */
class ChannelSigningKeys {
  private keys: Promise<JWTVerifyGetKey> | null = null;
  constructor(private readonly metadataUrl: string) {}

  get(): Promise<JWTVerifyGetKey> {
    if (this.keys) return this.keys;
    const keys = fetch(this.metadataUrl, { signal: AbortSignal.timeout(KEYS_TIMEOUT_MS) })
      .then((response) => {
        if (!response.ok) throw new Error(`OpenID metadata answered ${response.status}`);
        return response.json() as Promise<{ jwks_uri?: unknown }>;
      })
      .then((metadata) => {
        if (typeof metadata.jwks_uri !== 'string') throw new Error('OpenID metadata without jwks_uri');
        return createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: KEYS_TIMEOUT_MS });
      });
    keys.catch(() => {
      if (this.keys === keys) this.keys = null;
    });
    this.keys = keys;
    return keys;
  }
}

/** The token's claims once its signature holds; refuses it otherwise (before any claim is looked at). */
async function verifiedClaims(token: string, keys: ChannelSigningKeys): Promise<JWTPayload> {
  let getKey: JWTVerifyGetKey;
  try {
    getKey = await keys.get();
  } catch {
    throw new BotRequestRefused('keysUnavailable', 503);
  }
  try {
    const { payload } = await jwtVerify(token, getKey, {
      algorithms: ['RS256', 'RS384', 'RS512'],
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid)
      throw new BotRequestRefused('keysUnavailable', 503);
    if (error instanceof joseErrors.JWTExpired) throw refuse('tokenExpired');
    if (error instanceof joseErrors.JWTClaimValidationFailed) throw refuse('tokenNotYetValid');
    throw refuse('badSignature');
  }
}

/** The SDK's validation of channel requests, with the checks it misses (see the module comment). */
class ChannelOnlyAuthentication extends BotFrameworkAuthentication {
  private readonly keys: ChannelSigningKeys;

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly channelIssuer: string,
    openIdMetadataUrl: string,
  ) {
    super();
    this.keys = new ChannelSigningKeys(openIdMetadataUrl);
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const [scheme, token, ...rest] = authHeader.split(' ');
    if (scheme !== 'Bearer' || !token || rest.length > 0) throw refuse('missingToken');
    const claims = await verifiedClaims(token, this.keys);
    if (claims.iss !== this.channelIssuer) throw refuse('wrongIssuer');
    if (typeof claims.exp !== 'number') throw refuse('noExpiry');
    const start = claims.nbf ?? claims.iat;
    if (typeof start !== 'number') throw refuse('noLifetimeStart');
    if (claims.exp - start > MAX_CHANNEL_TOKEN_LIFETIME_SECONDS) throw refuse('lifetimeTooLong');
    if (!activity.serviceUrl) throw refuse('noServiceUrl');
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof BotRequestRefused) throw error;
      if (error instanceof AuthenticationError) throw refuse('channelRules');
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw refuse('invalidToken');
      throw error;
    }
  }

  authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    return Promise.reject(refuse('streamingNotAccepted'));
  }

  override authenticateChannelRequest(): Promise<ClaimsIdentity> {
    return Promise.reject(refuse('skillNotAccepted'));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}

/** The value made for `key` before, else a new one; a failed one is not kept, the oldest goes when full. */
function reuse<V>(made: Map<string, Promise<V>>, key: string, make: () => Promise<V>): Promise<V> {
  const known = made.get(key);
  if (known) return known;
  if (made.size >= MAX_REUSED_CLIENTS) made.delete(made.keys().next().value as string);
  const value = make();
  made.set(key, value);
  value.catch(() => {
    if (made.get(key) === value) made.delete(key);
  });
  return value;
}

/** The app id the SDK makes outbound credentials for, read from the claims as the SDK reads it. */
function appIdOf(claims: ClaimsIdentity): string {
  return (
    claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** Creates a ConnectorClient once per app id, service URL and audience; the client renews its own token. */
class ReusedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}\n${serviceUrl}\n${audience ?? ''}`;
    return reuse(this.clients, key, () => this.inner.create(serviceUrl, audience));
  }
}

/** Everything as `inner` does it, but outbound clients are made once and reused (see the module comment). */
class ReusedClients extends BotFrameworkAuthentication {
  private readonly connectorClients = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.reusing(result.claimsIdentity, factory) } : result;
  }

  authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, this.inner.createConnectorFactory(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.userTokenClients, appIdOf(claimsIdentity), () =>
      this.inner.createUserTokenClient(claimsIdentity),
    );
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  private reusing(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    return new ReusedConnectorFactory(factory, appIdOf(claimsIdentity), this.connectorClients);
  }
}

function authenticationFor(
  auth: BotAuthConfig | null,
  overrides: BotAuthOverrides,
): BotFrameworkAuthentication {
  const channelIssuer = overrides.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer;
  const openIdMetadataUrl =
    overrides.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
  const sdk = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: auth?.appId,
    MicrosoftAppPassword: auth?.appPassword,
    MicrosoftAppType: auth?.appType,
    MicrosoftAppTenantId: auth?.tenantId,
    // Once one of these is set the SDK takes all of them as given: the public cloud's, but for the overrides.
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: channelIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  });
  return new ReusedClients(auth ? new ChannelOnlyAuthentication(sdk, channelIssuer, openIdMetadataUrl) : sdk);
}

/** The CloudAdapter, taking requests we have authenticated ourselves (see the module comment). */
class PreAuthenticatedAdapter extends CloudAdapter {
  run(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/** Guards of the endpoint shared with the API: the refusal log and the rate limits. */
export interface BotEndpointGuards {
  refusals: RefusalLog;
  rateLimiter: RateLimiter;
  addressGuard: AddressGuard;
}

/** Without BOT_ID nothing authenticates the request: its replies may go to this machine only. */
function repliesStayLocal(activity: Activity): boolean {
  if (!activity.serviceUrl) return true;
  try {
    return LOOPBACK_HOSTS.has(new URL(activity.serviceUrl).hostname);
  } catch {
    return false;
  }
}

/** What the SDK's CloudAdapter does to a parsed body before it processes it (timestamps as dates). */
function asActivity(body: Record<string, unknown>): Activity {
  for (const field of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const value = body[field];
    if (typeof value === 'string') {
      body[`raw${field[0]?.toUpperCase()}${field.slice(1)}`] = value;
      body[field] = new Date(value);
    }
  }
  return body as unknown as Activity;
}

const ERROR_CODES = { 401: 'auth.invalidToken', 403: 'auth.forbidden', 503: 'auth.keysUnavailable' } as const;

export function createBotEndpoint(
  auth: BotAuthConfig | null,
  ports: BotPorts,
  logger: Logger,
  overrides: BotAuthOverrides,
  guards: BotEndpointGuards,
): BotEndpoint {
  const authentication = authenticationFor(auth, overrides);
  const adapter = new PreAuthenticatedAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error('bot.turnError', { activityType: context.activity.type, ...describeError(error) });
    if (context.activity.type === 'message') {
      const locale = localeOf(context.activity, 'fi');
      await context.sendActivity(translate(locale, 'error.generic')).catch(() => undefined);
    }
  };
  const bot = new OsaamiskelloBot(ports, logger);
  const answer = (req: Request, res: Response, error: ApiError): void =>
    sendApiError(res, error, requestLocale(req, 'fi'));

  return {
    async handle(req, res) {
      const activity = asActivity(req.body as Record<string, unknown>);
      if (!auth && !repliesStayLocal(activity)) {
        guards.refusals.refused('bot.refused', 'serviceUrlNotLocal');
        return answer(req, res, ApiError.of(403, 'auth.forbidden'));
      }
      let authenticated: AuthenticateRequestResult;
      try {
        authenticated = await authentication.authenticateRequest(activity, req.header('authorization', ''));
      } catch (error) {
        const refused = error instanceof BotRequestRefused ? error : null;
        const status = refused?.status === 503 ? 503 : 401;
        guards.refusals.refused('bot.refused', refused?.reason ?? describeError(error).errorName);
        if (status === 401) guards.addressGuard.failed(req);
        return answer(req, res, ApiError.of(status, ERROR_CODES[status]));
      }
      const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? '';
      const wait = guards.rateLimiter.take(tenantId, activity.from?.aadObjectId ?? activity.from?.id ?? '');
      if (wait > 0) {
        guards.refusals.refused('bot.refused', 'rateLimited');
        return answer(req, res, rateLimitedError(wait));
      }
      try {
        const invokeResponse = await adapter.run(authenticated, activity, (context) => bot.run(context));
        res.status(invokeResponse?.status ?? 200);
        if (invokeResponse?.body !== undefined) res.send(invokeResponse.body);
        res.end();
      } catch (error) {
        logger.error('bot.error', { activityType: activity.type, ...describeError(error) });
        if (!res.headersSent) answer(req, res, ApiError.of(500, 'server.error'));
      }
    },
  };
}
