/**
 * The port the fan-out sends through (teams/connector-sender.ts implements it on the Bot Connector). It makes
 * exactly one request per call: retries, backoff and Retry-After are the fan-out's, so it sees every 429.
 */

/** A Bot Framework activity as JSON; built by the campaign's renderer, opaque to the fan-out. */
export type OutgoingActivity = Record<string, unknown>;

/** Teams' conversation types (the ConversationAccount's `conversationType`). */
export type ConversationScope = 'personal' | 'groupChat' | 'channel';

export interface MessageSender {
  /** The user's 1:1 conversation with the bot (Teams returns the existing one if there is one). */
  createPersonalConversation(serviceUrl: string, tenantId: string, aadObjectId: string): Promise<string>;
  /** Returns the connector's id of the new activity. */
  send(
    serviceUrl: string,
    tenantId: string,
    conversationId: string,
    activity: OutgoingActivity,
    scope?: ConversationScope,
  ): Promise<string>;
  /** A new post (thread) in a team's channel; the thread's conversation id and the post's activity id. */
  createChannelPost(
    serviceUrl: string,
    tenantId: string,
    channelId: string,
    activity: OutgoingActivity,
  ): Promise<{ conversationId: string; activityId: string }>;
  update(
    serviceUrl: string,
    tenantId: string,
    conversationId: string,
    activityId: string,
    activity: OutgoingActivity,
    scope?: ConversationScope,
  ): Promise<void>;
}

/** A request the connector did not accept. `status` is null when no answer came (network error, timeout). */
export class SendFailure extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string | null,
    readonly retryAfterMs: number | null,
  ) {
    super(`The connector did not accept the request (${status ?? 'no answer'}${code ? ` ${code}` : ''}).`);
    this.name = 'SendFailure';
  }
}

/** Retry-After is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
