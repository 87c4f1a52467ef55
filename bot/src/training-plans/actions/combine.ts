/** `trainingPlan.combine`: HR combines the areas' plans into the central plan. */
import type { CardActionHandler } from '../../cards/card-action';
import type { TrainingPlanDeps } from '../training-plan-context';
import { combineCentralPlan } from '../training-plan-service';
import { planAction } from './plan-action';

export function combineAction(deps: TrainingPlanDeps): CardActionHandler {
  return planAction(deps, async (person, ref, etag) => {
    await combineCentralPlan(deps.repositories, person, ref, etag, deps.now().toISOString());
    return { key: 'notice.combined', color: 'Good' };
  });
}
