/**
 * HR's API (role `hr`; aggregates and the organisation's settings, never a person's discussion):
 *   GET /api/v1/hr/clock                                          the clock, its ETag and the service areas' rules
 *   PUT /api/v1/hr/clock                                          save the clock (If-Match; none for the first save)
 *   PUT /api/v1/hr/service-areas/:serviceAreaId/alternating-year-rule   save an area's rule (If-Match)
 *   GET /api/v1/hr/progress?year=                                 discussions due, scheduled and held per area
 *   GET /api/v1/hr/sends?continuationToken=                       reminder sends, newest first, with their counts
 */
import type { Server } from 'restify';
import type { Repositories } from '../storage/repositories';
import {
  alternatingRuleSchema,
  clockEditor,
  clockSchema,
  saveAlternatingRule,
  saveClock,
} from './clock-editor';
import { roundProgress } from './hr-progress';
import {
  continuationTokenParam,
  ifMatch,
  parseBody,
  pathParam,
  secured,
  yearParam,
  type RouteKit,
} from '../http-kit/route-kit';
import type { SendProgressSource } from './send-progress';

export function registerHrRoutes(
  server: Server,
  kit: RouteKit,
  repositories: Repositories,
  sends: SendProgressSource,
): void {
  secured(kit, server, 'get', '/api/v1/hr/clock', ['hr'], async (_req, identity) => ({
    status: 200,
    body: await clockEditor(repositories, identity.tenantId),
  }));

  secured(kit, server, 'put', '/api/v1/hr/clock', ['hr'], async (req, identity) => ({
    status: 200,
    body: await saveClock(repositories, identity.tenantId, parseBody(clockSchema, req), ifMatch(req)),
  }));

  secured(
    kit,
    server,
    'put',
    '/api/v1/hr/service-areas/:serviceAreaId/alternating-year-rule',
    ['hr'],
    async (req, identity) => ({
      status: 200,
      body: await saveAlternatingRule(
        repositories,
        identity.tenantId,
        pathParam(req, 'serviceAreaId'),
        parseBody(alternatingRuleSchema, req).rule,
        ifMatch(req),
      ),
    }),
  );

  secured(kit, server, 'get', '/api/v1/hr/progress', ['hr'], async (req, identity) => {
    const year = await yearParam(req, async () =>
      repositories.annualClocks.currentRound(identity.tenantId, kit.now()),
    );
    return { status: 200, body: await roundProgress(repositories, identity.tenantId, year) };
  });

  secured(kit, server, 'get', '/api/v1/hr/sends', ['hr'], async (req, identity) => ({
    status: 200,
    body: await sends.list(identity.tenantId, continuationTokenParam(req)),
  }));
}
