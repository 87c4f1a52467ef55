/**
 * Single proactive sends (an invitation, a group discussion's start, a summary's channel post, a follow-up, the
 * strategy share) that Teams did not take while their caller waited: each is kept as a campaign of one delivery
 * on a queue of its own, so the fan-out's worker — the one retry loop, with its backoff, Retry-After, leases and
 * 403 handling — delivers it, and a restart of the server loses nothing: the delivery row and its queue message
 * are in storage, and the next process's worker takes them up. The activity is kept rendered, as it was to be
 * sent. HR's list of reminder sends leaves these out (`isProactiveRetry`).
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

interface KeptPayload {
  activity: OutgoingActivity;
}

/** Where a send still failing when its caller stops waiting is kept, to be retried from storage. */
export interface RetryStore {
  /** `kind`: what is sent, for the logs and the campaign's label (e.g. "user", "channel"). */
  keep(tenantId: string, kind: string, target: DeliveryTarget, activity: OutgoingActivity): Promise<void>;
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
    async keep(tenantId, kind, target, activity) {
      const payload: KeptPayload = { activity };
      await fanout.start({
        tenantId,
        campaignId: `${CAMPAIGN_PREFIX}${kind}:${randomUUID()}`,
        label: `proactive.${kind}`,
        deliveries: [{ recipientKey: 'single', target, payload }],
      });
    },
    worker: (deps, settings = {}) =>
      fanout.worker(
        { ...deps, render: (delivery) => (delivery.payload as KeptPayload).activity },
        { owner: randomUUID(), ...settings },
      ),
  };
}
