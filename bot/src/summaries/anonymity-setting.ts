/**
 * The organisation's anonymity threshold as HR sets it (on behalf of the city manager's management team): it
 * can only be raised, never below 5 (domain/anonymity.ts), so what a summary once hid stays hidden. The check is
 * made against the stored value and written with its ETag; when another change came first, it is made again.
 */
import { raiseThreshold } from '../domain/anonymity';
import type { TenantId } from '../domain/organisation';
import { ConcurrencyConflictError } from '../storage/errors';
import type { Repositories } from '../storage/repositories';
import { ANONYMITY_WRITE_ATTEMPTS } from '../tunables';

/** The threshold now in force; throws the domain's refusal when `requested` would lower it. */
export async function raiseAnonymityThreshold(
  repositories: Pick<Repositories, 'organisations'>,
  tenantId: TenantId,
  requested: number,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const read = await repositories.organisations.get(tenantId);
    if (!read) throw new Error(`No organisation for tenant ${tenantId}`);
    const threshold = raiseThreshold(read.value.anonymityThreshold, requested);
    if (threshold === read.value.anonymityThreshold) return threshold;
    try {
      return (await repositories.organisations.update(read, { anonymityThreshold: threshold })).value
        .anonymityThreshold;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt === ANONYMITY_WRITE_ATTEMPTS) throw error;
    }
  }
}
