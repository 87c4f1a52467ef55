/**
 * The last version of each record this process read or wrote, kept for a change that names the ETag it was
 * made from (a card's "save"). When that ETag is the version kept here, the record need not be read again: the
 * change is written with the same ETag (If-Match), which the store refuses if the record has moved on since
 * (changed on another instance of the service, or deleted), and the caller then reads it fresh. Nothing else
 * may use these versions: a view must show the record as it is now, not as it was.
 *
 * Bounded in number and age; keys begin with the tenant, so one organisation's version never answers another's.
 */
import type { Versioned } from './table-store';

export interface RecentVersionsOptions {
  ttlMs: number;
  maxEntries: number;
}

interface Entry<T> {
  version: Versioned<T>;
  until: number;
}

export class RecentVersions<T> {
  /** Oldest first (a Map keeps insertion order; a record seen again moves to the end). */
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly options: RecentVersionsOptions,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  remember(key: string, version: Versioned<T>): void {
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { version, until: this.clock() + this.options.ttlMs });
  }

  /** The version kept for `key` if it is the one with `etag` and not too old; else null. */
  at(key: string, etag: string): Versioned<T> | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until <= this.clock()) {
      this.entries.delete(key);
      return null;
    }
    return entry.version.etag === etag ? entry.version : null;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
