/**
 * The tab API's refusals as the shared ApiError (sent, localised, by the auth route wrapper): a status, a
 * stable code and details. A stale edit is 409 with the record as it now stands; a rule of the practice that
 * refuses is 422 with the domain's own code, which the tabs translate.
 */
import { DomainRuleError } from '../domain/errors';
import { ApiError } from './api-error';
import { TABS_API_MESSAGES, type TabsApiMessageCode } from './tabs-api-messages';

export function refusal(
  status: number,
  code: TabsApiMessageCode,
  details?: Record<string, unknown>,
): ApiError {
  return new ApiError(status, code, TABS_API_MESSAGES[code], details);
}

export const notFound = (code: TabsApiMessageCode): ApiError => refusal(404, code);

/** Someone else's write came first: nothing was stored; `latest` is what is stored now (null: nothing). */
export const conflict = (latest: unknown): ApiError => refusal(409, 'edit.conflict', { latest });

export function domainRefusal(error: DomainRuleError): ApiError {
  return new ApiError(422, error.code, TABS_API_MESSAGES['rule.refused']);
}
