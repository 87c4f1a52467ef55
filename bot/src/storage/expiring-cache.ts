/**
 * A small in-process cache for slow-changing reference data on request paths (a person, the year's competence
 * framework): each value is loaded at most once per TTL per key, entries belong to a tenant and can be
 * forgotten tenant by tenant (after an import), and the number of entries is bounded. Each instance of the
 * service has its own, so a change made elsewhere shows after at most the TTL. A record edited with its ETag (a
 * discussion) is only ever `remember`ed and `peek`ed at by its repository, to save a read when the ETag a
 * change names is the version kept: the write, conditional on that ETag, checks it is still the stored one.
 */

export interface ExpiringCacheOptions {
  ttlMs: number;
  maxEntries: number;
}

interface Entry<V> {
  tenantId: string;
  value: Promise<V>;
  until: number;
}

const entryId = (tenantId: string, key: string): string => `${tenantId}\n${key}`;

export class ExpiringCache<V> {
  /** By "tenant \n key", oldest first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly options: ExpiringCacheOptions,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * The value loaded for (tenant, key) less than the TTL ago, else a new load. A failed load is not kept;
   * neither is a value `keep` refuses (e.g. "not found", which an import may change at any moment).
   */
  load(
    tenantId: string,
    key: string,
    loader: () => Promise<V>,
    keep: (value: V) => boolean = () => true,
  ): Promise<V> {
    const id = entryId(tenantId, key);
    const cached = this.peek(tenantId, key);
    if (cached) return cached;
    const value = loader();
    this.put(id, tenantId, value);
    value.then(
      (loaded) => {
        if (!keep(loaded)) this.drop(id, value);
      },
      () => this.drop(id, value),
    );
    return value;
  }

  /** The value kept for (tenant, key) if it is younger than the TTL; nothing is loaded. */
  peek(tenantId: string, key: string): Promise<V> | undefined {
    const cached = this.entries.get(entryId(tenantId, key));
    return cached && cached.until > this.clock() ? cached.value : undefined;
  }

  /** Keeps a value the caller already has (e.g. what it just wrote) for (tenant, key), for the TTL. */
  remember(tenantId: string, key: string, value: V): void {
    this.put(entryId(tenantId, key), tenantId, Promise.resolve(value));
  }

  forget(tenantId: string, key: string): void {
    this.entries.delete(entryId(tenantId, key));
  }

  /** Forgets everything loaded for the tenant (a bounded scan; imports are rare). */
  forgetTenant(tenantId: string): void {
    for (const [id, entry] of this.entries) if (entry.tenantId === tenantId) this.entries.delete(id);
  }

  /** Forgets the tenant's entries once `write` has settled, whether it succeeded or not; returns its result. */
  async forgetTenantAfter<R>(tenantId: string, write: Promise<R>): Promise<R> {
    try {
      return await write;
    } finally {
      this.forgetTenant(tenantId);
    }
  }

  /** Stores an entry as the newest, first making room by dropping the oldest one. */
  private put(id: string, tenantId: string, value: Promise<V>): void {
    this.entries.delete(id);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(id, { tenantId, value, until: this.clock() + this.options.ttlMs });
  }

  /** Removes the entry only if it still holds this load (a newer one may have replaced it). */
  private drop(id: string, value: Promise<V>): void {
    if (this.entries.get(id)?.value === value) this.entries.delete(id);
  }
}
