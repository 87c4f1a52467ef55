/** `summary.revise`: HR takes a published summary back to editing; the notice says when it was published. */
import type { CardActionHandler } from '../../cards/card-action';
import { formatDate } from '../../cards/localised';
import { reviseSummary, type SummaryDeps } from '../summary-workflow';
import { summaryAction } from './summary-action';

export function reviseAction(deps: SummaryDeps): CardActionHandler {
  return summaryAction(deps, async (hr, target, etag, request) => {
    const revised = await reviseSummary(deps, hr, target, etag);
    const publishedAt = revised.value.publishedAt;
    return {
      key: 'notice.revised',
      color: 'Accent',
      params: { date: publishedAt ? formatDate(publishedAt, request.locale) : '' },
    };
  });
}
