/**
 * A local stand-in for Teams' Bot Connector service, which cannot run here. It speaks the part of the
 * Bot Connector REST API (v3) the app uses — create conversation, send to conversation, reply to an
 * activity, update an activity — over real HTTP on loopback, and records every request so tests and
 * benchmarks can see exactly what the bot delivered.
 *
 * It enforces Teams' documented rate limits (per app and tenant; per conversation 7 in 1 s, 8 in 2 s, 60 in
 * 30 s) with sliding windows, answering 429 with Retry-After as Teams does; tests script other failures
 * (404 for an app that is not installed, 412, 502/504) through `fail`.
 *
 * It is at least as strict as the Microsoft 365 Agents Playground's connector about what it accepts, and each
 * rule names the Microsoft document it comes from (see `refusal` below):
 * - a ConversationAccount field that is present must not be empty (`name: ""`, `conversationType: ""`);
 * - a 1:1 conversation is created with `isGroup: false` and exactly one member; a channel post with
 *   `isGroup: true`, `channelData.channel.id` and its first activity, and is answered with the new thread's id;
 * - a file cannot be sent inline: only cards (and, in a personal chat, the file consent card) are attachments;
 * - a user who blocked the bot, or removed the app, is answered 403 with Teams' error code;
 * - a 1:1 conversation is created only for a user the app is installed for (`installedFor`), else 403.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { sendJson } from './stand-in-http';

export type ConnectorOperation =
  'createConversation' | 'sendToConversation' | 'replyToActivity' | 'updateActivity';

export interface ReceivedRequest {
  method: string;
  path: string;
  operation: ConnectorOperation;
  /** From the activity (conversation.tenantId, channelData.tenant.id) or the conversation the stand-in created. */
  tenantId: string | null;
  conversationId: string | null;
  /** The user of a 1:1 conversation, as in ConnectorCall. */
  memberId: string | null;
  activityId: string | null;
  authorization: string | null;
  /** The request's JSON body; empty when the stand-in was started with `keepBodies: false`. */
  body: Record<string, unknown>;
  /** Arrival time (ms since the epoch). */
  at: number;
  /** The status the stand-in answered. */
  status: number;
  /** The conversation a createConversation made (a 1:1 chat, or a channel post's thread). */
  createdConversationId: string | null;
  retryAfterSeconds: number | null;
}

/** A sliding-window limit: at most `count` requests in any `windowMs`. */
export interface WindowLimit {
  count: number;
  windowMs: number;
}

export interface ConnectorLimits {
  /** Requests per second per tenant, over every operation (Teams: 50 per app per tenant). */
  tenantPerSecond: number;
  /** Messages to one conversation. */
  perConversation: WindowLimit[];
}

/** Teams' documented limits for a bot. */
export const TEAMS_LIMITS: ConnectorLimits = {
  tenantPerSecond: 50,
  perConversation: [
    { count: 7, windowMs: 1000 },
    { count: 8, windowMs: 2000 },
    { count: 60, windowMs: 30_000 },
  ],
};

/** What a request asks for, as a failure script sees it. */
export interface ConnectorCall {
  operation: ConnectorOperation;
  tenantId: string | null;
  conversationId: string | null;
  /** The user of a 1:1 conversation: the member being added, or the member of a conversation created here. */
  memberId: string | null;
  /** How many requests of this operation for this conversation (or member) arrived before, rejected ones too. */
  previousAttempts: number;
}

export interface ScriptedFailure {
  status: number;
  code?: string;
  retryAfterSeconds?: number;
}

export interface ConnectorStandInOptions {
  /** Rate limits to enforce; `null` for none. Default: Teams' limits. */
  limits?: ConnectorLimits | null;
  /** How long each answer takes (the real service takes a round trip over the internet). Default 0. */
  latencyMs?: number;
  /** Scripted failures: the answer for a request that passes the rate limits, or nothing for success. */
  fail?: (call: ConnectorCall) => ScriptedFailure | null | undefined;
  /** Keep each request's body (default true); a benchmark of thousands of cards turns it off. */
  keepBodies?: boolean;
  /** The channels of each team the bot is in, by team id (the General channel's id is the team's). */
  teams?: Record<string, Array<{ id: string; name?: string }>>;
  /**
   * Whether the app is installed for a user (Entra object id) in the personal scope: a 1:1 conversation is
   * created only for them. Default: for everyone, as when an admin's app setup policy installs it for all users
   * ("Manage app setup policies in Microsoft Teams").
   */
  installedFor?: (memberId: string, tenantId: string | null) => boolean;
}

/** Why Teams no longer delivers to a user: they blocked the bot, or the app was removed for them. */
export type UserRefusal = 'blocked' | 'removed';

export interface ConnectorStandIn {
  /** The serviceUrl to put in activities, e.g. http://127.0.0.1:PORT/ */
  serviceUrl: string;
  received: ReceivedRequest[];
  /** Activities accepted into conversations (send, reply or update), in arrival order. */
  activities(): Array<Record<string, unknown> & { conversationId: string | null }>;
  /** Resolves when `count` activities have been accepted (or rejects after `timeoutMs`). */
  waitForActivities(count: number, timeoutMs?: number): Promise<void>;
  /** The 1:1 conversation the stand-in created for a user, if any. */
  conversationOf(memberId: string): string | null;
  /**
   * From now on the user (Entra object id) is refused with 403, as Teams refuses a blocked or removed bot; also
   * in `conversationId`, their 1:1 chat when it was not created here (the chat a user's message opened).
   */
  refuseUser(memberId: string, why: UserRefusal, conversationId?: string): void;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const TENANT_WINDOW_MS = 1000;

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

const TEAM_CHANNELS_ROUTE = /^\/v3\/teams\/([^/]+)\/conversations\/?$/;
const ROUTE = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/;

function operationOf(
  method: string,
  conversationId: string | null,
  activityId: string | null,
): ConnectorOperation | null {
  if (method === 'POST' && !conversationId) return 'createConversation';
  if (method === 'POST' && conversationId && !activityId) return 'sendToConversation';
  if (method === 'POST' && activityId) return 'replyToActivity';
  if (method === 'PUT' && activityId) return 'updateActivity';
  return null;
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null ? (value as Json) : undefined;
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

function tenantInBody(body: Json): string | null {
  const channelTenant = object(object(body.channelData)?.tenant)?.id;
  return text(object(body.conversation)?.tenantId) ?? text(channelTenant) ?? text(body.tenantId);
}

function memberInBody(body: Json): string | null {
  const first = object(Array.isArray(body.members) ? body.members[0] : undefined);
  return text(first?.aadObjectId) ?? text(first?.id);
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

const BAD_ARGUMENT = (message: string): Refusal => ({ status: 400, code: 'BadArgument', message });

/**
 * Fields of a ConversationAccount / ChannelAccount that, when present, must be non-empty strings. Bot Framework
 * REST API reference, "ConversationAccount object" and "ChannelAccount object":
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#conversationaccount-object
 * The Agents Playground's connector validates them with `z.string().min(1).optional()` and answers
 * 400 BadArgument "Invalid input" (tried by hand, see TOOLCHAIN.md).
 */
const ACCOUNT_TEXT_FIELDS = ['id', 'name', 'conversationType', 'tenantId', 'aadObjectId'] as const;

function emptyField(account: unknown): string | null {
  const fields = object(account);
  if (!fields) return null;
  for (const field of ACCOUNT_TEXT_FIELDS) {
    const value = fields[field];
    if (value !== undefined && (typeof value !== 'string' || value === '')) return field;
  }
  if (fields.isGroup !== undefined && typeof fields.isGroup !== 'boolean') return 'isGroup';
  return null;
}

/** Card attachments Teams renders. "Cards reference" and "Send and receive files using bot". */
const CARD_CONTENT_TYPE = /^application\/vnd\.microsoft\.(card\.[a-z]+|teams\.card\.[a-z.]+)$/;
const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';

/**
 * A bot sends a file only through the file consent card (personal chats) or by Graph into OneDrive/SharePoint,
 * never inline: "Send and receive files using bot",
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4 . So an attachment that is not a
 * card, or a file consent card outside a personal chat, is refused; media by URL (`contentUrl`, no content) is
 * allowed as in "Add media attachments to messages".
 */
function attachmentRefusal(activity: Json, personal: boolean): Refusal | null {
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  for (const entry of attachments) {
    const attachment = object(entry) ?? {};
    const contentType = text(attachment.contentType);
    if (!contentType) return BAD_ARGUMENT('An attachment has no contentType.');
    if (contentType === FILE_CONSENT && !personal)
      return BAD_ARGUMENT('The file consent card works in personal chats only.');
    const isCard = CARD_CONTENT_TYPE.test(contentType);
    if (!isCard && attachment.content !== undefined)
      return BAD_ARGUMENT(
        `Inline ${contentType} attachments are not supported; send files by Graph or consent.`,
      );
    if (!isCard && !text(attachment.contentUrl))
      return BAD_ARGUMENT('A media attachment needs a contentUrl.');
  }
  return null;
}

/** What the Agents Playground and Teams refuse in an activity sent into a conversation. */
function activityRefusal(activity: Json, personal: boolean): Refusal | null {
  for (const account of [activity.conversation, activity.from, activity.recipient]) {
    const field = emptyField(account);
    if (field) return BAD_ARGUMENT(`Invalid input: ${field} must not be empty.`);
  }
  return attachmentRefusal(activity, personal);
}

/**
 * "Send proactive messages" (Teams), "Create the conversation": a 1:1 chat is `isGroup: false` with one member;
 * a post to a team's channel is `isGroup: true` with `channelData.channel.id` and the post as `activity`.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#create-the-conversation
 */
function createRefusal(body: Json): Refusal | null {
  if (typeof body.isGroup !== 'boolean') return BAD_ARGUMENT('isGroup must be true or false.');
  for (const account of [body.bot, ...(Array.isArray(body.members) ? body.members : [])]) {
    const field = emptyField(account);
    if (field) return BAD_ARGUMENT(`Invalid input: ${field} must not be empty.`);
  }
  const channelId = text(object(object(body.channelData)?.channel)?.id);
  if (body.isGroup) {
    if (!channelId) return BAD_ARGUMENT('A channel post needs channelData.channel.id.');
    const activity = object(body.activity);
    if (!activity) return BAD_ARGUMENT('A channel post needs its first activity.');
    return activityRefusal(activity, false);
  }
  if (channelId) return BAD_ARGUMENT('A post to a channel is a group conversation (isGroup: true).');
  const members = Array.isArray(body.members) ? body.members : [];
  if (members.length !== 1 || !memberInBody(body))
    return BAD_ARGUMENT('A 1:1 conversation has exactly one member.');
  return null;
}

/**
 * A user who blocked the bot, or for whom the app was removed, is answered 403 with these codes: "Status codes
 * from bot conversational APIs", https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis
 */
const USER_REFUSALS: Record<UserRefusal, Refusal> = {
  blocked: {
    status: 403,
    code: 'ConversationBlockedByUser',
    message: 'User blocked the conversation with the bot.',
  },
  removed: {
    status: 403,
    code: 'BotNotInConversationRoster',
    message: 'The bot is not part of the conversation roster.',
  },
};

/**
 * "Send proactive messages" (Teams), "Create the conversation": a conversation can be created with a user's
 * aadObjectId only when the app is installed for that user (personal scope, or a team they are in); otherwise
 * Teams answers 403 BotNotInConversationRoster, the code of "Status codes from bot conversational APIs".
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#create-the-conversation
 */
const NOT_INSTALLED_FOR_USER: Refusal = USER_REFUSALS.removed;

/** Sliding windows of accepted requests; `wait` says how long until one more fits (0: now). */
class SlidingWindows {
  private readonly times = new Map<string, number[]>();

  constructor(private readonly limits: WindowLimit[]) {}

  wait(key: string, now: number): number {
    const times = this.prune(key, now);
    let wait = 0;
    for (const { count, windowMs } of this.limits) {
      const inWindow = times.filter((at) => at > now - windowMs);
      const oldestThatMustLeave = inWindow[inWindow.length - count];
      if (inWindow.length >= count && oldestThatMustLeave !== undefined) {
        wait = Math.max(wait, oldestThatMustLeave + windowMs - now);
      }
    }
    return wait;
  }

  add(key: string, at: number): void {
    this.times.set(key, [...this.prune(key, at), at]);
  }

  private prune(key: string, now: number): number[] {
    const longest = Math.max(...this.limits.map((limit) => limit.windowMs));
    const kept = (this.times.get(key) ?? []).filter((at) => at > now - longest);
    this.times.set(key, kept);
    return kept;
  }
}

export async function startConnectorStandIn(
  options: ConnectorStandInOptions = {},
): Promise<ConnectorStandIn> {
  const limits = options.limits === undefined ? TEAMS_LIMITS : options.limits;
  const keepBodies = options.keepBodies ?? true;
  const latencyMs = options.latencyMs ?? 0;
  const received: ReceivedRequest[] = [];
  const waiters: Array<() => void> = [];
  const tenantWindows =
    limits && new SlidingWindows([{ count: limits.tenantPerSecond, windowMs: TENANT_WINDOW_MS }]);
  const conversationWindows = limits && new SlidingWindows(limits.perConversation);
  /** Teams gives a user the same 1:1 conversation every time it is created. */
  const personalConversations = new Map<string, string>();
  const conversations = new Map<string, { tenantId: string | null; memberId: string | null }>();
  const refusedUsers = new Map<string, UserRefusal>();
  const conversationOfMember = new Map<string, string>();
  const attempts = new Map<string, number>();
  let accepted = 0;

  const decide = (
    call: ConnectorCall,
    now: number,
  ): { status: number; code?: string; retryAfterMs?: number } => {
    if (tenantWindows) {
      const wait = tenantWindows.wait(call.tenantId ?? '', now);
      if (wait > 0) return { status: 429, code: 'Throttled', retryAfterMs: wait };
    }
    const isMessage = call.operation !== 'createConversation' && call.conversationId !== null;
    if (conversationWindows && isMessage) {
      const wait = conversationWindows.wait(call.conversationId ?? '', now);
      if (wait > 0) return { status: 429, code: 'Throttled', retryAfterMs: wait };
    }
    tenantWindows?.add(call.tenantId ?? '', now);
    const scripted = options.fail?.(call);
    if (scripted) {
      return {
        status: scripted.status,
        code: scripted.code,
        retryAfterMs:
          scripted.retryAfterSeconds === undefined ? undefined : scripted.retryAfterSeconds * 1000,
      };
    }
    if (conversationWindows && isMessage) conversationWindows.add(call.conversationId ?? '', now);
    return {
      status: call.operation === 'createConversation' ? 201 : call.operation === 'updateActivity' ? 200 : 201,
    };
  };

  const handle = (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray, body: Json): void => {
    const at = Date.now();
    const method = req.method ?? 'GET';
    const conversationId = match[1] ? decodeURIComponent(match[1]) : null;
    const activityId = match[2] ? decodeURIComponent(match[2]) : null;
    const operation = operationOf(method, conversationId, activityId);
    if (!operation)
      return sendJson(res, 405, { error: { code: 'MethodNotAllowed', message: 'Unsupported method' } });
    const known = conversationId ? conversations.get(conversationId) : undefined;
    const memberId = operation === 'createConversation' ? memberInBody(body) : (known?.memberId ?? null);
    const tenantId = tenantInBody(body) ?? known?.tenantId ?? null;
    const attemptKey = `${operation}\n${conversationId ?? memberId ?? ''}`;
    const previousAttempts = attempts.get(attemptKey) ?? 0;
    attempts.set(attemptKey, previousAttempts + 1);

    const personal = operation === 'createConversation' ? body.isGroup === false : Boolean(known?.memberId);
    const invalid =
      operation === 'createConversation' ? createRefusal(body) : activityRefusal(body, personal);
    const refusedAs = memberId ? refusedUsers.get(memberId) : undefined;
    const notInstalled =
      operation === 'createConversation' &&
      body.isGroup === false &&
      memberId !== null &&
      !(options.installedFor?.(memberId, tenantId) ?? true);
    const refused =
      invalid ?? (refusedAs ? USER_REFUSALS[refusedAs] : notInstalled ? NOT_INSTALLED_FOR_USER : null);
    const outcome: { status: number; code?: string; retryAfterMs?: number; message?: string } = refused
      ? { status: refused.status, code: refused.code, message: refused.message }
      : decide({ operation, tenantId, conversationId, memberId, previousAttempts }, at);
    const retryAfterSeconds =
      outcome.retryAfterMs === undefined ? null : Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
    received.push({
      method,
      path: new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
      operation,
      tenantId,
      conversationId,
      memberId,
      activityId,
      authorization: req.headers.authorization ?? null,
      body: keepBodies ? body : {},
      at,
      status: outcome.status,
      retryAfterSeconds,
      createdConversationId: null,
    });
    const record = received[received.length - 1] as ReceivedRequest;

    let answer: Json;
    if (outcome.status >= 300) {
      answer = {
        error: {
          code: outcome.code ?? `Http${outcome.status}`,
          message: outcome.message ?? 'Scripted by the stand-in',
        },
      };
    } else if (operation === 'createConversation' && body.isGroup === true) {
      // A channel post: the thread is named by the channel and its first message, as Teams names it.
      const channelId = text(object(object(body.channelData)?.channel)?.id) ?? '';
      const activityId = `${Date.now()}${String(accepted).padStart(4, '0')}`;
      const id = `${channelId};messageid=${activityId}`;
      conversations.set(id, { tenantId, memberId: null });
      record.createdConversationId = id;
      accepted += 1;
      answer = { id, activityId };
    } else if (operation === 'createConversation') {
      const key = `${tenantId ?? ''}\n${memberId ?? randomUUID()}`;
      const id = personalConversations.get(key) ?? `a:${randomUUID()}`;
      personalConversations.set(key, id);
      if (memberId) {
        conversations.set(id, { tenantId, memberId });
        conversationOfMember.set(memberId, id);
      }
      record.createdConversationId = id;
      answer = { id };
    } else {
      accepted += 1;
      answer = { id: operation === 'updateActivity' ? activityId : randomUUID() };
    }
    const headers: Record<string, string> =
      retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) };
    const respond = (): void => {
      if (!res.destroyed) sendJson(res, outcome.status, answer, headers);
      waiters.splice(0).forEach((wake) => wake());
    };
    if (latencyMs > 0) setTimeout(respond, latencyMs);
    else respond();
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // "Get the list of channels in a team": GET /v3/teams/{teamId}/conversations answers { conversations }, the
    // General channel without a name. A team the bot is not in is 404 (the Playground: TeamNotFound).
    // https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#get-the-list-of-channels-in-a-team
    const teamRoute = TEAM_CHANNELS_ROUTE.exec(url.pathname);
    if (teamRoute && req.method === 'GET') {
      const channels = options.teams?.[decodeURIComponent(teamRoute[1] ?? '')];
      return channels
        ? sendJson(res, 200, { conversations: channels })
        : sendJson(res, 404, { error: { code: 'NotFound', message: 'Cannot find team with provided id' } });
    }
    const match = ROUTE.exec(url.pathname);
    if (!match)
      return sendJson(res, 404, { error: { code: 'NotFound', message: 'Unknown connector route' } });
    readJson(req).then(
      (body) => handle(req, res, match, body),
      () => sendJson(res, 400, { error: { code: 'BadArgument', message: 'Invalid JSON body' } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const isChannelPost = (r: ReceivedRequest): boolean =>
    r.operation === 'createConversation' && r.body.isGroup === true;
  const isAcceptedActivity = (r: ReceivedRequest): boolean =>
    r.status < 300 && (r.operation !== 'createConversation' || isChannelPost(r));
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    activities: () =>
      received
        .filter(isAcceptedActivity)
        .map((r) =>
          isChannelPost(r)
            ? { ...(object(r.body.activity) ?? {}), conversationId: r.createdConversationId }
            : { ...r.body, conversationId: r.conversationId },
        ),
    waitForActivities: (count, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(
          () => reject(new Error(`expected ${count} activities, got ${accepted}`)),
          timeoutMs,
        );
        const check = (): void => {
          if (accepted >= count) {
            clearTimeout(deadline);
            resolve();
          } else waiters.push(check);
        };
        check();
      }),
    conversationOf: (memberId) => conversationOfMember.get(memberId) ?? null,
    refuseUser: (memberId, why, conversationId) => {
      refusedUsers.set(memberId, why);
      if (conversationId && !conversations.has(conversationId))
        conversations.set(conversationId, { tenantId: null, memberId });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
