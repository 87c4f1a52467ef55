/** `developmentAction.demand`: for HR, the requests of the round counted by service area. */
import type { CardActionHandler } from '../../cards/card-action';
import { actingPerson, cardData } from '../../cards/card-action-kit';
import { demandByArea } from '../development-action-service';
import { demandCard } from '../development-action-view';
import { message, yearSchema, type DevelopmentActionDeps } from './own-requests-action';

export function demandAction(deps: DevelopmentActionDeps): CardActionHandler {
  const { repositories } = deps;
  // HR's demand is the round the summaries and training plans work on.
  const demandYear = async (tenantId: string): Promise<number> =>
    repositories.annualClocks.currentRound(tenantId, deps.now(), 'planning');
  return async (request) => {
    const person = actingPerson(request);
    if (!person) return message(request.locale, 'notice.notLinked');
    if (!person.roles.includes('hr')) return message(request.locale, 'demand.notAllowed');
    const year = cardData(yearSchema, request)?.year ?? (await demandYear(request.tenantId));
    return {
      kind: 'card',
      card: demandCard(request.locale, await demandByArea(repositories, request.tenantId, year)),
    };
  };
}
