/** `summary.open`: one area's summary of the card's year, as it now stands. */
import type { CardActionHandler } from '../../cards/card-action';
import type { SummaryDeps } from '../summary-workflow';
import { summaryAction } from './summary-action';

export function openAction(deps: SummaryDeps): CardActionHandler {
  return summaryAction(deps, async () => null);
}
