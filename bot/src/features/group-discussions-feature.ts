import { shownBy, type Feature } from './feature';
import { GROUP_DISCUSSION_VERBS } from '../group-discussions/group-discussion-view';
import { UserIdDirectory } from '../cards/user-id-directory';
import { groupDiscussionInteractions } from '../group-discussions/group-discussion-actions';

/** The group competence discussion's card in the team's channel (or a personal chat). */
export const groupDiscussionsFeature: Feature = ({ repositories, now }) => {
  const { cardActions, command } = groupDiscussionInteractions({
    repositories,
    userIds: new UserIdDirectory(repositories.conversationReferences),
    now,
  });
  return {
    commands: [command],
    cardActions,
    cardViews: shownBy(GROUP_DISCUSSION_VERBS, cardActions[GROUP_DISCUSSION_VERBS.show]),
  };
};
