/**
 * The round (keskustelukierros) that organisation-wide work is about today, decided by the domain's one
 * `roundYear` on the tenant's clock (without a service area's overrides), so HR's and the management teams' chat
 * cards and the tabs name the same year and the same record. The summaries and the training plans work on a
 * round's discussions until the planning window closes (30 September on the default clock): in June 2026 the
 * 2026 round's, in December 2026 already the 2027 round's. The strategic discussion reviews those plans until its
 * own window closes (31 December).
 */
import { organisationDate, tenantClock } from '../api/organisation-clock';
import { ROUND_PHASE_KINDS, roundYear } from '../domain/annual-clock-rules';
import type { Repositories } from '../storage/repositories';

export async function organisationRoundYear(
  repositories: Pick<Repositories, 'annualClocks'>,
  tenantId: string,
  now: Date,
  phase: keyof typeof ROUND_PHASE_KINDS,
): Promise<number> {
  const clock = await tenantClock(repositories, tenantId);
  return roundYear(clock, null, organisationDate(now), ROUND_PHASE_KINDS[phase]);
}

/** The calendar year in the organisation's time zone. */
export function organisationYear(now: Date): number {
  return Number(organisationDate(now).slice(0, 4));
}
