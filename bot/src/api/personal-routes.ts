/** The personal tab's API: `GET /api/v1/my/competence`, for any signed-in person, about themselves only. */
import type { Server } from 'restify';
import type { AuditTrail } from '../storage/audit-trail';
import type { Repositories } from '../storage/repositories';
import { myCompetence } from './my-competence';
import { secured, type RouteKit } from '../http-kit/route-kit';

export function registerPersonalRoutes(
  server: Server,
  kit: RouteKit,
  repositories: Repositories,
  audit: AuditTrail,
): void {
  secured(kit, server, 'get', '/api/v1/my/competence', null, async (_req, identity) => {
    const body = await myCompetence(repositories, identity.person, kit.now());
    // One entry for the page: it shows the goals of every year's discussion listed.
    if (body.discussions.length > 0)
      await audit.record({
        tenantId: identity.tenantId,
        subjectId: identity.person.id,
        actorId: identity.person.id,
        action: 'read',
        recordKind: 'developmentDiscussion',
        count: body.discussions.length,
        channel: 'tab',
      });
    return { status: 200, body };
  });
}
