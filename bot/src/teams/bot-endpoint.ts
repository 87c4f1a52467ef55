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
 * - it also takes tokens of other issuers (the Emulator's, skills') through other code paths; a Teams bot
 *   takes the channel's only;
 * - a token without `exp` never expires for it; here `exp` is required;
 * - it skips the serviceurl check when the activity has no serviceUrl; here one is required;
 * - a bad signature or a not-yet-valid token escapes as a library error (HTTP 500); here it is a 401.
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
import { decodeJwt } from 'jose';
import type { BotAuthConfig } from '../config';
import { describeError, type Logger } from '../logging';
import { translate } from '../i18n/translate';
import { localeOf } from './activity-identity';
import { OsaamiskelloBot } from './osaamiskello-bot';
import type { BotPorts } from './bot-ports';

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
/** Outbound clients kept per (app id, service URL, audience); the service URL is the sender's to choose. */
const MAX_REUSED_CLIENTS = 64;
/** The errors jsonwebtoken throws for a token it cannot accept. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function refuse(reason: string): AuthenticationError {
  return new AuthenticationError(`Unauthorized. ${reason}`, UNAUTHORIZED);
}

/** The SDK's validation of channel requests, with the checks it misses (see the module comment). */
class ChannelOnlyAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly channelIssuer: string,
  ) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const [scheme, token, ...rest] = authHeader.split(' ');
    if (scheme !== 'Bearer' || !token || rest.length > 0) throw refuse('A bearer token is required.');
    let claims: Record<string, unknown>;
    try {
      claims = decodeJwt(token);
    } catch {
      throw refuse('The token is not a JWT.');
    }
    if (claims.iss !== this.channelIssuer) throw refuse('The token is not from the channel.');
    if (typeof claims.exp !== 'number') throw refuse('The token has no expiry.');
    if (!activity.serviceUrl) throw refuse('The activity has no serviceUrl.');
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw refuse('The token is not valid.');
      throw error;
    }
  }

  authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    return Promise.reject(refuse('Streaming connections are not accepted.'));
  }

  override authenticateChannelRequest(): Promise<ClaimsIdentity> {
    return Promise.reject(refuse('Skill requests are not accepted.'));
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
  const sdk = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: auth?.appId,
    MicrosoftAppPassword: auth?.appPassword,
    MicrosoftAppType: auth?.appType,
    MicrosoftAppTenantId: auth?.tenantId,
    // Once one of these is set the SDK takes all of them as given: the public cloud's, but for the overrides.
    ToBotFromChannelOpenIdMetadataUrl:
      overrides.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: channelIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  });
  return new ReusedClients(auth ? new ChannelOnlyAuthentication(sdk, channelIssuer) : sdk);
}

export function createBotEndpoint(
  auth: BotAuthConfig | null,
  ports: BotPorts,
  logger: Logger,
  overrides: BotAuthOverrides = {},
): BotEndpoint {
  const adapter = new CloudAdapter(authenticationFor(auth, overrides));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error('bot.turnError', { activityType: context.activity.type, ...describeError(error) });
    if (context.activity.type === 'message') {
      const locale = localeOf(context.activity, 'fi');
      await context.sendActivity(translate(locale, 'error.generic')).catch(() => undefined);
    }
  };
  const bot = new OsaamiskelloBot(ports, logger);
  return {
    handle: (req, res) => adapter.process(req, res, (context) => bot.run(context)),
  };
}
