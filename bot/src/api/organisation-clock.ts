/**
 * The tenant's annual clock as the API uses it: the stored clock, or the seed's default until HR saves one;
 * the organisation's local date (clock windows are calendar dates in Finland); and the discussion round that
 * is current on a given day.
 */
import type { AnnualClock, PhaseKind, PhaseWindow } from '../domain/annual-clock';
import { phaseWindows } from '../domain/annual-clock-rules';
import { defaultAnnualClock } from '../domain/default-annual-clock';
import type { Repositories } from '../storage/repositories';

/** Finnish municipalities keep Finnish time; the Organisation record has no zone of its own. */
export const ORGANISATION_TIME_ZONE = 'Europe/Helsinki';

const localDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ORGANISATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of an instant in the organisation's time zone. */
export function organisationDate(instant: Date): string {
  return localDateFormat.format(instant);
}

export async function tenantClock(
  repositories: Pick<Repositories, 'annualClocks'>,
  tenantId: string,
): Promise<AnnualClock> {
  const stored = await repositories.annualClocks.get(tenantId);
  return stored ? { phases: stored.value.phases, overrides: stored.value.overrides } : defaultAnnualClock();
}

export function windowsOfKind(
  clock: AnnualClock,
  year: number,
  serviceAreaId: string | null,
  kind: PhaseKind,
): PhaseWindow[] {
  return phaseWindows(clock, year, serviceAreaId).filter((window) => window.kind === kind);
}

/**
 * The year whose development-discussion round is current: this year's until its last window closes, then
 * next year's, so in November a supervisor plans the coming January–March.
 */
export function currentRoundYear(clock: AnnualClock, serviceAreaId: string | null, now: Date): number {
  const today = organisationDate(now);
  const year = Number(today.slice(0, 4));
  const windows = windowsOfKind(clock, year, serviceAreaId, 'developmentDiscussions');
  const lastClose = windows.reduce((latest, w) => (w.closes > latest ? w.closes : latest), '');
  return lastClose !== '' && today > lastClose ? year + 1 : year;
}
