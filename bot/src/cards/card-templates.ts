/**
 * Cards are expanded from the JSON templates beside this module (adaptivecards-templating) with typed view
 * models; each template is parsed once. tests/cards/card-conformance.test.ts holds every card to Teams' size limit.
 */
import { Template } from 'adaptivecards-templating';
import { withoutNulls } from '../summaries/card-rendering';
import discussionStep from './templates/discussion-step.json';
import discussionSummary from './templates/discussion-summary.json';
import followUp from './templates/follow-up.json';
import myTeam from './templates/my-team.json';
import notice from './templates/notice.json';
import type {
  FollowUpCardModel,
  MyTeamCardModel,
  NoticeCardModel,
  StepCardModel,
  SummaryCardModel,
} from './card-models';

export type AdaptiveCard = Record<string, unknown>;

interface TemplateModels {
  discussionStep: StepCardModel;
  discussionSummary: SummaryCardModel;
  followUp: FollowUpCardModel;
  myTeam: MyTeamCardModel;
  notice: NoticeCardModel;
}

const templates: Record<keyof TemplateModels, Template> = {
  discussionStep: new Template(discussionStep),
  discussionSummary: new Template(discussionSummary),
  followUp: new Template(followUp),
  myTeam: new Template(myTeam),
  notice: new Template(notice),
};

export function renderCard<N extends keyof TemplateModels>(name: N, model: TemplateModels[N]): AdaptiveCard {
  return withoutNulls(templates[name].expand({ $root: model })) as AdaptiveCard;
}
