/**
 * The background refresh of the team aggregates: every interval, each organisation's current years are rebuilt
 * from its development discussions (unchanged rows are not written): the rounds on its own clock that the
 * discussions and the summaries work on now (from autumn on, the next round), and the calendar year. It catches what `refreshAfterSigning`
 * cannot see: people who changed team or service area, and teams that were removed. One run at a time.
 */
import { organisationYear } from '../domain/organisation-time';
import { describeError, type Logger } from '../logging';
import type { Repositories } from '../storage/repositories';
import { AGGREGATE_REFRESH_INTERVAL_MS } from '../tunables';
import { rebuildYear, type AggregateRepos } from './aggregate-refresh';

export interface AggregateJobDeps {
  repositories: AggregateRepos & Pick<Repositories, 'organisations' | 'annualClocks'>;
  logger: Logger;
  now(): Date;
  /** How often the job runs (config's AGGREGATE_REFRESH_INTERVAL_MINUTES); the tunable's default without. */
  intervalMs?: number;
}

/** The years whose aggregates an organisation reads now: its discussion and planning rounds, and this year. */
async function currentYears(deps: AggregateJobDeps, tenantId: string, now: Date): Promise<number[]> {
  const { annualClocks } = deps.repositories;
  try {
    const rounds = await Promise.all([
      annualClocks.currentRound(tenantId, now),
      annualClocks.currentRound(tenantId, now, 'planning'),
    ]);
    return [...new Set([organisationYear(now), ...rounds])].sort((a, b) => a - b);
  } catch (error) {
    // The calendar year is still refreshed when the tenant's clock cannot be read now.
    deps.logger.warn('aggregates.clockUnreadable', { tenantId, ...describeError(error) });
    return [organisationYear(now)];
  }
}

export async function refreshAllTenants(deps: AggregateJobDeps): Promise<void> {
  const now = deps.now();
  for await (const organisation of deps.repositories.organisations.scanAll()) {
    const { tenantId } = organisation.value;
    for (const year of await currentYears(deps, tenantId, now)) {
      try {
        const counts = await rebuildYear(deps.repositories, tenantId, year);
        deps.logger.info('aggregates.refreshed', { tenantId, year, ...counts });
      } catch (error) {
        deps.logger.warn('aggregates.refreshFailed', { tenantId, year, ...describeError(error) });
      }
    }
  }
}

/** Starts the periodic refresh (the first run after one interval); returns its stop function. */
export function startAggregateJob(deps: AggregateJobDeps): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = refreshAllTenants(deps).finally(() => {
      running = null;
    });
  }, deps.intervalMs ?? AGGREGATE_REFRESH_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
