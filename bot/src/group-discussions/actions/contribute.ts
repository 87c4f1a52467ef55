/** `groupDiscussion.contribute`: a member adds their thoughts, one per theme they wrote in. */
import { randomUUID } from 'node:crypto';
import type { CardActionHandler } from '../../cards/card-action';
import { GROUP_THEMES } from '../../domain/group-discussion';
import { addContribution, isGroupMember } from '../../domain/group-discussion-rules';
import { changeDiscussion, ref, type GroupDiscussionDeps } from '../group-discussion-context';
import { contributionInputId } from '../group-discussion-view';
import { groupDiscussionAction } from './group-discussion-action';

export function contributeAction(deps: GroupDiscussionDeps): CardActionHandler {
  return groupDiscussionAction(deps, async (person, discussion, request) => {
    const texts = GROUP_THEMES.flatMap((theme) => {
      const value = request.data[contributionInputId(theme)];
      return typeof value === 'string' && value.trim() ? [{ theme, text: value }] : [];
    });
    if (texts.length === 0)
      return { discussion: null, notice: { key: 'groupDiscussion.textRequired', color: 'Attention' } };
    const at = () => deps.now().toISOString();
    const changed = await changeDiscussion(deps, person.tenantId, ref(discussion), (current) =>
      texts.reduce(
        (next, { theme, text }) =>
          addContribution(
            next,
            person.id,
            at(),
            { id: randomUUID(), theme, text },
            isGroupMember(current, person),
          ),
        current,
      ),
    );
    return { discussion: changed, notice: { key: 'notice.added', color: 'Good' } };
  });
}
