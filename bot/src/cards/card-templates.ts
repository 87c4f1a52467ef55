/**
 * The cards of ./templates that are whole messages (the discussion cards, reminders, invitations, the group
 * discussion's channel post), each expanded by the one renderer from its typed view model.
 */
import { cardTemplate, shapedCardTemplate, type AdaptiveCard, type Hole } from './card-rendering';
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

/**
 * The values of a step card that change from card to card, each bound whole in discussion-step.json (texts tested
 * there only for emptiness): the step is expanded once per shape and these are filled in (shapedCardTemplate).
 */
function stepCardHoles(model: StepCardModel, hole: Hole): StepCardModel {
  return {
    ...model,
    refresh: hole(model.refresh),
    title: hole(model.title),
    banner: model.banner && { ...model.banner, text: hole(model.banner.text) },
    textFields: model.textFields.map((field) => ({
      ...field,
      value: hole(field.value),
      error: hole(field.error),
      reference: hole(field.reference),
      unsaved: hole(field.unsaved),
    })),
    ratings: model.ratings.map((rating) => ({
      ...rating,
      value: hole(rating.value),
      selfText: hole(rating.selfText),
      error: hole(rating.error),
    })),
    goalSlots: model.goalSlots.map((slot) => ({
      ...slot,
      text: hole(slot.text),
      textError: hole(slot.textError),
      way: hole(slot.way),
      wayError: hole(slot.wayError),
      status: hole(slot.status),
    })),
    savedAt: hole(model.savedAt),
    actions: model.actions.map((action) => ({ ...action, data: hole(action.data) })),
  };
}

const templates: { [N in keyof TemplateModels]: (model: TemplateModels[N]) => AdaptiveCard } = {
  discussionStep: shapedCardTemplate(discussionStep, stepCardHoles),
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
