/** `trainingPlan.addNeeds`: the area's anonymous needs are added to its draft. */
import type { CardActionHandler } from '../../cards/card-action';
import type { TrainingPlanDeps } from '../training-plan-context';
import { addAreaNeeds } from '../training-plan-service';
import { planAction, saved } from './plan-action';

export function addNeedsAction(deps: TrainingPlanDeps): CardActionHandler {
  return planAction(deps, async (person, ref, etag) => {
    await addAreaNeeds(deps.repositories, person, ref, etag);
    return saved;
  });
}
