/**
 * The channel tab's API, for any signed-in person of the organisation:
 *   GET /api/v1/service-areas                                     the service areas (for the tab's configuration)
 * The area's published summaries are GET /api/v1/service-areas/:serviceAreaId/summary-publications
 * (summaries/summary-routes.ts).
 */
import type { Server } from 'restify';
import type { Repositories } from '../storage/repositories';
import { serviceAreaList } from './channel-summaries';
import { secured, type RouteKit } from '../http-kit/route-kit';

export function registerChannelRoutes(server: Server, kit: RouteKit, repositories: Repositories): void {
  secured(kit, server, 'get', '/api/v1/service-areas', null, async (_req, identity) => ({
    status: 200,
    body: { serviceAreas: await serviceAreaList(repositories, identity.tenantId) },
  }));
}
