/**
 * In-process caches that keep a card submit down to the reads it needs: the discussion itself is always read
 * fresh with its ETag (and written with it), people come from the people repository's short-lived cache, and
 * the year's competence framework, which changes once a year, is reused for at most a minute per tenant.
 */
import type { CompetenceFramework } from '../domain/competence';
import { ExpiringCache } from '../storage/expiring-cache';

export class ReadCaches {
  readonly frameworks = new ExpiringCache<CompetenceFramework | null>({ ttlMs: 60_000, maxEntries: 1_000 });
}
