/** `trainingPlans.overview`: the year's plans the person may see, the central plan first. */
import { z } from 'zod';
import type { CardActionHandler } from '../../cards/card-action';
import { actingPerson, cardData } from '../../cards/card-action-kit';
import { message, overview, thisYear, type TrainingPlanDeps } from '../training-plan-context';
import { maySee } from '../training-plan-service';
import { cardYear } from '../../cards/card-action-kit';

export function overviewAction(deps: TrainingPlanDeps): CardActionHandler {
  return async (request) => {
    const person = actingPerson(request);
    if (!person) return message(request.locale, 'notice.notLinked');
    if (!maySee(person, null)) return message(request.locale, 'trainingPlan.notVisible');
    const shown =
      cardData(z.object({ year: cardYear.optional() }), request)?.year ??
      (await thisYear(deps, person.tenantId));
    return overview(deps, person, request.locale, shown);
  };
}
