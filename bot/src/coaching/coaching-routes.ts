/**
 * HR's coaching question bank in the tabs:
 *   GET  /api/v1/hr/coaching-questions   HR: the organisation's bank (built-in until saved) and its ETag
 *   PUT  /api/v1/hr/coaching-questions   HR: save it (If-Match; none for the first save)
 */
import type { Server } from 'restify';
import { ifMatch, parseBody, secured, type RouteKit } from '../http-kit/route-kit';
import type { Role } from '../domain/organisation';
import type { Repositories } from '../storage/repositories';
import { coachingBank, coachingBankBodySchema, saveCoachingBank } from './coaching-bank-editor';

const HR: readonly Role[] = ['hr'];
const PATH = '/api/v1/hr/coaching-questions';

export function registerCoachingRoutes(
  server: Server,
  kit: RouteKit,
  repositories: Pick<Repositories, 'coachingBanks'>,
): void {
  secured(kit, server, 'get', PATH, HR, async (_req, identity) => ({
    status: 200,
    body: await coachingBank(repositories, identity.tenantId),
  }));

  secured(kit, server, 'put', PATH, HR, async (req, identity) => {
    const { steps } = parseBody(coachingBankBodySchema, req);
    return {
      status: 200,
      body: await saveCoachingBank(repositories, identity.tenantId, steps, ifMatch(req), {
        personId: identity.person.id,
        at: kit.now(),
      }),
    };
  });
}
