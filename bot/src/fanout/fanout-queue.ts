/**
 * The work queue: one message per bucket of a campaign's deliveries, so that any number of workers share a
 * send. A message leaves the queue only when every delivery in its bucket is final; a worker that stops
 * mid-batch simply lets the message become visible again.
 */
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';

export interface BatchMessage {
  tenantId: string;
  campaignId: string;
  bucket: number;
}

const batchSchema = z.object({
  tenantId: z.string().min(1),
  campaignId: z.string().min(1),
  bucket: z.number().int().min(0),
}) satisfies z.ZodType<BatchMessage>;

export interface ReceivedBatch {
  batch: BatchMessage;
  messageId: string;
  /** Changes with every visibility update; the latest one is needed to delete. */
  popReceipt: string;
  dequeueCount: number;
}

/** Messages never expire on their own: a campaign's undelivered batch must not vanish after 7 days. */
const NEVER_EXPIRE = -1;
/** Azure Queue storage: a message's initial visibility timeout may be at most 7 days. */
const MAX_DELAY_SECONDS = 7 * 24 * 3600;

export class FanoutQueue {
  constructor(private readonly client: QueueClient) {}

  /** Queues a batch, visible to workers after `delaySeconds` (Azure Queue's visibility timeout on put, ≤ 7 days). */
  async enqueue(batch: BatchMessage, delaySeconds = 0): Promise<void> {
    await this.client.sendMessage(JSON.stringify(batch), {
      messageTimeToLive: NEVER_EXPIRE,
      visibilityTimeout: Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.floor(delaySeconds))),
    });
  }

  /** Up to `max` (at most 32) messages, hidden from other workers for `visibilitySeconds`. */
  async receive(max: number, visibilitySeconds: number): Promise<ReceivedBatch[]> {
    const response = await this.client.receiveMessages({
      numberOfMessages: Math.min(32, Math.max(1, max)),
      visibilityTimeout: visibilitySeconds,
    });
    const received: ReceivedBatch[] = [];
    for (const item of response.receivedMessageItems) {
      const parsed = batchSchema.safeParse(safeJson(item.messageText));
      // A message that is not ours cannot be retried into shape: it is removed so it cannot block the queue.
      if (!parsed.success) await this.client.deleteMessage(item.messageId, item.popReceipt);
      else
        received.push({
          batch: parsed.data,
          messageId: item.messageId,
          popReceipt: item.popReceipt,
          dequeueCount: item.dequeueCount,
        });
    }
    return received;
  }

  /** Hides the message for another `visibilitySeconds` from now; returns it with its new pop receipt. */
  async hide(message: ReceivedBatch, visibilitySeconds: number): Promise<ReceivedBatch> {
    const response = await this.client.updateMessage(
      message.messageId,
      message.popReceipt,
      undefined,
      visibilitySeconds,
    );
    return { ...message, popReceipt: response.popReceipt ?? message.popReceipt };
  }

  async delete(message: ReceivedBatch): Promise<void> {
    await this.client.deleteMessage(message.messageId, message.popReceipt);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
