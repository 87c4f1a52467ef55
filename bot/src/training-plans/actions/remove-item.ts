/** `trainingPlan.removeItem`: a training need is removed from the plan. */
import type { CardActionHandler } from '../../cards/card-action';
import type { TrainingPlanDeps } from '../training-plan-context';
import { replaceItems } from '../training-plan-service';
import { planAction, saved } from './plan-action';

export function removeItemAction(deps: TrainingPlanDeps): CardActionHandler {
  return planAction(deps, async (person, ref, etag, request) => {
    const itemId = String(request.data.itemId ?? '');
    await replaceItems(deps.repositories, person, ref, etag, (items) =>
      items.filter((item) => item.id !== itemId),
    );
    return saved;
  });
}
