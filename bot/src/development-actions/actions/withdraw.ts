/** `developmentAction.withdraw`: the person withdraws their request of one kind. */
import type { CardActionHandler } from '../../cards/card-action';
import { isKind, withdrawAction as withdrawDevelopmentAction } from '../development-action-service';
import { ownRequestsAction, type DevelopmentActionDeps } from './own-requests-action';

export function withdrawAction(deps: DevelopmentActionDeps): CardActionHandler {
  return ownRequestsAction(deps, async (person, year, request) => {
    const kind = String(request.data.kind ?? '');
    if (!isKind(kind)) return null;
    await withdrawDevelopmentAction(deps.repositories, person, year, kind, deps.now().toISOString());
    return { key: 'notice.withdrawn', color: 'Accent' };
  });
}
