/** `summary.publish`: HR publishes the draft and it is announced in the area's channel. */
import type { CardActionHandler } from '../../cards/card-action';
import { postFailureNotice } from '../summary-views';
import { publishSummary, type SummaryDeps } from '../summary-workflow';
import { summaryAction } from './summary-action';

export function publishAction(deps: SummaryDeps): CardActionHandler {
  return summaryAction(deps, async (hr, target, etag, request) => {
    const result = await publishSummary(deps, hr, target, etag);
    // A post the channel did not take leaves the summary a draft; the notice says why.
    return result.posted.status === 'delivered'
      ? { key: 'notice.published', color: 'Good' }
      : postFailureNotice(result.summary.value, request.locale);
  });
}
