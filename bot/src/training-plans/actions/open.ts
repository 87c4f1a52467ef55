/** `trainingPlan.open`: one plan; an area's editor opening it starts the area's draft. */
import type { CardActionHandler } from '../../cards/card-action';
import type { Person } from '../../domain/organisation';
import type { TrainingPlanDeps } from '../training-plan-context';
import { openAreaPlan, requireVisible } from '../training-plan-service';
import { planAction } from './plan-action';

/** Who drafts an area's plan: HR, or the area's own management team. */
const mayEdit = (person: Person, serviceAreaId: string): boolean =>
  person.roles.includes('hr') ||
  (person.roles.includes('serviceAreaManagementTeam') && person.serviceAreaId === serviceAreaId);

export function openAction(deps: TrainingPlanDeps): CardActionHandler {
  return planAction(deps, async (person, ref) => {
    if (ref.serviceAreaId !== null && mayEdit(person, ref.serviceAreaId))
      await openAreaPlan(deps.repositories, person, ref, deps.now().toISOString());
    else requireVisible(person, ref);
    return null;
  });
}
