/**
 * Teams' per-conversation limits (7 messages in 1 s, 8 in 2 s, 60 in 30 s), shared by every process: each
 * conversation's row holds the send times reserved for it recently, replaced with its ETag. A campaign sends
 * one message per conversation, so this only bites when several campaigns reach the same chat or channel.
 */
import { isWriteRace } from '../storage/errors';
import type { TableStore } from '../storage/table-store';
import { FANOUT_CONVERSATION_MARGIN_MS } from '../tunables';
import { pacingKeys } from './fanout-keys';

export interface ConversationLimit {
  count: number;
  windowMs: number;
}

export const TEAMS_CONVERSATION_LIMITS: readonly ConversationLimit[] = [
  { count: 7, windowMs: 1000 },
  { count: 8, windowMs: 2000 },
  { count: 60, windowMs: 30_000 },
];

/**
 * The earliest time at or after `at` when one more message fits every limit, given the times already reserved
 * (past or future). Conservative: counts every reservation within a window's length on either side.
 */
export function earliestSlot(
  times: readonly number[],
  at: number,
  limits: readonly ConversationLimit[],
): number {
  const fits = (x: number): boolean =>
    limits.every(({ count, windowMs }) => {
      const width = windowMs + FANOUT_CONVERSATION_MARGIN_MS;
      return times.filter((time) => time > x - width && time < x + width).length < count;
    });
  const candidates = [
    at,
    ...limits.flatMap(({ windowMs }) => times.map((time) => time + windowMs + FANOUT_CONVERSATION_MARGIN_MS)),
  ]
    .filter((x) => x >= at)
    .sort((a, b) => a - b);
  return candidates.find(fits) ?? at;
}

export class ConversationPacer {
  private readonly keepMs: number;

  constructor(
    private readonly store: TableStore,
    private readonly limits: readonly ConversationLimit[] = TEAMS_CONVERSATION_LIMITS,
  ) {
    this.keepMs = Math.max(...limits.map((limit) => limit.windowMs)) + FANOUT_CONVERSATION_MARGIN_MS;
  }

  /** Reserves `at` for a message to the conversation; or, if it does not fit, returns the earliest time that does. */
  async reserve(
    tenantId: string,
    conversationId: string,
    at: number,
  ): Promise<{ reserved: true } | { reserved: false; earliest: number }> {
    const key = pacingKeys.conversation(tenantId, conversationId);
    for (;;) {
      const read = await this.store.get(key.partitionKey, key.rowKey);
      const times = read
        ? (JSON.parse(String(read.value.times)) as number[]).filter((time) => time > at - this.keepMs)
        : [];
      const earliest = earliestSlot(times, at, this.limits);
      if (earliest > at) return { reserved: false, earliest };
      const row = { ...key, times: JSON.stringify([...times, at]) };
      try {
        if (read) await this.store.replace(row, read.etag);
        else await this.store.insert(row);
        return { reserved: true };
      } catch (error) {
        if (!isWriteRace(error)) throw error;
      }
    }
  }
}
