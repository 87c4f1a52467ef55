/**
 * The dev mode's sign-in, registered only without an Entra app: the JWKS the API checks dev tokens
 * against, a token for a chosen person (the tabs' persona switcher in a plain browser), and the demo
 * personas to choose from.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../logging';
import { DEMO_PERSONAS } from '../../organisation-data/demo-municipality';
import type { Repositories } from '../../storage/repositories';
import { ApiError } from '../../http-kit/api-error';
import { apiRoute } from '../../http-kit/api-route';
import type { DevTokenIssuer } from './dev-token-issuer';

const tokenRequest = z.object({
  tenantId: z.string().uuid(),
  personId: z.string().min(1).max(100),
});

export function registerDevAuthRoutes(
  server: Server,
  deps: { issuer: DevTokenIssuer; repositories: Repositories; demoTenantId: string; logger: Logger },
): void {
  const { issuer, repositories, logger } = deps;

  server.get(
    '/api/dev/jwks.json',
    apiRoute(logger, async (_req, res) => {
      res.json(200, await issuer.jwks());
    }),
  );

  server.post(
    '/api/dev/token',
    apiRoute(logger, async (req, res) => {
      const parsed = tokenRequest.safeParse(req.body);
      if (!parsed.success) {
        throw ApiError.of(400, 'request.invalid', {
          fields: parsed.error.issues.map((i) => i.path.join('.')),
        });
      }
      const person = await repositories.people.getPerson(parsed.data.tenantId, parsed.data.personId);
      if (!person) throw ApiError.of(404, 'dev.personNotFound');
      if (!person.value.aadObjectId) throw ApiError.of(409, 'dev.personNotLinked');
      const token = await issuer.mint(parsed.data.tenantId, person.value.aadObjectId);
      res.header('Cache-Control', 'no-store');
      res.json(200, { tokenType: 'Bearer', ...token });
    }),
  );

  server.get(
    '/api/dev/personas',
    apiRoute(logger, async (_req, res) => {
      res.json(200, {
        tenantId: deps.demoTenantId,
        personas: Object.values(DEMO_PERSONAS).map(({ key, personId, name, roles }) => ({
          key,
          personId,
          name,
          roles,
        })),
      });
    }),
  );
}
