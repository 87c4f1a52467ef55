/** The anonymity threshold: aggregates never show a group smaller than this. */
import { refuserFor, type Refuser } from './errors';

/** The default, and the floor: no organisation can go below it. */
export const MIN_ANONYMITY_THRESHOLD = 5;

export const ANONYMITY_ERROR_CODES = ['anonymity.invalidThreshold', 'anonymity.cannotLower'] as const;
export type AnonymityErrorCode = (typeof ANONYMITY_ERROR_CODES)[number];

const refuse: Refuser<AnonymityErrorCode> = refuserFor();

/** A stored threshold below the floor (data from elsewhere) still protects at the floor. */
export function canShowGroup(size: number, threshold: number): boolean {
  return size >= Math.max(threshold, MIN_ANONYMITY_THRESHOLD);
}

/** The new threshold; it can only be raised, so that what was once hidden stays hidden. */
export function raiseThreshold(current: number, requested: number): number {
  if (!Number.isInteger(requested) || requested < MIN_ANONYMITY_THRESHOLD) {
    refuse(
      'anonymity.invalidThreshold',
      `A threshold is a whole number of at least ${MIN_ANONYMITY_THRESHOLD}`,
    );
  }
  if (requested < current) refuse('anonymity.cannotLower', 'The threshold can only be raised');
  return requested;
}
