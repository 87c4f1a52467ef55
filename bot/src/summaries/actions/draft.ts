/** `summary.draft`: HR creates the year's draft of the area's summary, or refreshes a draft's figures. */
import type { CardActionHandler } from '../../cards/card-action';
import { draftSummary, type SummaryDeps } from '../summary-workflow';
import { summaryAction } from './summary-action';

export function draftAction(deps: SummaryDeps): CardActionHandler {
  return summaryAction(deps, async (hr, target, etag) => {
    await draftSummary(deps, hr, target, etag);
    return { key: 'notice.drafted', color: 'Good' };
  });
}
