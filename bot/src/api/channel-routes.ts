/**
 * The channel tab's API, for any signed-in person of the organisation:
 *   GET /api/v1/service-areas                                     the service areas (for the tab's configuration)
 *   GET /api/v1/service-areas/:serviceAreaId/summaries            the area's published summaries
 */
import type { Server } from 'restify';
import type { Repositories } from '../storage/repositories';
import { channelSummaries, serviceAreaList } from './channel-summaries';
import { pathParam, secured, type RouteKit } from './route-kit';

export function registerChannelRoutes(server: Server, kit: RouteKit, repositories: Repositories): void {
  secured(kit, server, 'get', '/api/v1/service-areas', null, async (_req, identity) => ({
    status: 200,
    body: { serviceAreas: await serviceAreaList(repositories, identity.tenantId) },
  }));

  secured(
    kit,
    server,
    'get',
    '/api/v1/service-areas/:serviceAreaId/summaries',
    null,
    async (req, identity) => ({
      status: 200,
      body: await channelSummaries(
        repositories,
        identity.tenantId,
        pathParam(req, 'serviceAreaId'),
        kit.now(),
      ),
    }),
  );
}
