/** Renders a discussion card by what it shows: a form step, the summary, or the follow-up check-in. */
import type { AdaptiveCard } from './card-rendering';
import type { DiscussionView, DiscussionViewer, ViewExtras } from './discussion-viewer';
import { renderFollowUpCard } from './follow-up-view';
import { renderStepCard } from './step-view';
import { renderSummaryCard } from './summary-view';

export function renderDiscussionView(
  viewer: DiscussionViewer,
  view: DiscussionView,
  extras: ViewExtras = {},
): AdaptiveCard {
  switch (view.kind) {
    case 'step':
      return renderStepCard(viewer, view.step, extras);
    case 'summary':
      return renderSummaryCard(viewer, extras);
    case 'followUp':
      return renderFollowUpCard(viewer, extras);
  }
}
