/** `developmentAction.request`: the person asks for a kind of coaching or work supervision in a chosen form. */
import type { CardActionHandler } from '../../cards/card-action';
import { isForm, isKind, requestAction as requestDevelopmentAction } from '../development-action-service';
import { ownRequestsAction, type DevelopmentActionDeps } from './own-requests-action';

export function requestAction(deps: DevelopmentActionDeps): CardActionHandler {
  return ownRequestsAction(deps, async (person, year, request) => {
    const [kind = '', form = ''] = String(request.data.choice ?? '').split(':');
    if (!isKind(kind) || !isForm(form)) return null;
    await requestDevelopmentAction(deps.repositories, person, year, kind, form, deps.now().toISOString());
    return { key: 'notice.requested', color: 'Good' };
  });
}
