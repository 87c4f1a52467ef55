/** A fan-out on the suite's Azurite with its own queue, recipients, and what the stand-in received, per recipient. */
import { randomBytes } from 'node:crypto';
import type { ConnectorStandIn, ReceivedRequest } from '../../../bot/src/devstack/bot-connector-stand-in';
import type { DeliveryRequest } from '../../../bot/src/fanout/delivery';
import { openFanout, type Fanout, type FanoutOptions } from '../../../bot/src/fanout/fanout-engine';
import type { CampaignProgress } from '../../../bot/src/fanout/campaign-progress';
import type { OutgoingActivity } from '../../../bot/src/fanout/message-sender';
import type { Delivery } from '../../../bot/src/fanout/delivery';
import type { StorageAccount } from '../../../bot/src/storage/storage-account';
import { newTenantId, testStorageAccount } from '../../support/storage';

export interface TestFanout {
  account: StorageAccount;
  fanout: Fanout;
  queueName: string;
  tenantId: string;
  /** Deletes the test's queue. */
  cleanup(): Promise<void>;
}

export async function openTestFanout(options: Omit<FanoutOptions, 'queueName'> = {}): Promise<TestFanout> {
  const account = testStorageAccount();
  const queueName = `fanout${randomBytes(6).toString('hex')}`;
  const fanout = await openFanout(account, { ...options, queueName });
  return {
    account,
    fanout,
    queueName,
    tenantId: newTenantId(),
    cleanup: async () => {
      await account.queue(queueName).deleteIfExists();
    },
  };
}

/** The test campaigns' activity: the recipient's key as text, so the stand-in's record says who got what. */
export function renderRecipientKey(delivery: Delivery): OutgoingActivity {
  return { type: 'message', text: delivery.recipientKey };
}

/** `count` users; every `withoutConversationEvery`-th has no 1:1 conversation yet (0: all have one). */
export function userDeliveries(
  count: number,
  serviceUrl: string,
  withoutConversationEvery = 0,
): DeliveryRequest[] {
  return Array.from({ length: count }, (_, index) => {
    const hasConversation = withoutConversationEvery === 0 || index % withoutConversationEvery !== 0;
    return {
      recipientKey: `person:${String(index).padStart(5, '0')}`,
      target: {
        kind: 'user',
        serviceUrl,
        aadObjectId: `aad-${index}`,
        conversationId: hasConversation ? `a:conversation-${index}` : null,
      },
      payload: { index },
    };
  });
}

/** How many messages each recipient got: the accepted sends, by the recipient key the test renderer wrote. */
export function messagesPerRecipient(standIn: ConnectorStandIn): Map<string, number> {
  const counts = new Map<string, number>();
  for (const activity of standIn.activities()) {
    const key = String(activity.text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The most requests that arrived in any window of `windowMs`. */
export function maxInWindow(requests: readonly ReceivedRequest[], windowMs: number): number {
  const times = requests.map((request) => request.at).sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

export async function waitUntilFinished(
  fanout: Fanout,
  tenantId: string,
  campaignId: string,
  timeoutMs = 60_000,
): Promise<CampaignProgress> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = await fanout.progress(tenantId, campaignId);
    if (progress?.finished) return progress;
    if (Date.now() > deadline) throw new Error(`campaign not finished: ${JSON.stringify(progress?.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
