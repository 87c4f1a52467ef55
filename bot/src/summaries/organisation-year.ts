/**
 * The round (keskustelukierros) that organisation-wide work is about today: the summaries of every service area,
 * the training plans and the strategic discussion. It is the domain's one `roundYear`, read from the tenant's
 * clock without a service area's overrides, so HR's chat cards and the HR tab name the same year and the same
 * record (in December 2026 on the default clock, the 2027 round).
 */
import { organisationDate, tenantRoundYear } from '../api/organisation-clock';
import type { Repositories } from '../storage/repositories';

export function organisationRoundYear(
  repositories: Pick<Repositories, 'annualClocks'>,
  tenantId: string,
  now: Date,
): Promise<number> {
  return tenantRoundYear(repositories, { tenantId, serviceAreaId: null }, now);
}

/** The calendar year in the organisation's time zone. */
export function organisationYear(now: Date): number {
  return Number(organisationDate(now).slice(0, 4));
}
