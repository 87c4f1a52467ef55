/** `groupDiscussion.saveConclusions`: the chair records the conclusions of every theme. */
import type { CardActionHandler } from '../../cards/card-action';
import { GROUP_THEMES } from '../../domain/group-discussion';
import { recordConclusions } from '../../domain/group-discussion-rules';
import { changeDiscussion, ref, type GroupDiscussionDeps } from '../group-discussion-context';
import { conclusionInputId } from '../group-discussion-view';
import { groupDiscussionAction } from './group-discussion-action';

export function saveConclusionsAction(deps: GroupDiscussionDeps): CardActionHandler {
  return groupDiscussionAction(deps, async (person, discussion, request) => {
    const conclusions = Object.fromEntries(
      GROUP_THEMES.map((theme) => [theme, String(request.data[conclusionInputId(theme)] ?? '')]),
    );
    const changed = await changeDiscussion(deps, person.tenantId, ref(discussion), (current) =>
      recordConclusions(current, person.id, deps.now().toISOString(), conclusions),
    );
    return { discussion: changed, notice: { key: 'notice.saved', color: 'Good' } };
  });
}
