/**
 * The supervisor's API (role `supervisor`; each call reaches only the caller's own reports and teams):
 *   GET    /api/v1/team?year=&continuationToken=                        the team overview, a page of reports
 *   PUT    /api/v1/team/discussions/:year/:employeeId/meeting           schedule or move (If-Match)
 *   DELETE /api/v1/team/discussions/:year/:employeeId/meeting           cancel (If-Match)
 *   GET    /api/v1/team/discussions/:year/:employeeId/meeting/preview?scheduledAt=&durationMinutes=
 *                                                                       the invitation card scheduling would send
 *   POST   /api/v1/team/group-discussions                               start a team's group discussion
 *   GET    /api/v1/team/group-discussions/:year/:teamId/preview         the card the start would post
 *   GET    /api/v1/discussions/:year/:employeeId/meeting.ics            the meeting (or its cancellation) as text/calendar
 */
import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { GraphCalendar } from '../calendar/graph-calendar';
import { isZonedDateTime } from '../domain/calendar';
import type { AuditTrail } from '../storage/audit-trail';
import type { Repositories } from '../storage/repositories';
import type { RequestIdentity } from '../http-kit/request-identity';
import { groupDiscussionPreview, invitationPreview } from './card-previews';
import { startGroupDiscussion } from '../group-discussions/group-discussion-start';
import {
  cancelMeeting,
  DEFAULT_DURATION_MINUTES,
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
  meetingCalendarFile,
  scheduleMeeting,
} from './meeting-scheduling';
import { currentRoundYear } from '../domain/annual-clock-rules';
import type { ProactiveMessenger } from '../fanout/proactive-messenger';
import {
  continuationTokenParam,
  ifMatch,
  parseBody,
  parseYear,
  pathParam,
  parseQuery,
  secured,
  yearParam,
  type RouteKit,
} from '../http-kit/route-kit';
import type { CalendarCaller } from './meeting-calendar';
import { teamOverview } from './team-overview';
import { YEAR_BOUNDS } from '../tunables';

const meetingSchema = z.object({
  scheduledAt: z.string().refine(isZonedDateTime),
  durationMinutes: z
    .number()
    .int()
    .min(MIN_DURATION_MINUTES)
    .max(MAX_DURATION_MINUTES)
    .default(DEFAULT_DURATION_MINUTES),
});

/** The preview's query string: the time and length the supervisor is about to send, as text. */
const meetingPreviewSchema = z.object({
  scheduledAt: z.string().refine(isZonedDateTime),
  durationMinutes: z.coerce
    .number()
    .int()
    .min(MIN_DURATION_MINUTES)
    .max(MAX_DURATION_MINUTES)
    .default(DEFAULT_DURATION_MINUTES),
});

const groupStartSchema = z.object({
  year: z.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max),
  teamId: z.string().min(1).max(128),
  channel: z
    .object({ teamId: z.string().min(1).max(256), channelId: z.string().min(1).max(256).nullable() })
    .nullable(),
});

const calendarCaller = (identity: RequestIdentity): CalendarCaller => ({
  tenantId: identity.tenantId,
  aadObjectId: identity.aadObjectId,
  accessToken: identity.accessToken,
  locale: identity.locale,
});

function meetingTarget(req: Request) {
  return {
    year: parseYear(pathParam(req, 'year')),
    employeeId: pathParam(req, 'employeeId'),
    ifMatch: ifMatch(req),
  };
}

export function registerTeamRoutes(
  server: Server,
  kit: RouteKit,
  repositories: Repositories,
  messenger: ProactiveMessenger,
  audit: AuditTrail,
  calendar: GraphCalendar | null = null,
): void {
  const deps = { repositories, messenger, audit, calendar };
  const meetingPath = '/api/v1/team/discussions/:year/:employeeId/meeting';

  secured(kit, server, 'get', '/api/v1/team', ['supervisor'], async (req, identity) => {
    const year = await yearParam(req, async () =>
      currentRoundYear(
        await repositories.annualClocks.inEffect(identity.tenantId),
        identity.person.serviceAreaId,
        kit.now(),
      ),
    );
    return {
      status: 200,
      body: await teamOverview(repositories, identity.person, year, continuationTokenParam(req)),
    };
  });

  secured(kit, server, 'put', meetingPath, ['supervisor'], async (req, identity) => {
    const body = parseBody(meetingSchema, req);
    const target = { ...meetingTarget(req), ...body };
    return {
      status: 200,
      body: await scheduleMeeting(deps, identity.person, target, kit.now(), calendarCaller(identity)),
    };
  });

  secured(kit, server, 'del', meetingPath, ['supervisor'], async (req, identity) => ({
    status: 200,
    body: await cancelMeeting(deps, identity.person, meetingTarget(req), kit.now(), calendarCaller(identity)),
  }));

  // Posts nothing and stores nothing: the card the PUT above would send for this time.
  secured(kit, server, 'get', `${meetingPath}/preview`, ['supervisor'], async (req, identity) => {
    const proposed = parseQuery(meetingPreviewSchema, req);
    const target = meetingTarget(req);
    return {
      status: 200,
      body: await invitationPreview(
        deps,
        identity.person,
        { year: target.year, employeeId: target.employeeId, ...proposed },
        kit.now(),
      ),
    };
  });

  // The meeting's .ics, for the employee's or the supervisor's other calendar (a bot cannot attach it in Teams):
  // an iCalendar object as RFC 5545 registers it (media type text/calendar, 8.1), saved as a file by the tab.
  server.get(
    '/api/v1/discussions/:year/:employeeId/meeting.ics',
    kit.auth.route(async (req, res, identity) => {
      const file = await meetingCalendarFile(
        deps,
        identity.person,
        parseYear(pathParam(req, 'year')),
        pathParam(req, 'employeeId'),
      );
      res.header('Content-Type', file.contentType);
      res.header('Content-Disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`);
      // Personal data: never kept by a cache between the tab and the service.
      res.header('Cache-Control', 'no-store');
      res.sendRaw(200, Buffer.from(file.content, 'utf8'));
    }),
  );

  secured(
    kit,
    server,
    'get',
    '/api/v1/team/group-discussions/:year/:teamId/preview',
    ['supervisor'],
    async (req, identity) => ({
      status: 200,
      body: await groupDiscussionPreview(repositories, identity.person, {
        year: parseYear(pathParam(req, 'year')),
        teamId: pathParam(req, 'teamId'),
      }),
    }),
  );

  secured(kit, server, 'post', '/api/v1/team/group-discussions', ['supervisor'], async (req, identity) => {
    const result = await startGroupDiscussion(
      deps,
      identity.person,
      parseBody(groupStartSchema, req),
      kit.now(),
    );
    return { status: result.created ? 201 : 200, body: result };
  });
}
