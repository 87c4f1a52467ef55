/** `groupDiscussion.conclude`: the chair records the conclusions sent with the card and concludes the discussion. */
import type { CardActionHandler } from '../../cards/card-action';
import { GROUP_THEMES } from '../../domain/group-discussion';
import { concludeGroupDiscussion, recordConclusions } from '../../domain/group-discussion-rules';
import { changeDiscussion, ref, type GroupDiscussionDeps } from '../group-discussion-context';
import { conclusionInputId } from '../group-discussion-view';
import { groupDiscussionAction } from './group-discussion-action';

export function concludeAction(deps: GroupDiscussionDeps): CardActionHandler {
  return groupDiscussionAction(deps, async (person, discussion, request) => {
    const conclusions = Object.fromEntries(
      GROUP_THEMES.flatMap((theme) => {
        const value = request.data[conclusionInputId(theme)];
        return typeof value === 'string' ? [[theme, value]] : [];
      }),
    );
    const at = () => deps.now().toISOString();
    const changed = await changeDiscussion(deps, person.tenantId, ref(discussion), (current) => {
      const recorded =
        Object.keys(conclusions).length > 0
          ? recordConclusions(current, person.id, at(), conclusions)
          : current;
      return concludeGroupDiscussion(recorded, person.id, at());
    });
    return { discussion: changed, notice: { key: 'notice.concluded', color: 'Good' } };
  });
}
