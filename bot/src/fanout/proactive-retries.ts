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
 * registered for that kind is called with the conversation Teams answered (a channel post's new thread).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging';
import type { StorageAccount } from '../storage/storage-account';
import type { Delivery, DeliveryTarget } from './delivery';
import type { DeliveryWorker, WorkerSettings } from './delivery-worker';
import { openFanout, type Fanout, type FanoutOptions } from './fanout-engine';
import type { MessageSender, OutgoingActivity } from './message-sender';

/** The queue of kept single sends; the campaigns and deliveries share the fan-out's tables. */
export const PROACTIVE_QUEUE = 'proactive';
const CAMPAIGN_PREFIX = 'proactive:';

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

export interface KeepOptions {
  onDelivered?: DeliveredNote;
  /** Epoch ms before which it is not sent again (the Retry-After and backoff the caller already heard). */
  notBefore?: number;
}

interface KeptPayload {
  activity: OutgoingActivity;
  onDelivered?: DeliveredNote;
}

/** Where a send still failing when its caller stops waiting is kept, to be retried from storage. */
export interface RetryStore {
  /** `kind`: what is sent, for the logs and the campaign's label (e.g. "user", "channel"). */
  keep(
    tenantId: string,
    kind: string,
    target: DeliveryTarget,
    activity: OutgoingActivity,
    options?: KeepOptions,
  ): Promise<void>;
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
    async keep(tenantId, kind, target, activity, { onDelivered, notBefore } = {}) {
      const payload: KeptPayload = onDelivered ? { activity, onDelivered } : { activity };
      await fanout.start({
        tenantId,
        campaignId: `${CAMPAIGN_PREFIX}${kind}:${randomUUID()}`,
        label: `proactive.${kind}`,
        deliveries: [{ recipientKey: 'single', target, payload, notBefore }],
      });
    },
    worker: ({ onDelivered, ...deps }, settings = {}) =>
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
        },
        { owner: randomUUID(), ...settings },
      ),
  };
}
