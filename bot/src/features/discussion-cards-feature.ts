/**
 * Development discussions in the personal chat: the "my discussion" and "my team" commands and the Adaptive
 * Card actions of the discussion form, summary and follow-up (bot/src/cards).
 */
import { submitPreparationAction, markHeldAction, signAction } from '../cards/actions/transitions';
import { openDiscussion } from '../cards/actions/open-discussion';
import { refreshDiscussion } from '../cards/actions/refresh-discussion';
import { savePreparation } from '../cards/actions/save-preparation';
import { saveSupervisorPart } from '../cards/actions/save-supervisor-part';
import { scheduleAction } from '../cards/actions/schedule';
import { reopenAction } from '../cards/actions/reopen';
import { openFollowUp, saveFollowUp, sendFollowUp } from '../cards/actions/follow-up';
import { openMyTeam } from '../cards/actions/my-team';
import type { CardsContext } from '../cards/cards-context';
import { ReadCaches } from '../cards/read-caches';
import { UserIdDirectory } from '../cards/user-id-directory';
import { VERBS } from '../cards/verbs';
import { myDiscussionCommand } from '../chat/my-discussion-command';
import { myTeamCommand } from '../chat/my-team-command';
import { auditTrail } from '../storage/audit-trail';
import { refreshAfterSigning } from '../summaries/aggregate-refresh';
import type { Feature } from './feature';

export const discussionCardsFeature: Feature = ({ repositories, logger, messenger, now }) => {
  const references = repositories.conversationReferences;
  const context: CardsContext = {
    repositories,
    now,
    logger,
    userIds: new UserIdDirectory(references),
    messenger,
    caches: new ReadCaches(),
    audit: auditTrail(repositories.auditLog, now),
    afterSigning: (discussion, at) =>
      refreshAfterSigning(repositories, discussion.tenantId, discussion.year, discussion.employeeId, at),
  };
  return {
    commands: [myDiscussionCommand(context), myTeamCommand(context)],
    cardActions: {
      [VERBS.open]: openDiscussion(context),
      [VERBS.refresh]: refreshDiscussion(context),
      [VERBS.savePreparation]: savePreparation(context),
      [VERBS.submitPreparation]: submitPreparationAction(context),
      [VERBS.saveSupervisorPart]: saveSupervisorPart(context),
      [VERBS.schedule]: scheduleAction(context),
      [VERBS.markHeld]: markHeldAction(context),
      [VERBS.sign]: signAction(context),
      [VERBS.reopen]: reopenAction(context),
      [VERBS.openFollowUp]: openFollowUp(context),
      [VERBS.saveFollowUp]: saveFollowUp(context),
      [VERBS.sendFollowUp]: sendFollowUp(context),
      [VERBS.myTeam]: openMyTeam(context),
    },
  };
};
