/** Where the form goes after a saved step: the next or previous step, or the summary. */
import type { DiscussionView } from '../discussion-viewer';
import type { StepRequest } from '../card-inputs';

export function afterStep(request: StepRequest): DiscussionView {
  if (request.go === 'review') return { kind: 'summary' };
  return { kind: 'step', step: Math.max(1, request.step + (request.go === 'next' ? 1 : -1)) };
}
