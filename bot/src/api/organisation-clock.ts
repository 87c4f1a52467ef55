/**
 * The tenant's annual clock as the API uses it: the stored clock, or the seed's default until HR saves one;
 * the organisation's local date (clock windows are calendar dates in Finland); and the discussion round that
 * is current on a given day (decided by the domain's `roundYear`).
 */
import type { AnnualClock, PhaseKind, PhaseWindow } from '../domain/annual-clock';
import { phaseWindows, roundYear } from '../domain/annual-clock-rules';
import { defaultAnnualClock } from '../domain/default-annual-clock';
import type { Repositories } from '../storage/repositories';

export { ORGANISATION_TIME_ZONE, organisationDate } from '../domain/organisation-time';
import { organisationDate } from '../domain/organisation-time';

export async function tenantClock(
  repositories: Pick<Repositories, 'annualClocks'>,
  tenantId: string,
): Promise<AnnualClock> {
  const stored = await repositories.annualClocks.current(tenantId);
  return stored ? { phases: stored.phases, overrides: stored.overrides } : defaultAnnualClock();
}

export function windowsOfKind(
  clock: AnnualClock,
  year: number,
  serviceAreaId: string | null,
  kind: PhaseKind,
): PhaseWindow[] {
  return phaseWindows(clock, year, serviceAreaId).filter((window) => window.kind === kind);
}

/** The round current now for `serviceAreaId` (the domain's one rule, on the organisation's local date). */
export function currentRoundYear(clock: AnnualClock, serviceAreaId: string | null, now: Date): number {
  return roundYear(clock, serviceAreaId, organisationDate(now));
}

/** The round current now for a service area of a tenant, read from the tenant's clock. */
export async function tenantRoundYear(
  repositories: Pick<Repositories, 'annualClocks'>,
  where: { tenantId: string; serviceAreaId: string | null },
  now: Date,
): Promise<number> {
  return currentRoundYear(await tenantClock(repositories, where.tenantId), where.serviceAreaId, now);
}
