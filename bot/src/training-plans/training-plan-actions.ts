/**
 * Training plans in Teams: "koulutussuunnitelma" opens the year's plans; the card's verbs edit and move them on,
 * one handler per verb in `actions/`.
 */
import type { CardActionHandler } from '../cards/card-action';
import type { ChatCommand } from '../chat/chat-commands';
import { asReply } from '../chat/chat-reply';
import { addItemAction } from './actions/add-item';
import { addNeedsAction } from './actions/add-needs';
import { combineAction } from './actions/combine';
import { confirmAction } from './actions/confirm';
import { openAction } from './actions/open';
import { overviewAction } from './actions/overview';
import { removeItemAction } from './actions/remove-item';
import { reviewAction } from './actions/review';
import { submitAction } from './actions/submit';
import { viewAction } from './actions/view';
import type { TrainingPlanDeps } from './training-plan-context';
import { TRAINING_PLAN_VERBS } from './training-plan-view';

export type { TrainingPlanDeps };

export function trainingPlanInteractions(deps: TrainingPlanDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
  /** The plan the card names, as it stands: never creates or changes one (`open` starts an area's draft). */
  view: CardActionHandler;
} {
  const cardActions: Record<string, CardActionHandler> = {
    [TRAINING_PLAN_VERBS.overview]: overviewAction(deps),
    [TRAINING_PLAN_VERBS.open]: openAction(deps),
    [TRAINING_PLAN_VERBS.addItem]: addItemAction(deps),
    [TRAINING_PLAN_VERBS.removeItem]: removeItemAction(deps),
    [TRAINING_PLAN_VERBS.addNeeds]: addNeedsAction(deps),
    [TRAINING_PLAN_VERBS.submit]: submitAction(deps),
    [TRAINING_PLAN_VERBS.combine]: combineAction(deps),
    [TRAINING_PLAN_VERBS.review]: reviewAction(deps),
    [TRAINING_PLAN_VERBS.confirm]: confirmAction(deps),
  };

  const command: ChatCommand = {
    id: 'trainingPlan',
    triggers: [
      'koulutussuunnitelma',
      'koulutussuunnitelmat',
      'utbildningsplan',
      'utbildningsplaner',
      'training plan',
      'training plans',
    ],
    helpKey: 'help.command.trainingPlan',
    roles: ['hr', 'cityManagementTeam', 'serviceAreaManagementTeam', 'cooperationCommittee'],
    handle: async (context) => {
      const overviewVerb = cardActions[TRAINING_PLAN_VERBS.overview];
      if (!overviewVerb) return [];
      const result = await overviewVerb({
        ...context,
        verb: TRAINING_PLAN_VERBS.overview,
        data: {},
        conversationType: null,
      });
      return [asReply(result)];
    },
  };

  return { cardActions, command, view: viewAction(deps) };
}
