/**
 * One request rate per tenant, shared by every process, kept in Table Storage (a generic cell-rate algorithm).
 * The tenant's row holds `nextAt`: the first send time nobody has claimed. A process claims the next few
 * times — `nextAt`, `nextAt + 1/rate`, … — by replacing the row with the ETag it read, so two processes never
 * get the same time, and then sends each request at its time, never before. Requests are thus spaced
 * 1/rate apart across all processes, whatever each process holds in memory. A process claims at most
 * `horizonMs` ahead, so one cannot hoard the rate, and a time that a stopped process never used is simply
 * lost. The rate is one request a second under Teams' 50 per app per tenant: the gap absorbs sends a few ms late.
 */
import { isWriteRace } from '../storage/errors';
import {
  FANOUT_CLAIM_HORIZON_MS,
  FANOUT_CLAIM_LEAD_MS,
  FANOUT_MAX_CLAIM,
  FANOUT_PACING_GAP_PER_SECOND,
  FANOUT_RATE_RECHECK_MS,
} from '../tunables';
import type { TableStore } from '../storage/table-store';
import { pacingKeys } from './fanout-keys';
import { systemClock, type PacingClock } from './pacing-clock';

export interface TenantRateSettings {
  /** Requests per second for a tenant, all processes together. */
  ratePerSecond: number;
  /** How far ahead of now a process may claim send times. */
  horizonMs: number;
  /** The most send times one claim takes. */
  maxClaim: number;
}

/**
 * Teams' limit for proactive messages: 50 requests per second per app per tenant ("Optimize your bot with rate
 * limiting and best practices in Microsoft Teams", learn.microsoft.com).
 */
export const TEAMS_TENANT_CEILING = 50;

/**
 * The pacing for a ceiling of `ceiling` requests a second: one request a second under it, the room a send a few
 * ms late needs (the last guard, send-window.ts, holds the ceiling itself).
 */
export function tenantRateFor(ceiling: number): TenantRateSettings {
  return {
    ratePerSecond: Math.max(1, ceiling - FANOUT_PACING_GAP_PER_SECOND),
    horizonMs: FANOUT_CLAIM_HORIZON_MS,
    maxClaim: FANOUT_MAX_CLAIM,
  };
}

export const DEFAULT_TENANT_RATE: TenantRateSettings = tenantRateFor(TEAMS_TENANT_CEILING);

/** The most requests of a tenant one process lets leave in a second at this pacing (send-window.ts). */
export const ceilingOf = (settings: TenantRateSettings): number => Math.floor(settings.ratePerSecond) + 1;

interface Waiter {
  resolve(at: number): void;
  reject(error: unknown): void;
}

export class TenantRateLimiter {
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly pumping = new Set<string>();
  private readonly intervalMs: number;
  /** The most requests of a tenant this process lets leave in any second (send-window.ts). */
  readonly ceiling: number;

  constructor(
    private readonly store: TableStore,
    private readonly settings: TenantRateSettings = DEFAULT_TENANT_RATE,
    private readonly clock: PacingClock = systemClock,
  ) {
    this.intervalMs = 1000 / settings.ratePerSecond;
    this.ceiling = ceilingOf(settings);
  }

  /**
   * A time (epoch ms, not before now) at which the caller may make one request for the tenant; null if `signal`
   * aborts first (the caller is stopping).
   */
  acquire(tenantId: string): Promise<number>;
  acquire(tenantId: string, signal: AbortSignal): Promise<number | null>;
  acquire(tenantId: string, signal?: AbortSignal): Promise<number | null> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return resolve(null);
      const queue = this.waiting.get(tenantId) ?? [];
      this.waiting.set(tenantId, queue);
      const waiter: Waiter = {
        resolve: (at) => {
          signal?.removeEventListener('abort', leave);
          resolve(at);
        },
        reject,
      };
      const leave = (): void => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        resolve(null);
      };
      signal?.addEventListener('abort', leave, { once: true });
      queue.push(waiter);
      void this.pump(tenantId);
    });
  }

  /** No process gets a send time before `until` (the connector said Retry-After). */
  async pause(tenantId: string, until: number): Promise<void> {
    const key = pacingKeys.tenant(tenantId);
    for (;;) {
      const read = await this.store.get(key.partitionKey, key.rowKey);
      if (read && Number(read.value.nextAt) >= until) return;
      try {
        const row = { ...key, nextAt: String(until) };
        if (read) await this.store.replace(row, read.etag);
        else await this.store.insert(row);
        return;
      } catch (error) {
        if (!isWriteRace(error)) throw error;
      }
    }
  }

  private async pump(tenantId: string): Promise<void> {
    if (this.pumping.has(tenantId)) return;
    this.pumping.add(tenantId);
    const queue = this.waiting.get(tenantId) ?? [];
    try {
      while (queue.length > 0) {
        const times = await this.claim(tenantId, Math.min(queue.length, this.settings.maxClaim));
        // A time whose waiter left meanwhile is lost, as a stopped process's would be.
        for (const at of times) queue.shift()?.resolve(at);
      }
    } catch (error) {
      for (const waiter of queue.splice(0)) waiter.reject(error);
    } finally {
      this.pumping.delete(tenantId);
    }
  }

  /** Claims `count` times, or none (after a short wait) while the row is claimed beyond the horizon. */
  private async claim(tenantId: string, count: number): Promise<number[]> {
    const key = pacingKeys.tenant(tenantId);
    for (;;) {
      const now = this.clock.now();
      const read = await this.store.get(key.partitionKey, key.rowKey);
      const start = Math.max(read ? Number(read.value.nextAt) : 0, now + FANOUT_CLAIM_LEAD_MS);
      if (start - now > this.settings.horizonMs) {
        await this.clock.sleep(Math.min(FANOUT_RATE_RECHECK_MS, start - now - this.settings.horizonMs));
        return [];
      }
      const row = { ...key, nextAt: String(start + count * this.intervalMs) };
      try {
        if (read) await this.store.replace(row, read.etag);
        else await this.store.insert(row);
        return Array.from({ length: count }, (_, index) => start + index * this.intervalMs);
      } catch (error) {
        if (!isWriteRace(error)) throw error;
        await this.clock.sleep(Math.random() * 5);
      }
    }
  }
}
