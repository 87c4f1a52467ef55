/**
 * Single proactive sends (an invitation, a group discussion's start, a summary's channel post, a follow-up, the
 * strategy share) that Teams did not take while their caller waited: each is kept as a campaign of one delivery
 * on a queue of its own, so the fan-out's worker — the one retry loop, with its backoff, Retry-After, leases and
 * 403 handling — delivers it, and a restart of the server loses nothing: the delivery row and its queue message
 * are in storage, and the next process's worker takes them up. The activity is kept rendered, as it was to be
 * sent. HR's list of reminder sends leaves these out (`isProactiveRetry`).
 *
 * A send whose arrival the app records (a group discussion's start post, whose thread later replies go into; a
 * summary's post, which makes it published) carries what to update as data (`DeliveredNote`: a kind and its
 * keys), not as a function: when the worker — in this process or the next — gets it through, the handler
 * registered for that kind is called with the conversation Teams answered (a channel post's new thread). When
 * the worker ends it without arriving (Teams refused it: 403, 404; or its retries ran out), the handler registered
 * for the kind's end is called with the outcome instead, so what showed "will retry" shows why it did not arrive.
 *
 * A kept send can be withdrawn while it waits (`withdraw`: its delivery row is ended with an ETag-conditional
 * write, which a worker's lease write then loses), so the person who asked for it can send it again themselves
 * without it arriving twice; one a worker is sending at that moment is not withdrawn.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging';
import type { ConversationAddress } from '../storage/keys';
import type { StorageAccount } from '../storage/storage-account';
import type { Delivery, DeliveryTarget } from './delivery';
import type { DeliveryEnd, DeliveryWorker, WorkerSettings } from './delivery-worker';
import { ConcurrencyConflictError } from '../storage/errors';
import { openFanout, type Fanout, type FanoutOptions } from './fanout-engine';
import type { MessageSender, OutgoingActivity } from './message-sender';

/** The queue of kept single sends; the campaigns and deliveries share the fan-out's tables. */
export const PROACTIVE_QUEUE = 'proactive';
const CAMPAIGN_PREFIX = 'proactive:';
/** A kept send's one delivery. */
const SINGLE = 'single';

export function isProactiveRetry(campaignId: string): boolean {
  return campaignId.startsWith(CAMPAIGN_PREFIX);
}

/**
 * What a kept send updates once it arrives: `kind` names the registered handler, `keys` the record it updates
 * (ids, never personal data), `data` anything else the handler needs that is not stored elsewhere (JSON).
 */
export interface DeliveredNote {
  kind: string;
  keys: Record<string, string | number>;
  data?: unknown;
}

/** Where Teams took a kept send: the conversation (a channel post's new thread) and the activity. */
export interface DeliveredAt {
  conversationId: string;
  activityId: string;
}

/** Records that a kept send arrived; idempotent (it may be called again after a crash) and ETag-conditional. */
export type DeliveredHandler = (tenantId: string, note: DeliveredNote, at: DeliveredAt) => Promise<void>;

/**
 * Why a kept send did not arrive, as the proactive path's outcome codes (fanout/proactive-messenger.ts):
 * `blocked` (the person blocked the bot), `removed` (the app was removed), `notInstalled` (404, or no
 * channel), `failed` (Teams refused it otherwise, or its retries ran out).
 */
export type UndeliveredReason = 'blocked' | 'removed' | 'notInstalled' | 'failed';

export interface Undelivered {
  reason: UndeliveredReason;
  /** The technical reason kept on the delivery (status and error code), never personal data. */
  lastError: string;
}

/** Records that a kept send ended without arriving; idempotent and ETag-conditional, as `DeliveredHandler`. */
export type UndeliveredHandler = (tenantId: string, note: DeliveredNote, end: Undelivered) => Promise<void>;

/** The outcome code of a delivery's end ("Status codes from bot conversational APIs" for the 403 codes). */
export function undeliveredReason(end: Pick<DeliveryEnd, 'state' | 'code'>): UndeliveredReason {
  if (end.state === 'blocked') return end.code === 'ConversationBlockedByUser' ? 'blocked' : 'removed';
  if (end.state === 'notInstalled' || end.state === 'noChannel') return 'notInstalled';
  return 'failed';
}

/**
 * What withdrawing a kept send found: `withdrawn` (it will not be sent), `sending` (a worker holds it now: it
 * may arrive), `sent` (it arrived), `ended` (it had ended without arriving, or is unknown).
 */
export type WithdrawResult = 'withdrawn' | 'sending' | 'sent' | 'ended';

/** The technical reason kept on a withdrawn send's delivery. */
export const WITHDRAWN = 'withdrawn';

export interface KeepOptions {
  onDelivered?: DeliveredNote;
  /**
   * The stored address the send went to (a team for a channel post), marked unreachable when Teams answers 403 to
   * the retry, as the waiting sender marks it: nothing is sent there again until the app is added again.
   */
  address?: ConversationAddress;
  /** Epoch ms before which it is not sent again (the Retry-After and backoff the caller already heard). */
  notBefore?: number;
}

interface KeptPayload {
  activity: OutgoingActivity;
  onDelivered?: DeliveredNote;
  address?: ConversationAddress;
}

/** The stored address a kept send went to, for marking it unreachable on a 403 (null: not a kept send, or none). */
export function keptAddress(delivery: Delivery): ConversationAddress | null {
  if (!isProactiveRetry(delivery.campaignId)) return null;
  return (delivery.payload as KeptPayload | null)?.address ?? null;
}

/** Where a send still failing when its caller stops waiting is kept, to be retried from storage. */
export interface RetryStore {
  /**
   * `kind`: what is sent, for the logs and the campaign's label (e.g. "user", "channel"). Answers the kept
   * send's id, for `withdraw`.
   */
  keep(
    tenantId: string,
    kind: string,
    target: DeliveryTarget,
    activity: OutgoingActivity,
    options?: KeepOptions,
  ): Promise<string>;
  /** Stops a kept send that is still waiting (ETag-conditional), and says where it stood. */
  withdraw(tenantId: string, keptId: string): Promise<WithdrawResult>;
}

export interface ProactiveRetries extends RetryStore {
  fanout: Fanout;
  /** A worker that delivers the kept sends (start it in every server process; they share the queue). */
  worker(
    deps: {
      sender: MessageSender;
      logger: Logger;
      onRefused?: (delivery: Delivery, code: string | null) => Promise<void>;
      onConversationCreated?: (delivery: Delivery, conversationId: string) => Promise<void>;
      /** By note kind; read when a send arrives, so handlers registered after the worker is made count. */
      onDelivered?: ReadonlyMap<string, DeliveredHandler>;
      /** By note kind; read when a send ends without arriving. */
      onUndelivered?: ReadonlyMap<string, UndeliveredHandler>;
    },
    settings?: Partial<WorkerSettings>,
  ): DeliveryWorker;
}

export async function openProactiveRetries(
  account: StorageAccount,
  options: Omit<FanoutOptions, 'queueName'> & { queueName?: string } = {},
): Promise<ProactiveRetries> {
  const fanout = await openFanout(account, { queueName: PROACTIVE_QUEUE, ...options });
  return {
    fanout,
    async keep(tenantId, kind, target, activity, { onDelivered, notBefore, address } = {}) {
      const payload: KeptPayload = {
        activity,
        ...(onDelivered ? { onDelivered } : {}),
        ...(address ? { address } : {}),
      };
      const campaignId = `${CAMPAIGN_PREFIX}${kind}:${randomUUID()}`;
      await fanout.start({
        tenantId,
        campaignId,
        label: `proactive.${kind}`,
        deliveries: [{ recipientKey: SINGLE, target, payload, notBefore }],
      });
      return campaignId;
    },
    async withdraw(tenantId, keptId) {
      if (!isProactiveRetry(keptId)) return 'ended';
      for (;;) {
        const read = await fanout.deliveries.get(tenantId, keptId, SINGLE);
        if (!read) return 'ended';
        const { state } = read.value;
        if (state === 'sent') return 'sent';
        // Leased: the request may be on its way (or was, by a worker that stopped; the next one takes it over).
        if (state === 'sending') return 'sending';
        if (state !== 'pending') return 'ended';
        try {
          // A worker that read the row before this write loses its lease write to it, and then finds it ended.
          await fanout.deliveries.update(read, { state: 'failed', lastError: WITHDRAWN }, new Date());
          return 'withdrawn';
        } catch (error) {
          if (!(error instanceof ConcurrencyConflictError)) throw error;
        }
      }
    },
    worker: ({ onDelivered, onUndelivered, ...deps }, settings = {}) =>
      fanout.worker(
        {
          ...deps,
          render: (delivery) => (delivery.payload as KeptPayload).activity,
          onSent: async (delivery, at) => {
            const note = (delivery.payload as KeptPayload).onDelivered;
            if (!note) return;
            const handler = onDelivered?.get(note.kind);
            if (!handler) {
              deps.logger.warn('proactive.noDeliveredHandler', {
                tenantId: delivery.tenantId,
                kind: note.kind,
              });
              return;
            }
            await handler(delivery.tenantId, note, at);
          },
          onUndelivered: async (delivery, end) => {
            const note = (delivery.payload as KeptPayload).onDelivered;
            if (!note) return;
            const handler = onUndelivered?.get(note.kind);
            // A kind whose end nothing records (e.g. an invitation, whose outcome the caller already showed).
            if (!handler) return;
            await handler(delivery.tenantId, note, {
              reason: undeliveredReason(end),
              lastError: end.lastError,
            });
          },
        },
        { owner: randomUUID(), ...settings },
      ),
  };
}
