/**
 * In-process caches that keep a card submit down to the reads it needs. Each instance of the service has its
 * own; correctness never depends on them:
 * - a discussion version is reused only when the card names its exact ETag, and the write carries that ETag,
 *   so a version changed elsewhere makes the write fail and the latest is read;
 * - the year's competence framework and people's names are shown as of at most a minute ago.
 */
import type { CompetenceFramework } from '../domain/competence';
import type { DevelopmentDiscussion } from '../domain/development-discussion';
import type { Person } from '../domain/organisation';
import type { Versioned } from '../storage/table-store';

const MAX_ENTRIES = 10_000;
const TTL_MS = 60_000;

class BoundedMap<V> {
  private readonly entries = new Map<string, V>();

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, value);
  }
}

/** Loads a value once per minute per key; a failed load is not kept. */
class ExpiringLoader<V> {
  private readonly entries = new BoundedMap<{ value: Promise<V>; until: number }>();

  load(key: string, loader: () => Promise<V>): Promise<V> {
    const now = performance.now();
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.value;
    const value = loader();
    this.entries.set(key, { value, until: now + TTL_MS });
    value.catch(() => this.entries.set(key, { value, until: 0 }));
    return value;
  }
}

const discussionKey = (tenantId: string, year: number, employeeId: string): string =>
  `${tenantId}\n${year}\n${employeeId}`;

export class ReadCaches {
  private readonly discussions = new BoundedMap<Versioned<DevelopmentDiscussion>>();
  readonly frameworks = new ExpiringLoader<CompetenceFramework | null>();
  readonly people = new ExpiringLoader<Person | null>();

  rememberDiscussion(record: Versioned<DevelopmentDiscussion>): void {
    const { tenantId, year, employeeId } = record.value;
    this.discussions.set(discussionKey(tenantId, year, employeeId), record);
  }

  /** The version with this ETag, if it is the one last seen here. */
  discussionVersion(
    tenantId: string,
    year: number,
    employeeId: string,
    etag: string,
  ): Versioned<DevelopmentDiscussion> | null {
    const record = this.discussions.get(discussionKey(tenantId, year, employeeId));
    return record && etag && record.etag === etag ? record : null;
  }
}
