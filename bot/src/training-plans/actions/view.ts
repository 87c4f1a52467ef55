/** The plan the card names, as it stands: never creates or changes one (`open` starts an area's draft). */
import type { CardActionHandler } from '../../cards/card-action';
import type { TrainingPlanDeps } from '../training-plan-context';
import { requireVisible } from '../training-plan-service';
import { planAction } from './plan-action';

export function viewAction(deps: TrainingPlanDeps): CardActionHandler {
  return planAction(deps, async (person, ref) => {
    requireVisible(person, ref);
    return null;
  });
}
