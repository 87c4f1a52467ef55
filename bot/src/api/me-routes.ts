/** `GET /api/v1/me`: the signed-in person as the tabs need them (who, roles, language, where). */
import type { Server } from 'restify';
import type { Me } from '../contract/personal';
import type { ApiAuth } from './auth/api-auth';

export function registerMeRoutes(server: Server, auth: ApiAuth): void {
  server.get(
    '/api/v1/me',
    auth.route(async (_req, res, identity) => {
      const { id, firstName, lastName, roles, locale, serviceAreaId, teamId } = identity.person;
      const me: Me = {
        tenantId: identity.tenantId,
        person: { id, firstName, lastName, roles, locale, serviceAreaId, teamId },
      };
      res.json(200, me);
    }),
  );
}
