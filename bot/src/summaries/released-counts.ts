/**
 * Live counts released in steps (docs/anonymity.md, rule 9): the open coaching / work-supervision requests of a
 * service area, HR's progress counts of an area. What is read is the last release; a new one is made (on the
 * read that finds it) only when at least a step (the threshold) of people moved the counts since, so reading
 * before and after one request or one signing shows nothing of it.
 */
import { isWriteRace } from '../storage/errors';
import type { Repositories } from '../storage/repositories';
import type { Versioned } from '../storage/table-store';
import type { ReleasedCounts } from '../storage/team-aggregate-repository';
import { RELEASED_COUNTS_WRITE_ATTEMPTS } from '../tunables';

export interface Released {
  counts: Record<string, number>;
  /** Null: never released (fewer than a step so far); then nothing of the counts may be shown. */
  releasedAt: string | null;
}

/**
 * At least how many people moved between the released and the live counts: one person adds at most one to
 * the counts that grew (a new request or discussion, or the status or form it moved to) and takes at most one
 * from those that shrank, so the larger of the two sums.
 */
export function moved(
  released: Readonly<Record<string, number>>,
  live: Readonly<Record<string, number>>,
): number {
  let grew = 0;
  let shrank = 0;
  for (const key of new Set([...Object.keys(released), ...Object.keys(live)])) {
    const change = (live[key] ?? 0) - (released[key] ?? 0);
    if (change > 0) grew += change;
    else shrank -= change;
  }
  return Math.max(grew, shrank);
}

/**
 * Runs `attempt` (numbered from 1) again while its conditional write loses to another reader's, a few times at
 * most: each new attempt reads what the other one stored and computes from that.
 */
export async function againAfterWriteRace<T>(attempt: (number: number) => Promise<T>): Promise<T> {
  for (let number = 1; ; number++) {
    try {
      return await attempt(number);
    } catch (error) {
      if (!isWriteRace(error) || number >= RELEASED_COUNTS_WRITE_ATTEMPTS) throw error;
    }
  }
}

/**
 * The released counts of each figure set (key → live counts), releasing those that moved by at least `step`.
 * A set that never moved by a step is returned with `releasedAt` null and no counts.
 */
export async function releaseInSteps(
  repos: Pick<Repositories, 'teamAggregates'>,
  tenantId: string,
  year: number,
  live: ReadonlyMap<string, Record<string, number>>,
  step: number,
  at: string = new Date().toISOString(),
  /** The releases as just read with the rest (saves a round trip); read here when absent or stale. */
  read?: readonly Versioned<ReleasedCounts>[],
): Promise<Map<string, Released>> {
  return againAfterWriteRace(async (attempt) => {
    const stored =
      attempt === 1 && read
        ? [...read]
        : (await repos.teamAggregates.listDisclosureState(tenantId, year)).released;
    const { result, fresh } = planReleases(tenantId, year, live, step, stored, at);
    // Another reader may release in between: the write then fails and the next attempt compares with its release.
    if (fresh.length > 0) await repos.teamAggregates.writeReleased(tenantId, year, fresh, stored);
    return result;
  });
}

/**
 * What `releaseInSteps` shows and must store, computed from the releases read (`stored`) without writing: for a
 * caller that writes the new releases (`fresh`, each with the ETag in `stored`) together with other rows of the
 * year, before anything computed from them is shown.
 */
export function planReleases(
  tenantId: string,
  year: number,
  live: ReadonlyMap<string, Record<string, number>>,
  step: number,
  stored: readonly Versioned<ReleasedCounts>[],
  at: string = new Date().toISOString(),
): { result: Map<string, Released>; fresh: ReleasedCounts[] } {
  const byKey = new Map(stored.map((read) => [read.value.key, read.value]));
  const fresh: ReleasedCounts[] = [];
  const result = new Map<string, Released>();
  for (const [key, counts] of live) {
    const last = byKey.get(key);
    if (moved(last?.counts ?? {}, counts) >= step) {
      fresh.push({ tenantId, year, key, counts, releasedAt: at });
      result.set(key, { counts, releasedAt: at });
    } else {
      result.set(
        key,
        last ? { counts: last.counts, releasedAt: last.releasedAt } : { counts: {}, releasedAt: null },
      );
    }
  }
  return { result, fresh };
}
