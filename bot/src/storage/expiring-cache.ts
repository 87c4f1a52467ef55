/**
 * A small in-process cache for slow-changing reference data on request paths (a person, the year's competence
 * framework): each value is loaded at most once per TTL per key, entries belong to a tenant and can be
 * forgotten tenant by tenant (after an import), and the number of entries is bounded. Each instance of the
 * service has its own, so a change made elsewhere shows after at most the TTL. Never for records that are
 * edited with their ETag (a discussion): those are read fresh, or taken as of a named ETag (recent-versions.ts).
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
    const id = `${tenantId}\n${key}`;
    const now = this.clock();
    const cached = this.entries.get(id);
    if (cached && cached.until > now) return cached.value;
    const value = loader();
    this.entries.delete(id);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(id, { tenantId, value, until: now + this.options.ttlMs });
    value.then(
      (loaded) => {
        if (!keep(loaded)) this.drop(id, value);
      },
      () => this.drop(id, value),
    );
    return value;
  }

  /** Forgets everything loaded for the tenant (a bounded scan; imports are rare). */
  forgetTenant(tenantId: string): void {
    for (const [id, entry] of this.entries) if (entry.tenantId === tenantId) this.entries.delete(id);
  }

  /** Removes the entry only if it still holds this load (a newer one may have replaced it). */
  private drop(id: string, value: Promise<V>): void {
    if (this.entries.get(id)?.value === value) this.entries.delete(id);
  }
}
