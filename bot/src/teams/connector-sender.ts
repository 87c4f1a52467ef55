/**
 * The fan-out's MessageSender on the Bot Framework SDK's connector client: create a user's 1:1 conversation,
 * send, update. One call is one HTTP request: the SDK's pipeline would otherwise retry 429s and 5xx answers by
 * itself (honouring Retry-After behind our back), so its retry policy is removed and the fan-out sees every
 * answer and does its own backoff within the tenant's shared rate.
 */
import {
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConversationParameters,
} from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import type { BotAuthConfig } from '../config';
import { CONNECTOR_REQUEST_TIMEOUT_MS } from '../tunables';
import {
  parseRetryAfter,
  SendFailure,
  type ConversationScope,
  type MessageSender,
  type OutgoingActivity,
} from '../fanout/message-sender';

/**
 * The request's deadline as an abort signal: its timer does not keep the process alive (the SDK's own `timeout`
 * option leaves a timer running after a refused connection).
 */
function withTimeout(): { abortSignal: AbortSignal } {
  return { abortSignal: AbortSignal.timeout(CONNECTOR_REQUEST_TIMEOUT_MS) };
}

/** The name core-rest-pipeline gives its retry policy (exponential, and 429 with Retry-After). */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown[] } };
}

/** Removes the hidden retries; throws if the SDK no longer has them where we expect, rather than retry unseen. */
function withoutHiddenRetries(client: ConnectorClient): ConnectorClient {
  const pipeline = (client as unknown as PipelineHolder).client?.pipeline;
  const removed = pipeline?.removePolicy({ name: SDK_RETRY_POLICY }) ?? [];
  if (removed.length !== 1)
    throw new Error('The connector client has no retry policy to remove: check the SDK.');
  return client;
}

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string | null };
}

function errorCode(bodyAsText: string | null | undefined): string | null {
  if (!bodyAsText) return null;
  try {
    const code = (JSON.parse(bodyAsText) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code.slice(0, 60) : null;
  } catch {
    return null;
  }
}

/** The SDK's error as a SendFailure: status, the connector's error code, Retry-After; never the body's text. */
function toSendFailure(error: unknown): SendFailure {
  const rest = (error ?? {}) as RestErrorLike;
  if (typeof rest.statusCode !== 'number') return new SendFailure(null, rest.code ?? null, null);
  const retryAfter = parseRetryAfter(rest.response?.headers?.get?.('retry-after'), Date.now());
  return new SendFailure(rest.statusCode, errorCode(rest.response?.bodyAsText), retryAfter);
}

async function request<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSendFailure(error);
  }
}

export class ConnectorSender implements MessageSender {
  private readonly authentication: ConfigurationBotFrameworkAuthentication;
  private readonly identity: ClaimsIdentity;
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  /** Without auth (local mode) requests carry no token, as the bot endpoint's replies do. */
  constructor(private readonly auth: BotAuthConfig | null) {
    this.authentication = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: auth?.appId,
      MicrosoftAppPassword: auth?.appPassword,
      MicrosoftAppType: auth?.appType,
      MicrosoftAppTenantId: auth?.tenantId,
    });
    const appId = auth?.appId ?? '';
    this.identity = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: appId },
        { type: AuthenticationConstants.AppIdClaim, value: appId },
      ],
      true,
    );
  }

  /**
   * The user's 1:1 conversation, as "Send proactive messages" (Teams) creates it: `isGroup: false`, one member,
   * the tenant in channelData. No empty names: Teams' connector (and the Agents Playground's) refuses them.
   * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#create-the-conversation
   */
  async createPersonalConversation(
    serviceUrl: string,
    tenantId: string,
    aadObjectId: string,
  ): Promise<string> {
    const client = await this.client(serviceUrl);
    const parameters = {
      isGroup: false,
      ...(this.auth?.appId ? { bot: { id: this.auth.appId } } : {}),
      members: [{ id: aadObjectId, aadObjectId }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    const created = await request(() => client.conversations.createConversation(parameters, withTimeout()));
    if (!created.id) throw new SendFailure(null, 'NoConversationId', null);
    return created.id;
  }

  /**
   * A new post (a new thread) in a team's channel, as the Bot Framework REST API starts one in Teams: create a
   * conversation with `isGroup: true`, the channel's id in `channelData.channel.id` and the message as its
   * first activity. The answer names the thread (`<channel>;messageid=<activity>`) for replies and updates.
   * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#create-the-conversation
   */
  async createChannelPost(
    serviceUrl: string,
    tenantId: string,
    channelId: string,
    activity: OutgoingActivity,
  ): Promise<{ conversationId: string; activityId: string }> {
    const client = await this.client(serviceUrl);
    const parameters = {
      isGroup: true,
      ...(this.auth?.appId ? { bot: { id: this.auth.appId } } : {}),
      tenantId,
      channelData: { channel: { id: channelId }, tenant: { id: tenantId } },
      activity: { type: 'message', ...(activity as Partial<Activity>) },
    } as ConversationParameters;
    const created = await request(() => client.conversations.createConversation(parameters, withTimeout()));
    if (!created.id) throw new SendFailure(null, 'NoConversationId', null);
    return { conversationId: created.id, activityId: created.activityId ?? '' };
  }

  async send(
    serviceUrl: string,
    tenantId: string,
    conversationId: string,
    activity: OutgoingActivity,
    scope?: ConversationScope,
  ): Promise<string> {
    const client = await this.client(serviceUrl);
    const response = await request(() =>
      client.conversations.sendToConversation(
        conversationId,
        addressed(activity, tenantId, conversationId, scope),
        withTimeout(),
      ),
    );
    return response.id ?? '';
  }

  async update(
    serviceUrl: string,
    tenantId: string,
    conversationId: string,
    activityId: string,
    activity: OutgoingActivity,
    scope?: ConversationScope,
  ): Promise<void> {
    const client = await this.client(serviceUrl);
    await request(() =>
      client.conversations.updateActivity(
        conversationId,
        activityId,
        { ...addressed(activity, tenantId, conversationId, scope), id: activityId },
        withTimeout(),
      ),
    );
  }

  private client(serviceUrl: string): Promise<ConnectorClient> {
    let client = this.clients.get(serviceUrl);
    if (!client) {
      client = this.authentication
        .createConnectorFactory(this.identity)
        .create(serviceUrl)
        .then(withoutHiddenRetries);
      this.clients.set(serviceUrl, client);
      client.catch(() => this.clients.delete(serviceUrl));
    }
    return client;
  }
}

/**
 * The activity's conversation as the Bot Framework schema defines a ConversationAccount: an id, the tenant, and,
 * when known, whether it is a group and of which Teams type. Unknown fields are left out, never sent empty:
 * Teams' connector and the Agents Playground answer an empty `name` or `conversationType` with 400 BadArgument.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#conversationaccount-object
 */
function addressed(
  activity: OutgoingActivity,
  tenantId: string,
  conversationId: string,
  scope: ConversationScope | undefined,
): Partial<Activity> {
  const channelData = (activity.channelData ?? {}) as Record<string, unknown>;
  const kind = scope ? { isGroup: scope !== 'personal', conversationType: scope } : {};
  return {
    type: 'message',
    ...(activity as Partial<Activity>),
    conversation: { id: conversationId, tenantId, ...kind } as Activity['conversation'],
    channelData: { ...channelData, tenant: { id: tenantId } },
  };
}
