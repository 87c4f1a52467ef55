/** `trainingPlan.submit`: the area's plan is submitted to HR. */
import type { CardActionHandler } from '../../cards/card-action';
import type { TrainingPlanDeps } from '../training-plan-context';
import { submitAreaPlan } from '../training-plan-service';
import { planAction } from './plan-action';

export function submitAction(deps: TrainingPlanDeps): CardActionHandler {
  return planAction(deps, async (person, ref, etag) => {
    await submitAreaPlan(deps.repositories, person, ref, etag, deps.now().toISOString());
    return { key: 'notice.submitted', color: 'Good' };
  });
}
