/** `developmentAction.open`: the person's own coaching and work-supervision requests. */
import type { CardActionHandler } from '../../cards/card-action';
import { ownRequestsAction, type DevelopmentActionDeps } from './own-requests-action';

export function openAction(deps: DevelopmentActionDeps): CardActionHandler {
  return ownRequestsAction(deps, async () => null);
}
