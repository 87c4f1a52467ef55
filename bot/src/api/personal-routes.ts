/** The personal tab's API: `GET /api/v1/my/competence`, for any signed-in person, about themselves only. */
import type { Server } from 'restify';
import type { Repositories } from '../storage/repositories';
import { myCompetence } from './my-competence';
import { secured, type RouteKit } from './route-kit';

export function registerPersonalRoutes(server: Server, kit: RouteKit, repositories: Repositories): void {
  secured(kit, server, 'get', '/api/v1/my/competence', null, async (_req, identity) => ({
    status: 200,
    body: await myCompetence(repositories, identity.person, kit.now()),
  }));
}
