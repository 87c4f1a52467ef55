/**
 * The one way the app messages Teams on its own (invitations, group-discussion starts, summaries, follow-ups,
 * the strategy share): it takes an address (a person, a team or one of its channels, a group chat, a thread),
 * finds the conversation from the reference the bot stored (or creates the person's 1:1 chat, as Teams lets a bot
 * do where the app is installed for them), or starts a new post in a channel as Teams does,
 * and sends through the connector sender (one request per call, no hidden SDK retries).
 *
 * Transient answers (429 honouring Retry-After, 412, 502, 504, no answer) are retried with the fan-out's own
 * policy (exponential backoff with jitter, fanout/retry-policy.ts) while the caller waits, at most `waitMs`;
 * beyond that the send is kept in storage as a one-delivery campaign of the fan-out (fanout/proactive-retries.ts),
 * whose worker retries it, also after a restart, and the caller hears "will retry".
 * A 403 is final: the address is marked unreachable (blocked, or the app removed) so no one messages it again
 * until the app is added again; a 404 means the app is not installed there. Every send that does not arrive is
 * logged with its reason code and the address's kind, never a person's data.
 */
import type { OutcomeCode } from '../contract/team';
import type { Logger } from '../logging';
import type { DeliveryTarget } from './delivery';
import type { DeliveredNote, RetryStore, WithdrawResult } from './proactive-retries';
import { createdPersonalReference } from './address-keeping';
import {
  SendFailure,
  type ConversationScope,
  type MessageSender,
  type OutgoingActivity,
} from './message-sender';
import { afterFailure, DEFAULT_RETRY, describeFailure, type RetrySettings } from './retry-policy';
import type {
  ConversationReferenceRepository,
  UnreachableReason,
} from '../storage/conversation-reference-repository';
import type { ConversationAddress } from '../storage/keys';

/** Where a proactive message goes; `thread`: a reply in a channel post made earlier (its conversation id). */
export type ProactiveAddress =
  ConversationAddress | { kind: 'thread'; teamId: string; conversationId: string };

/**
 * What became of a send. `unreachable` is final until the app is added again: `notInstalled` (never added, or
 * no conversation known), `removed` (uninstalled), `blocked` (the person blocked the bot). `failed`: Teams
 * refused the message itself (reason: status and code).
 */
export type SendOutcome =
  | { status: 'delivered'; conversationId: string; activityId: string }
  /** `keptId`: the kept send, which `withdraw` stops while it still waits. */
  | { status: 'willRetry'; reason: string; keptId: string }
  | { status: 'unreachable'; reason: 'notInstalled' | UnreachableReason }
  | { status: 'failed'; reason: string };

/** A team's channel as an address; the General channel's id is the team's. */
export function channelAddress(teamId: string, channelId: string | null): ConversationAddress {
  return channelId && channelId !== teamId
    ? { kind: 'channel', teamId, channelId }
    : { kind: 'team', teamId };
}

/** The outcome as one word for the tabs and cards (each has its fi/sv/en text): the wire contract's. */
export type { OutcomeCode };

export function outcomeCode(outcome: SendOutcome): OutcomeCode {
  return outcome.status === 'unreachable' ? outcome.reason : outcome.status;
}

export interface SendOptions {
  /** false: never "will retry"; a send still failing at the end of the caller's wait is `failed`. */
  retryLater?: boolean;
  /**
   * What to record when a send kept for later arrives (fanout/proactive-retries.ts); a send delivered while the
   * caller waits is recorded by the caller from the outcome.
   */
  onDelivered?: DeliveredNote;
}

export interface ProactiveMessenger {
  send(
    tenantId: string,
    address: ProactiveAddress,
    activity: OutgoingActivity,
    options?: SendOptions,
  ): Promise<SendOutcome>;
  /**
   * Stops a send kept for later (a `willRetry` outcome's `keptId`) that is still waiting, so the caller can send it
   * again without it arriving twice; see fanout/proactive-retries.ts. Absent: nothing is ever kept.
   */
  withdraw?(tenantId: string, keptId: string): Promise<WithdrawResult>;
}

export interface MessengerSettings {
  retry: RetrySettings;
  /** How long a caller waits for retries (a tab's request, a card's action). */
  waitMs: number;
}

export const DEFAULT_MESSENGER: MessengerSettings = {
  retry: DEFAULT_RETRY,
  waitMs: 8000,
};

export interface MessengerDeps {
  references: Pick<ConversationReferenceRepository, 'get' | 'markUnreachable' | 'save'>;
  sender: Pick<MessageSender, 'send' | 'createChannelPost' | 'createPersonalConversation'>;
  logger: Logger;
  /**
   * The Bot Connector endpoint where a person's 1:1 chat is created when the bot has none stored for them (the
   * tenant's Teams service URL); null: never created, such a person is "no app" (local runs).
   */
  createConversationsAt?: string | null;
  /** Where a send still failing when the caller stops waiting is kept and retried from; none: it has failed. */
  retries?: RetryStore | null;
  settings?: Partial<MessengerSettings>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

interface Target {
  serviceUrl: string;
  /** The stored address to mark when Teams says it is unreachable. */
  stored: ConversationAddress;
  /** The person's 1:1 chat is created first: a 403 or 404 then means the app is not installed for them. */
  creates?: boolean;
  activity: OutgoingActivity;
  /** The same send as a fan-out delivery's target, to be kept for the retries. */
  retryTarget(): DeliveryTarget;
  deliver(
    sender: MessengerDeps['sender'],
    tenantId: string,
  ): Promise<{ conversationId: string; activityId: string }>;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The serviceUrl and conversation id of a stored Bot Framework conversation reference. */
function referenceOf(reference: Record<string, unknown>): {
  serviceUrl: string | null;
  conversationId: string | null;
} {
  const conversation = reference.conversation as { id?: unknown } | undefined;
  return { serviceUrl: text(reference.serviceUrl), conversationId: text(conversation?.id) };
}

const sendInto =
  (conversationId: string, scope: ConversationScope, activity: OutgoingActivity, serviceUrl: string) =>
  async (sender: MessengerDeps['sender'], tenantId: string) => ({
    conversationId,
    activityId: await sender.send(serviceUrl, tenantId, conversationId, activity, scope),
  });

/** 403 codes of "Status codes from bot conversational APIs" (Teams): blocked by the user, or the app removed. */
function refusalOf(failure: SendFailure): UnreachableReason {
  return failure.code === 'ConversationBlockedByUser' ? 'blocked' : 'removed';
}

export class ReferenceMessenger implements ProactiveMessenger {
  private readonly settings: MessengerSettings;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: MessengerDeps) {
    this.settings = { ...DEFAULT_MESSENGER, ...deps.settings };
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async send(
    tenantId: string,
    address: ProactiveAddress,
    activity: OutgoingActivity,
    options: SendOptions = {},
  ): Promise<SendOutcome> {
    const target = await this.resolve(tenantId, address, activity);
    if ('status' in target)
      return this.report(
        tenantId,
        address,
        target,
        target.status === 'unreachable' && target.reason !== 'notInstalled'
          ? 'markedUnreachable'
          : 'noConversation',
      );
    return this.attempt(tenantId, address, target, Date.now() + this.settings.waitMs, options);
  }

  async withdraw(tenantId: string, keptId: string): Promise<WithdrawResult> {
    return this.deps.retries ? this.deps.retries.withdraw(tenantId, keptId) : 'ended';
  }

  private async resolve(
    tenantId: string,
    address: ProactiveAddress,
    activity: OutgoingActivity,
  ): Promise<Target | SendOutcome> {
    const { references } = this.deps;
    const notInstalled: SendOutcome = { status: 'unreachable', reason: 'notInstalled' };
    if (address.kind === 'user' || address.kind === 'chat') {
      const stored = await references.get(tenantId, address);
      if (stored?.value.unreachable) return { status: 'unreachable', reason: stored.value.unreachable };
      const { serviceUrl, conversationId } = referenceOf(stored?.value.reference ?? {});
      if ((!serviceUrl || !conversationId) && address.kind === 'user')
        return this.creating(address, activity);
      if (!serviceUrl || !conversationId) return notInstalled;
      const scope: ConversationScope = address.kind === 'user' ? 'personal' : 'groupChat';
      return {
        serviceUrl,
        stored: address,
        activity,
        deliver: sendInto(conversationId, scope, activity, serviceUrl),
        retryTarget: () =>
          address.kind === 'user'
            ? { kind: 'user', serviceUrl, aadObjectId: address.aadObjectId, conversationId }
            : { kind: 'conversation', serviceUrl, conversationId },
      };
    }
    // A channel is reached through its team's installation: the team's reference (or the channel's own,
    // stored when the bot was added or the channel created) holds the team's serviceUrl.
    const team: ConversationAddress = { kind: 'team', teamId: address.teamId };
    const teamRecord = await references.get(tenantId, team);
    if (teamRecord?.value.unreachable) return { status: 'unreachable', reason: teamRecord.value.unreachable };
    const channelRecord = address.kind === 'channel' ? await references.get(tenantId, address) : null;
    const serviceUrl =
      referenceOf(channelRecord?.value.reference ?? {}).serviceUrl ??
      referenceOf(teamRecord?.value.reference ?? {}).serviceUrl;
    if (!serviceUrl) return notInstalled;
    if (address.kind === 'thread')
      return {
        serviceUrl,
        stored: team,
        activity,
        deliver: sendInto(address.conversationId, 'channel', activity, serviceUrl),
        retryTarget: () => ({ kind: 'conversation', serviceUrl, conversationId: address.conversationId }),
      };
    // The General channel's id is the team's.
    const channelId = address.kind === 'channel' ? address.channelId : address.teamId;
    return {
      serviceUrl,
      stored: team,
      activity,
      deliver: (sender, tenant) => sender.createChannelPost(serviceUrl, tenant, channelId, activity),
      retryTarget: () => ({ kind: 'conversation', serviceUrl, conversationId: channelId, channel: true }),
    };
  }

  /**
   * No chat stored for the person: Teams creates (or returns) their 1:1 chat with the bot from their Entra object
   * id when the app is installed for them ("Send proactive messages", Create the conversation), and the bot keeps
   * it for the next message.
   * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#create-the-conversation
   */
  private creating(
    address: Extract<ConversationAddress, { kind: 'user' }>,
    activity: OutgoingActivity,
  ): Target | SendOutcome {
    const serviceUrl = this.deps.createConversationsAt;
    if (!serviceUrl) return { status: 'unreachable', reason: 'notInstalled' };
    let created: string | null = null;
    return {
      serviceUrl,
      stored: address,
      creates: true,
      activity,
      deliver: async (sender, tenantId) => {
        if (!created) {
          created = await sender.createPersonalConversation(serviceUrl, tenantId, address.aadObjectId);
          await this.deps.references.save({
            tenantId,
            address,
            channelName: null,
            reference: createdPersonalReference(tenantId, address.aadObjectId, serviceUrl, created),
          });
        }
        return sendInto(created, 'personal', activity, serviceUrl)(sender, tenantId);
      },
      retryTarget: () => ({
        kind: 'user',
        serviceUrl,
        aadObjectId: address.aadObjectId,
        conversationId: created,
      }),
    };
  }

  private async attempt(
    tenantId: string,
    address: ProactiveAddress,
    target: Target,
    deadline: number,
    options: SendOptions,
  ): Promise<SendOutcome> {
    let attempts = 0;
    for (;;) {
      let failure: SendFailure;
      try {
        const delivered = await target.deliver(this.deps.sender, tenantId);
        if (attempts > 0)
          this.deps.logger.info('proactive.delivered', {
            tenantId,
            kind: address.kind,
            attempts: attempts + 1,
          });
        return { status: 'delivered', ...delivered };
      } catch (error) {
        if (!(error instanceof SendFailure)) throw error;
        failure = error;
      }
      attempts += 1;
      const next = afterFailure(failure, attempts, this.settings.retry, this.deps.random);
      if (next.kind === 'final') return this.final(tenantId, address, target, failure);
      if (Date.now() + next.delayMs > deadline) {
        const reason = describeFailure(failure);
        const retries = (options.retryLater ?? true) ? this.deps.retries : null;
        if (!retries) return this.report(tenantId, address, { status: 'failed', reason }, reason);
        // Kept in storage: the fan-out's worker retries it from there, in this process or the next, and not
        // sooner than Teams asked (Retry-After) or the backoff would have waited.
        const keptId = await retries.keep(tenantId, address.kind, target.retryTarget(), target.activity, {
          onDelivered: options.onDelivered,
          notBefore: Date.now() + next.delayMs,
          address: target.stored,
        });
        return this.report(tenantId, address, { status: 'willRetry', reason, keptId }, reason);
      }
      await this.sleep(next.delayMs);
    }
  }

  private async final(
    tenantId: string,
    address: ProactiveAddress,
    target: Target,
    failure: SendFailure,
  ): Promise<SendOutcome> {
    // Creating the chat was refused: the app is not installed for the person ("no app"), which is no mark
    // against them; they may add it tomorrow. Blocking the bot is still recorded as such.
    const notInstalledForPerson =
      target.creates &&
      (failure.status === 403 || failure.status === 404) &&
      refusalOf(failure) !== 'blocked';
    if (failure.status === 404 || notInstalledForPerson)
      return this.report(
        tenantId,
        address,
        { status: 'unreachable', reason: 'notInstalled' },
        describeFailure(failure),
      );
    if (failure.status !== 403)
      return this.report(
        tenantId,
        address,
        { status: 'failed', reason: describeFailure(failure) },
        describeFailure(failure),
      );
    const reason = refusalOf(failure);
    await this.deps.references.markUnreachable(tenantId, target.stored, reason);
    return this.report(tenantId, address, { status: 'unreachable', reason }, describeFailure(failure));
  }

  private report(
    tenantId: string,
    address: ProactiveAddress,
    outcome: SendOutcome,
    reasonCode: string,
  ): SendOutcome {
    this.deps.logger.warn('proactive.notDelivered', {
      tenantId,
      kind: address.kind,
      outcome: outcomeCode(outcome),
      reasonCode,
    });
    return outcome;
  }
}
