/**
 * A worker takes batch messages from the queue and serves each delivery in them. Any number of workers, in any
 * number of processes, share one send; what they share is in Azure Storage, nothing in a worker's memory.
 *
 * One delivery, one request at a time:
 *   pending → (a send time from the tenant's rate, a slot in the conversation's limits)
 *           → sending: the row is leased to this worker with its ETag, just before its send time
 *           → the request → sent (with the connector's activity id) | blocked | notInstalled | failed,
 *             or back to pending with a backoff (notBefore) for a transient answer.
 * The lease is the exactly-once guard: only the worker whose ETag write made the row 'sending' sends, and a
 * worker that stops leaves the row 'sending' until the lease lapses; then another worker takes it over.
 *
 * The residual window, stated honestly: a worker can stop after its request reached the connector and before it
 * recorded the answer. The connector cannot be asked afterwards whether a message arrived, and Teams does not
 * deduplicate, so the delivery is sent again when its lease lapses (at least once, never lost) and marked
 * `uncertain` for HR's report. The same holds for a request that times out. The window is one request's round
 * trip and one table write, for at most the requests in flight at that moment.
 */
import { setMaxListeners } from 'node:events';
import { describeError, type Logger } from '../logging';
import { ConcurrencyConflictError } from '../storage/errors';
import type { Versioned } from '../storage/table-store';
import type { ConversationPacer } from './conversation-pacer';
import {
  isFinal,
  unreachableState,
  type Delivery,
  type DeliveryState,
  type DeliveryTarget,
} from './delivery';
import type { DeliveryChanges, DeliveryRepository } from './delivery-repository';
import type { FanoutQueue, ReceivedBatch } from './fanout-queue';
import { SendFailure, type MessageSender, type OutgoingActivity } from './message-sender';
import { systemClock, type PacingClock } from './pacing-clock';
import { afterFailure, DEFAULT_RETRY, describeFailure, type RetrySettings } from './retry-policy';
import { DELIVERY_BUCKETS } from './fanout-keys';
import { SendWindow } from './send-window';
import type { TenantRateLimiter } from './tenant-rate-limiter';
import {
  FANOUT_IDLE_POLL_MS,
  FANOUT_LEASE_MS,
  FANOUT_MAX_HELD_PER_SLOT,
  FANOUT_MAX_INLINE_WAIT_MS,
  FANOUT_MAX_LATENESS_MS,
  FANOUT_MAX_LEASE_LEAD_MS,
  FANOUT_MIN_LEASE_LEAD_MS,
  FANOUT_TENANT_CONCURRENCY,
  FANOUT_VISIBILITY_SECONDS,
  FANOUT_WORKER_CONCURRENCY,
} from '../tunables';

export interface WorkerSettings {
  /** This worker's id in leases; unique per process start. */
  owner: string;
  /**
   * Deliveries in progress at once in this worker. Each holds its place for about the limiter's horizon (waiting
   * for its send time) and a few round trips: at 49/s that is some 70 at once, and the rest keep the rate's
   * claims ahead of time.
   */
  concurrency: number;
  /**
   * Deliveries of one tenant in progress at once in this worker: enough for the tenant's rate (each waits up to the
   * limiter's horizon and a round trip), so one organisation's large campaign leaves the other slots to the rest.
   */
  tenantConcurrency: number;
  /** How long a received batch stays hidden from other workers (renewed while it is worked on). */
  visibilitySeconds: number;
  /** How long a 'sending' lease lasts; longer than any request may take. */
  leaseMs: number;
  /** A wait longer than this (backoff, another worker's lease) hands the batch back to the queue. */
  maxInlineWaitMs: number;
  /** How long to wait before asking an empty queue again. */
  idlePollMs: number;
  retry: RetrySettings;
}

export const DEFAULT_WORKER: Omit<WorkerSettings, 'owner'> = {
  concurrency: FANOUT_WORKER_CONCURRENCY,
  tenantConcurrency: FANOUT_TENANT_CONCURRENCY,
  visibilitySeconds: FANOUT_VISIBILITY_SECONDS,
  leaseMs: FANOUT_LEASE_MS,
  maxInlineWaitMs: FANOUT_MAX_INLINE_WAIT_MS,
  idlePollMs: FANOUT_IDLE_POLL_MS,
  retry: DEFAULT_RETRY,
};

/** Observable steps of a delivery, for metrics and for tests that stop a worker at a chosen point. */
export type DeliveryStep = 'leased' | 'answered' | 'recorded';

export interface WorkerDeps {
  deliveries: DeliveryRepository;
  queue: FanoutQueue;
  limiter: TenantRateLimiter;
  pacer: ConversationPacer;
  sender: MessageSender;
  /** The activity for a delivery's payload. A throw is a permanent failure of that delivery. */
  render(delivery: Delivery): OutgoingActivity | Promise<OutgoingActivity>;
  /** A user's new 1:1 conversation, for the app to remember. */
  onConversationCreated?(delivery: Delivery, conversationId: string): Promise<void>;
  /** Teams answered 403 (blocked, or the app removed): the app marks the address so no one sends there again. */
  onRefused?(delivery: Delivery, code: string | null): Promise<void>;
  /**
   * Teams took the delivery: the conversation it went to (for a channel post, the new thread's id) and the
   * activity's id, for the app to remember. Called once the row is recorded 'sent'; a throw is logged, never
   * sends again.
   */
  onSent?(delivery: Delivery, sent: { conversationId: string; activityId: string }): Promise<void>;
  /**
   * The delivery ended without arriving (blocked, notInstalled, noChannel, or failed: refused, or its retries ran
   * out): its final state, the technical reason kept on it, and the connector's error code. Called once the row
   * is recorded so by this worker (not when another writer ended it first); a throw is logged.
   */
  onUndelivered?(delivery: Delivery, end: DeliveryEnd): Promise<void>;
  onStep?(step: DeliveryStep, delivery: Delivery): void;
  logger: Logger;
  clock?: PacingClock;
}

/**
 * How long before its send time a delivery's lease is written: the recent lease writes' smoothed duration plus
 * four times their smoothed deviation (as TCP estimates its retransmission timeout). A slow store moves the
 * lease earlier instead of making the send miss its time.
 */
class LeaseLead {
  private average = FANOUT_MIN_LEASE_LEAD_MS / 4;
  private deviation = FANOUT_MIN_LEASE_LEAD_MS / 8;

  ms(): number {
    const estimate = this.average + 4 * this.deviation;
    return Math.min(FANOUT_MAX_LEASE_LEAD_MS, Math.max(FANOUT_MIN_LEASE_LEAD_MS, estimate));
  }

  observe(writeMs: number): void {
    this.deviation += (Math.abs(writeMs - this.average) - this.deviation) / 4;
    this.average += (writeMs - this.average) / 8;
  }
}
/** A batch's size until it is read: a bucket of a 5,000-recipient campaign. */
const TYPICAL_BATCH = Math.ceil(5000 / DELIVERY_BUCKETS);

type Outcome = 'done' | { retryAt: number };

/** How a delivery that did not arrive ended. */
export interface DeliveryEnd {
  state: Exclude<DeliveryState, 'pending' | 'sending' | 'sent'>;
  lastError: string;
  /** The connector's error code (e.g. ConversationBlockedByUser), when Teams answered one. */
  code: string | null;
}
type AddressedTarget = Exclude<DeliveryTarget, { kind: 'unreachable' }>;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

class Slots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

export class DeliveryWorker {
  private readonly settings: WorkerSettings;
  private readonly clock: PacingClock;
  private readonly slots: Slots;
  /** Each tenant's own slots within the worker's: see `tenantConcurrency`. */
  private readonly tenantSlots = new Map<string, { slots: Slots; users: number }>();
  private readonly leaseLead = new LeaseLead();
  private readonly sendWindow: SendWindow;
  /** The deliveries this worker is serving now (tenant, campaign, recipient). */
  private readonly serving = new Set<string>();
  /** The batches being worked on, with how many of their rows are not served yet. */
  private readonly batches = new Map<string, { message: ReceivedBatch; rows: number }>();
  private running: Promise<void> | null = null;
  private stopping = false;
  private stopped = new AbortController();
  /** Resolved (and replaced) whenever a row is served: the loop then tops the work up again. */
  private served = deferred();

  constructor(
    private readonly deps: WorkerDeps,
    settings: Partial<WorkerSettings> & Pick<WorkerSettings, 'owner'>,
  ) {
    this.settings = { ...DEFAULT_WORKER, ...settings };
    this.clock = deps.clock ?? systemClock;
    this.slots = new Slots(this.settings.concurrency);
    this.sendWindow = new SendWindow(deps.limiter.ceiling, this.clock);
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.stopped = new AbortController();
    // Every delivery waiting for its send time listens for the stop: more than Node's default of 10.
    setMaxListeners(0, this.stopped.signal);
    this.running = this.loop();
  }

  /** Stops taking work; deliveries already on their way finish, the rest go back to the queue. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    await this.running;
    this.running = null;
  }

  private async loop(): Promise<void> {
    const handlers = new Set<Promise<void>>();
    const keepAlive = setInterval(
      () => void this.keepBatchesHidden(),
      (this.settings.visibilitySeconds * 1000) / 3,
    );
    try {
      while (!this.stopping) {
        // Counting only the rows not yet served, the next batch is fetched while the last rows of the current
        // ones wait for their send times, so the slots stay full from one batch to the next.
        // A tenant's rows beyond its own slots cannot start anyway, so they do not stop the worker from taking
        // other tenants' batches; the rows held in memory stay bounded all the same.
        const { usable, held } = this.outstanding();
        if (
          usable >= this.settings.concurrency ||
          held >= this.settings.concurrency * FANOUT_MAX_HELD_PER_SLOT
        ) {
          await Promise.race([this.served.promise, this.pause(this.settings.idlePollMs)]);
          continue;
        }
        const wanted = Math.ceil((this.settings.concurrency - usable) / TYPICAL_BATCH);
        let received: ReceivedBatch[] = [];
        try {
          received = await this.deps.queue.receive(wanted, this.settings.visibilitySeconds);
        } catch (error) {
          this.deps.logger.warn('fanout.receiveFailed', describeError(error));
        }
        if (received.length === 0) await this.pause(this.settings.idlePollMs);
        for (const message of received) {
          const handler = this.handle(message).finally(() => handlers.delete(handler));
          handlers.add(handler);
        }
      }
      await Promise.all(handlers);
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Rows of received batches not served yet: all of them, and those the tenants' own slots could start. */
  private outstanding(): { usable: number; held: number } {
    const perTenant = new Map<string, number>();
    for (const { message, rows } of this.batches.values()) {
      const { tenantId } = message.batch;
      perTenant.set(tenantId, (perTenant.get(tenantId) ?? 0) + rows);
    }
    let usable = 0;
    let held = 0;
    for (const rows of perTenant.values()) {
      usable += Math.min(rows, this.settings.tenantConcurrency);
      held += rows;
    }
    return { usable, held };
  }

  /** Waits, or less if the worker is stopped meanwhile (the caller then hands its delivery back). */
  private pause(ms: number): Promise<void> {
    return this.clock.sleep(ms, this.stopped.signal);
  }

  private async keepBatchesHidden(): Promise<void> {
    for (const [id, entry] of this.batches) {
      try {
        entry.message = await this.deps.queue.hide(entry.message, this.settings.visibilitySeconds);
      } catch (error) {
        this.deps.logger.warn('fanout.keepAliveFailed', describeError(error));
        this.batches.delete(id);
      }
    }
  }

  private async handle(message: ReceivedBatch): Promise<void> {
    const { tenantId, campaignId, bucket } = message.batch;
    const entry = { message, rows: TYPICAL_BATCH };
    this.batches.set(message.messageId, entry);
    try {
      const rows = await this.deps.deliveries.bucket(tenantId, campaignId, bucket);
      entry.rows = rows.length;
      const outcomes = await Promise.all(
        rows.map((row) =>
          this.serve(row).finally(() => {
            entry.rows -= 1;
            this.signalServed();
          }),
        ),
      );
      const retryAts = outcomes.flatMap((outcome) => (outcome === 'done' ? [] : [outcome.retryAt]));
      this.batches.delete(message.messageId);
      if (retryAts.length === 0) await this.deps.queue.delete(entry.message);
      else {
        const seconds = Math.ceil((Math.min(...retryAts) - this.clock.now()) / 1000);
        await this.deps.queue.hide(entry.message, Math.max(0, seconds));
      }
    } catch (error) {
      // The message comes back when its visibility lapses; its deliveries' rows say where each one stands.
      this.deps.logger.warn('fanout.batchFailed', { tenantId, campaignId, ...describeError(error) });
    } finally {
      this.batches.delete(message.messageId);
      this.signalServed();
    }
  }

  /**
   * One of this worker's batches at a time serves a delivery: a bucket queued twice (a campaign materialised by
   * two servers at once) would otherwise have the second batch send it again under this worker's own lease.
   */
  private async serve(row: Versioned<Delivery>): Promise<Outcome> {
    const { tenantId, campaignId, recipientKey } = row.value;
    const key = `${tenantId}\n${campaignId}\n${recipientKey}`;
    if (this.serving.has(key)) return 'done';
    this.serving.add(key);
    try {
      return await this.forTenant(tenantId, (slots) =>
        slots.run(() => this.slots.run(() => this.deliver(row))),
      );
    } finally {
      this.serving.delete(key);
    }
  }

  /** Runs `task` with the tenant's slots, dropping them when the tenant has no delivery left in this worker. */
  private async forTenant<T>(tenantId: string, task: (slots: Slots) => Promise<T>): Promise<T> {
    const entry = this.tenantSlots.get(tenantId) ?? {
      slots: new Slots(Math.min(this.settings.tenantConcurrency, this.settings.concurrency)),
      users: 0,
    };
    this.tenantSlots.set(tenantId, entry);
    entry.users += 1;
    try {
      return await task(entry.slots);
    } finally {
      entry.users -= 1;
      if (entry.users === 0) this.tenantSlots.delete(tenantId);
    }
  }

  private signalServed(): void {
    const served = this.served;
    this.served = deferred();
    served.resolve();
  }

  private async deliver(initial: Versioned<Delivery>): Promise<Outcome> {
    const { clock, settings, deps } = this;
    let current = initial;
    for (;;) {
      const delivery = current.value;
      if (isFinal(delivery.state)) return 'done';
      const { target } = delivery;
      if (target.kind === 'unreachable')
        return this.settle(current, {
          state: unreachableState(target.reason),
          lastError: target.reason,
          code: null,
        });
      const now = clock.now();
      const heldByOther = delivery.state === 'sending' && delivery.leaseOwner !== settings.owner;
      if (heldByOther && (delivery.leaseUntil ?? 0) > now) return { retryAt: delivery.leaseUntil ?? now };
      const waitUntil = Math.max(delivery.notBefore, now);
      if (this.stopping || waitUntil - now > settings.maxInlineWaitMs) return { retryAt: waitUntil };
      if (waitUntil > now) {
        await this.pause(waitUntil - now);
        continue;
      }

      let activity: OutgoingActivity;
      try {
        activity = await deps.render(delivery);
      } catch (error) {
        deps.logger.error('fanout.renderFailed', { tenantId: delivery.tenantId, ...describeError(error) });
        return this.settle(current, { state: 'failed', lastError: 'render', code: null });
      }

      const conversationId = delivery.conversationId ?? target.conversationId;
      const at = await deps.limiter.acquire(delivery.tenantId, this.stopped.signal);
      if (at === null) return { retryAt: clock.now() };
      if (conversationId) {
        const slot = await deps.pacer.reserve(delivery.tenantId, conversationId, at);
        if (!slot.reserved) {
          await this.pause(slot.earliest - clock.now());
          continue;
        }
      }
      await clock.sleep(at - this.leaseLead.ms() - clock.now());
      const leaseStart = clock.now();
      try {
        current = await this.write(current, {
          state: 'sending',
          leaseOwner: settings.owner,
          leaseUntil: clock.now() + settings.leaseMs,
          attempts: delivery.attempts + 1,
          uncertain: delivery.uncertain || heldByOther,
        });
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
        current = await this.reread(current);
        continue;
      }
      deps.onStep?.('leased', current.value);
      this.leaseLead.observe(clock.now() - leaseStart);
      await clock.sleep(at - clock.now());
      if (clock.now() > at + FANOUT_MAX_LATENESS_MS) continue;
      await this.sendWindow.admit(delivery.tenantId, this.stopped.signal);

      const next = await this.request(current, target, conversationId, activity);
      if (next === 'done') return 'done';
      current = next;
    }
  }

  /** One request for a leased delivery; the delivery as it stands afterwards, or 'done'. */
  private async request(
    current: Versioned<Delivery>,
    target: AddressedTarget,
    conversationId: string | null,
    activity: OutgoingActivity,
  ): Promise<Versioned<Delivery> | 'done'> {
    const { deps } = this;
    const delivery = current.value;
    try {
      if (!conversationId && target.kind === 'user') {
        const created = await deps.sender.createPersonalConversation(
          target.serviceUrl,
          delivery.tenantId,
          target.aadObjectId,
        );
        deps.onStep?.('answered', delivery);
        const updated = await this.write(current, { conversationId: created });
        await deps.onConversationCreated?.(updated.value, created);
        return updated;
      }
      const answer =
        target.kind === 'conversation' && target.channel
          ? await deps.sender.createChannelPost(
              target.serviceUrl,
              delivery.tenantId,
              target.conversationId,
              activity,
            )
          : {
              conversationId: conversationId as string,
              activityId: await deps.sender.send(
                target.serviceUrl,
                delivery.tenantId,
                conversationId as string,
                activity,
                target.kind === 'user' ? 'personal' : undefined,
              ),
            };
      deps.onStep?.('answered', delivery);
      const sent = await this.write(current, {
        state: 'sent',
        activityId: answer.activityId,
        leaseUntil: null,
        lastError: null,
      });
      deps.onStep?.('recorded', sent.value);
      await this.afterSent(sent.value, answer);
      return 'done';
    } catch (error) {
      if (error instanceof ConcurrencyConflictError) {
        // The lease lapsed while the request was out and another worker took the delivery over.
        deps.logger.warn('fanout.leaseLost', {
          tenantId: delivery.tenantId,
          campaignId: delivery.campaignId,
        });
        return this.reread(current);
      }
      if (!(error instanceof SendFailure)) throw error;
      return this.afterFailure(current, error);
    }
  }

  private async afterSent(
    delivery: Delivery,
    answer: { conversationId: string; activityId: string },
  ): Promise<void> {
    try {
      await this.deps.onSent?.(delivery, answer);
    } catch (error) {
      this.deps.logger.warn('fanout.onSentFailed', {
        tenantId: delivery.tenantId,
        campaignId: delivery.campaignId,
        ...describeError(error),
      });
    }
  }

  private async afterFailure(
    current: Versioned<Delivery>,
    failure: SendFailure,
  ): Promise<Versioned<Delivery> | 'done'> {
    const { deps, clock, settings } = this;
    const delivery = current.value;
    const lastError = describeFailure(failure);
    const next = afterFailure(failure, delivery.attempts, settings.retry);
    if (failure.status === 429 && failure.retryAfterMs !== null) {
      // Our own pacing keeps each conversation within its limits, so a 429 means the tenant is throttled.
      await deps.limiter.pause(delivery.tenantId, clock.now() + failure.retryAfterMs);
    }
    if (next.kind === 'final') {
      deps.logger.warn('fanout.deliveryFinal', { tenantId: delivery.tenantId, state: next.state, lastError });
      if (failure.status === 403) await deps.onRefused?.(delivery, failure.code);
      return this.settle(current, { state: next.state, lastError, code: failure.code });
    }
    return this.write(current, {
      state: 'pending',
      notBefore: clock.now() + next.delayMs,
      leaseUntil: null,
      lastError,
      // Without an answer the request may have arrived: sending again may duplicate it.
      uncertain: delivery.uncertain || failure.status === null,
    });
  }

  /** Ends a delivery that did not arrive and tells the app, if this worker's write is the one that ended it. */
  private async settle(current: Versioned<Delivery>, end: DeliveryEnd): Promise<'done'> {
    let settled: Versioned<Delivery>;
    try {
      settled = await this.write(current, { state: end.state, lastError: end.lastError, leaseUntil: null });
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      return 'done';
    }
    try {
      await this.deps.onUndelivered?.(settled.value, end);
    } catch (error) {
      this.deps.logger.warn('fanout.onUndeliveredFailed', {
        tenantId: settled.value.tenantId,
        campaignId: settled.value.campaignId,
        ...describeError(error),
      });
    }
    return 'done';
  }

  private write(current: Versioned<Delivery>, changes: DeliveryChanges): Promise<Versioned<Delivery>> {
    return this.deps.deliveries.update(current, changes, new Date(this.clock.now()));
  }

  private async reread(current: Versioned<Delivery>): Promise<Versioned<Delivery>> {
    const { tenantId, campaignId, recipientKey } = current.value;
    const read = await this.deps.deliveries.get(tenantId, campaignId, recipientKey);
    if (!read) throw new Error('A delivery row disappeared.');
    return read;
  }
}
