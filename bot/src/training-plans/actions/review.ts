/** `trainingPlan.review`: the plan is marked reviewed. */
import type { CardActionHandler } from '../../cards/card-action';
import type { TrainingPlanDeps } from '../training-plan-context';
import { reviewPlan } from '../training-plan-service';
import { planAction } from './plan-action';

export function reviewAction(deps: TrainingPlanDeps): CardActionHandler {
  return planAction(deps, async (person, ref, etag) => {
    await reviewPlan(deps.repositories, person, ref, etag, deps.now().toISOString());
    return { key: 'notice.reviewed', color: 'Good' };
  });
}
