/**
 * Authorization checks for route handlers, on an authenticated RequestIdentity. The `require…` forms throw
 * the 403 ApiError that the route wrapper sends; the others answer yes or no.
 */
import type { Person, Role } from '../domain/organisation';
import { ApiError } from './api-error';
import type { RequestIdentity } from './request-identity';

export function forbidden(): ApiError {
  return ApiError.of(403, 'auth.forbidden');
}

export function hasAnyRole(identity: RequestIdentity, roles: readonly Role[]): boolean {
  return identity.roles.some((role) => roles.includes(role));
}

export function requireAnyRole(identity: RequestIdentity, roles: readonly Role[]): void {
  if (!hasAnyRole(identity, roles)) throw forbidden();
}

type PersonRef = Pick<Person, 'tenantId' | 'id' | 'supervisorId'>;

/** The person's own record. */
export function isSelf(identity: RequestIdentity, person: PersonRef): boolean {
  return person.tenantId === identity.tenantId && person.id === identity.person.id;
}

/** The caller is the person's direct supervisor (the person's supervisorId). */
export function isSupervisorOf(identity: RequestIdentity, person: PersonRef): boolean {
  return person.tenantId === identity.tenantId && person.supervisorId === identity.person.id;
}

export function requireSelfOrSupervisorOf(identity: RequestIdentity, person: PersonRef): void {
  if (!isSelf(identity, person) && !isSupervisorOf(identity, person)) throw forbidden();
}
