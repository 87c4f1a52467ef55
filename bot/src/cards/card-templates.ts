/**
 * The cards of ./templates that are whole messages (the discussion cards, reminders, invitations, the group
 * discussion's channel post), each expanded by the one renderer from its typed view model.
 */
import { cardTemplate, type AdaptiveCard } from './card-rendering';
import discussionStep from './templates/discussion-step.json';
import discussionSummary from './templates/discussion-summary.json';
import followUp from './templates/follow-up.json';
import groupDiscussionStart from './templates/group-discussion-start.json';
import invitation from './templates/invitation.json';
import myTeam from './templates/my-team.json';
import notice from './templates/notice.json';
import reminder from './templates/reminder.json';
import type {
  FollowUpCardModel,
  GroupDiscussionStartCardModel,
  InvitationCardModel,
  MyTeamCardModel,
  NoticeCardModel,
  ReminderCardModel,
  StepCardModel,
  SummaryCardModel,
} from './card-models';

interface TemplateModels {
  discussionStep: StepCardModel;
  discussionSummary: SummaryCardModel;
  followUp: FollowUpCardModel;
  myTeam: MyTeamCardModel;
  notice: NoticeCardModel;
  reminder: ReminderCardModel;
  invitation: InvitationCardModel;
  groupDiscussionStart: GroupDiscussionStartCardModel;
}

const templates: { [N in keyof TemplateModels]: (model: TemplateModels[N]) => AdaptiveCard } = {
  discussionStep: cardTemplate(discussionStep),
  discussionSummary: cardTemplate(discussionSummary),
  followUp: cardTemplate(followUp),
  myTeam: cardTemplate(myTeam),
  notice: cardTemplate(notice),
  reminder: cardTemplate(reminder),
  invitation: cardTemplate(invitation),
  groupDiscussionStart: cardTemplate(groupDiscussionStart),
};

export function renderCard<N extends keyof TemplateModels>(name: N, model: TemplateModels[N]): AdaptiveCard {
  const render: (model: TemplateModels[N]) => AdaptiveCard = templates[name];
  return render(model);
}
