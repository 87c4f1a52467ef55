import { shownBy, type Feature } from './feature';
import { TRAINING_PLAN_VERBS } from '../training-plans/training-plan-view';
import { apiAuth } from '../api/auth/api-auth';
import { trainingPlanInteractions } from '../training-plans/training-plan-actions';
import { registerTrainingPlanRoutes } from '../training-plans/training-plan-routes';

/** Personnel and training plans: the cards that move a plan through its lifecycle, the list and the exports. */
export const trainingPlansFeature: Feature = (context) => {
  const { repositories, now } = context;
  const { cardActions, command, view } = trainingPlanInteractions({ repositories, now });
  const kit = { auth: apiAuth(context), now };
  return {
    routes: [(server) => registerTrainingPlanRoutes(server, kit, repositories)],
    commands: [command],
    cardActions,
    cardViews: shownBy(TRAINING_PLAN_VERBS, view),
  };
};
