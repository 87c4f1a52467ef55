/** `groupDiscussion.reopen`: the chair opens a concluded discussion again. */
import type { CardActionHandler } from '../../cards/card-action';
import { reopenGroupDiscussion } from '../../domain/group-discussion-rules';
import { changeDiscussion, ref, type GroupDiscussionDeps } from '../group-discussion-context';
import { groupDiscussionAction } from './group-discussion-action';

export function reopenAction(deps: GroupDiscussionDeps): CardActionHandler {
  return groupDiscussionAction(deps, async (person, discussion) => {
    const changed = await changeDiscussion(deps, person.tenantId, ref(discussion), (current) =>
      reopenGroupDiscussion(current, person.id, deps.now().toISOString()),
    );
    return { discussion: changed, notice: { key: 'notice.reopened', color: 'Accent' } };
  });
}
