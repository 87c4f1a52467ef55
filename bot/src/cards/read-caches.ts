/**
 * In-process caches that keep a card submit down to the reads it needs: people come from the people
 * repository's short-lived cache, and the year's competence framework, which changes once a year, is reused
 * for at most a minute per tenant. The discussion is never taken from these: a save may start from the version
 * this process last stored (the repository's `getForChange`), which the conditional write checks.
 */
import type { CompetenceFramework } from '../domain/competence';
import { ExpiringCache } from '../storage/expiring-cache';
import { COMPETENCE_FRAMEWORK_CACHE } from '../tunables';

export class ReadCaches {
  readonly frameworks = new ExpiringCache<CompetenceFramework | null>(COMPETENCE_FRAMEWORK_CACHE);
}
