/** `trainingPlan.confirm`: the plan is confirmed. */
import type { CardActionHandler } from '../../cards/card-action';
import type { TrainingPlanDeps } from '../training-plan-context';
import { confirmPlan } from '../training-plan-service';
import { planAction } from './plan-action';

export function confirmAction(deps: TrainingPlanDeps): CardActionHandler {
  return planAction(deps, async (person, ref, etag) => {
    await confirmPlan(deps.repositories, person, ref, etag, deps.now().toISOString());
    return { key: 'notice.confirmed', color: 'Good' };
  });
}
