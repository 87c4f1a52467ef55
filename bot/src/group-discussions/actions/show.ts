/** `groupDiscussion.show`: the discussion as it is now, in the viewer's own view. */
import type { CardActionHandler } from '../../cards/card-action';
import type { GroupDiscussionDeps } from '../group-discussion-context';
import { groupDiscussionAction } from './group-discussion-action';

export function showAction(deps: GroupDiscussionDeps): CardActionHandler {
  return groupDiscussionAction(deps, async () => ({ discussion: null, notice: null }));
}
