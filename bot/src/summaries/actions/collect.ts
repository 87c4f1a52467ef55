/** `summary.collect`: the draft's conclusions replaced by those of the area's concluded group discussions. */
import type { CardActionHandler } from '../../cards/card-action';
import { recollectConclusions, type SummaryDeps } from '../summary-workflow';
import { summaryAction } from './summary-action';

export function collectAction(deps: SummaryDeps): CardActionHandler {
  return summaryAction(deps, async (hr, target, etag) => {
    await recollectConclusions(deps, hr, target, etag);
    return { key: 'notice.collected', color: 'Good' };
  });
}
