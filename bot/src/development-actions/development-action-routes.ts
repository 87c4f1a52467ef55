/**
 * HR's view of the demand for coaching and work supervision (anonymous counts only):
 *   GET /api/v1/development-actions/demand?year=
 */
import type { Server } from 'restify';
import { secured, yearParam, type RouteKit } from '../http-kit/route-kit';
import type { Repositories } from '../storage/repositories';
import { demandByArea } from './development-action-service';

export function registerDevelopmentActionRoutes(
  server: Server,
  kit: RouteKit,
  repositories: Repositories,
): void {
  secured(kit, server, 'get', '/api/v1/development-actions/demand', ['hr'], async (req, identity) => {
    // The round the summaries and training plans work on, as in HR's summaries desk.
    const year = await yearParam(req, async () =>
      repositories.annualClocks.currentRound(identity.tenantId, kit.now(), 'planning'),
    );
    return { status: 200, body: await demandByArea(repositories, identity.tenantId, year) };
  });
}
