/**
 * FanoutDeliveries: one row per recipient of a campaign, in one of the campaign's bucket partitions
 * (fanout-keys.ts). Every change is a replace with the ETag that was read, so two workers never both win the
 * same transition.
 */
import { odata, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { AlreadyExistsError } from '../storage/errors';
import { RecordCodec } from '../storage/record-codec';
import { mapConcurrently } from '../storage/bounded-concurrency';
import { MAX_TRANSACTION_ACTIONS, type Row, type TableStore, type Versioned } from '../storage/table-store';
import { DELIVERY_STATES, type Delivery, type DeliveryRequest, type DeliveryState } from './delivery';
import { deliveryKeys } from './fanout-keys';
import { FANOUT_CREATE_CONCURRENCY, FANOUT_CREATE_PAGE, FANOUT_CREATE_PAGE_MS } from '../tunables';
import type { StateCounts } from '../domain/delivery-state';

const target = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    serviceUrl: z.string().min(1),
    aadObjectId: z.string().min(1),
    conversationId: z.string().min(1).nullable(),
  }),
  z.object({
    kind: z.literal('conversation'),
    serviceUrl: z.string().min(1),
    conversationId: z.string().min(1),
    // A team's channel: each message starts a new post (kept, or the worker would send into the channel itself).
    channel: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('unreachable'), reason: z.string().min(1) }),
]);

const deliverySchema = z.object({
  tenantId: z.string().min(1),
  campaignId: z.string().min(1),
  recipientKey: z.string().min(1),
  target,
  payload: z.unknown(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int().min(0),
  notBefore: z.number(),
  leaseOwner: z.string().min(1).nullable(),
  leaseUntil: z.number().nullable(),
  conversationId: z.string().min(1).nullable(),
  activityId: z.string().min(1).nullable(),
  lastError: z.string().nullable(),
  uncertain: z.boolean(),
  updatedAt: z.string(),
}) satisfies z.ZodType<Delivery>;

export type DeliveryChanges = Partial<
  Omit<Delivery, 'tenantId' | 'campaignId' | 'recipientKey' | 'target' | 'payload'>
>;

/** How many deliveries of each state a campaign has. */
export type { StateCounts };

export class DeliveryRepository {
  private readonly codec: RecordCodec<Delivery>;

  constructor(private readonly store: TableStore) {
    // Epoch-ms times exceed Int32, which untyped table numbers are read as: they are kept as JSON text.
    this.codec = new RecordCodec<Delivery>(store.tableName, deliverySchema, [
      'target',
      'payload',
      'notBefore',
      'leaseUntil',
    ]);
  }

  /**
   * Creates the deliveries that do not exist yet, leaving existing ones (and their progress) alone; returns the
   * buckets that hold them, in order, with how many of the campaign's rows each holds. The requests are taken a
   * page (FANOUT_CREATE_PAGE) at a time, so a city's campaign is never in memory whole: only the page's rows and a count
   * per bucket. A page's rows of one bucket go in transactions of up to 100; a transaction that meets an existing
   * row is redone row by row. `onRequest` sees each request as it is taken (the caller counts, checks keys).
   */
  async createMissing(
    tenantId: string,
    campaignId: string,
    requests: Iterable<DeliveryRequest> | AsyncIterable<DeliveryRequest>,
    now: Date,
    onRequest?: (request: DeliveryRequest) => void,
  ): Promise<Array<{ bucket: number; rows: number }>> {
    const counts = new Map<number, number>();
    const updatedAt = now.toISOString();
    let page = new Map<number, Row[]>();
    let held = 0;
    let pageStarted = Date.now();
    const flush = async (): Promise<void> => {
      const buckets = [...page.values()];
      page = new Map();
      held = 0;
      pageStarted = Date.now();
      await mapConcurrently(buckets, FANOUT_CREATE_CONCURRENCY, (rows) => this.createRows(rows));
    };
    for await (const request of requests) {
      onRequest?.(request);
      const row = this.codec.row(deliveryKeys.key(tenantId, campaignId, request.recipientKey), {
        ...request,
        tenantId,
        campaignId,
        state: 'pending',
        attempts: 0,
        notBefore: request.notBefore ?? 0,
        leaseOwner: null,
        leaseUntil: null,
        conversationId: null,
        activityId: null,
        lastError: null,
        uncertain: false,
        updatedAt,
      });
      const bucket = deliveryKeys.bucketOf(request.recipientKey);
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
      const rows = page.get(bucket);
      if (rows) rows.push(row);
      else page.set(bucket, [row]);
      held += 1;
      // A slow source (each recipient looked up first) writes what it has every FANOUT_CREATE_PAGE_MS instead of
      // holding a whole page of encoded rows while it looks up the rest.
      if (held >= FANOUT_CREATE_PAGE || Date.now() - pageStarted >= FANOUT_CREATE_PAGE_MS) await flush();
    }
    if (held > 0) await flush();
    return [...counts].map(([bucket, rows]) => ({ bucket, rows })).sort((a, b) => a.bucket - b.bucket);
  }

  /** One bucket's rows of a page, in transactions of up to 100. */
  private async createRows(rows: readonly Row[]): Promise<void> {
    for (let start = 0; start < rows.length; start += MAX_TRANSACTION_ACTIONS) {
      const chunk = rows.slice(start, start + MAX_TRANSACTION_ACTIONS);
      try {
        await this.store.transaction(chunk.map((row): TransactionAction => ['create', row]));
      } catch (error) {
        if (!(error instanceof AlreadyExistsError)) throw error;
        for (const row of chunk) await this.store.insert(row).catch(ignoreExisting);
      }
    }
  }

  async get(tenantId: string, campaignId: string, recipientKey: string): Promise<Versioned<Delivery> | null> {
    const key = deliveryKeys.key(tenantId, campaignId, recipientKey);
    const read = await this.store.get(key.partitionKey, key.rowKey);
    return read && { value: this.codec.decode(read.value), etag: read.etag };
  }

  /** The deliveries of one bucket: one queue message's batch, one partition read. */
  bucket(tenantId: string, campaignId: string, bucket: number): Promise<Versioned<Delivery>[]> {
    return this.query(odata`PartitionKey eq ${deliveryKeys.partition(tenantId, campaignId, bucket)}`);
  }

  /** Every delivery of a campaign (a job's bounded read: reports and tests). */
  all(tenantId: string, campaignId: string): Promise<Versioned<Delivery>[]> {
    return this.query(this.campaignFilter(tenantId, campaignId));
  }

  private campaignFilter(tenantId: string, campaignId: string): string {
    const { from, to } = deliveryKeys.campaignRange(tenantId, campaignId);
    return odata`PartitionKey ge ${from} and PartitionKey lt ${to}`;
  }

  private async query(filter: string): Promise<Versioned<Delivery>[]> {
    const found: Versioned<Delivery>[] = [];
    for await (const read of this.store.scan({ filter }))
      found.push({ value: this.codec.decode(read.value), etag: read.etag });
    return found;
  }

  /** ConcurrencyConflictError if the delivery changed since `read`; nothing is written then. */
  async update(read: Versioned<Delivery>, changes: DeliveryChanges, now: Date): Promise<Versioned<Delivery>> {
    const value: Delivery = { ...read.value, ...changes, updatedAt: now.toISOString() };
    const row = this.codec.row(deliveryKeys.key(value.tenantId, value.campaignId, value.recipientKey), value);
    const etag = await this.store.replace(row, read.etag);
    return { value, etag };
  }

  /** Counts by state, reading only the state column: cheap enough to poll while a send runs. */
  async countByState(
    tenantId: string,
    campaignId: string,
  ): Promise<{ counts: StateCounts; uncertain: number }> {
    const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as StateCounts;
    let uncertain = 0;
    const filter = this.campaignFilter(tenantId, campaignId);
    for await (const read of this.store.scan({ filter, select: ['state', 'uncertain'] })) {
      const state = read.value.state as DeliveryState;
      if (state in counts) counts[state] += 1;
      if (read.value.uncertain === true) uncertain += 1;
    }
    return { counts, uncertain };
  }
}

function ignoreExisting(error: unknown): void {
  if (!(error instanceof AlreadyExistsError)) throw error;
}
