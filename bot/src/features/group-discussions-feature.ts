import type { Feature } from './feature';
import { UserIdDirectory } from '../cards/user-id-directory';
import { groupDiscussionInteractions } from '../group-discussions/group-discussion-actions';

/** The group competence discussion's card in the team's channel (or a personal chat). */
export const groupDiscussionsFeature: Feature = ({ repositories, now }) => {
  const { cardActions, command } = groupDiscussionInteractions({
    repositories,
    userIds: new UserIdDirectory(repositories.conversationReferences),
    now,
  });
  return { commands: [command], cardActions };
};
