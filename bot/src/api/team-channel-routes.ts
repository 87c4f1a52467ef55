/**
 * Linking a team's (tiimi / vastuualue) Teams channel, where the annual clock posts the team's reminders (the
 * group competence discussion period opening). The team's supervisor or HR links it, from the channel the bot is
 * installed in:
 *   PUT /api/v1/teams/:teamId/channel   body { teamId, channelId }: Teams' ids of the team and the channel
 * `:teamId` is the organisation's team (the HR system's id); the body's ids are Teams' thread ids ("19:…").
 */
import type { Server } from 'restify';
import { z } from 'zod';
import { ApiError } from '../http-kit/api-error';
import { parseBody, pathParam, secured, type RouteKit } from '../http-kit/route-kit';
import type { Repositories } from '../storage/repositories';

const TEXTS = {
  unknownTeam: {
    fi: 'Tiimiä ei löytynyt.',
    sv: 'Teamet hittades inte.',
    en: 'The team was not found.',
  },
  notAllowed: {
    fi: 'Tiimin kanavan voi liittää tiimin esihenkilö tai henkilöstöpalvelut.',
    sv: 'Teamets kanal kan kopplas av teamets chef eller personaltjänsterna.',
    en: 'The team’s channel can be linked by its supervisor or HR.',
  },
};

const teamsId = z.string().min(1).max(200);
const channelSchema = z.object({ teamId: teamsId, channelId: teamsId });

export function registerTeamChannelRoutes(
  server: Server,
  kit: RouteKit,
  repositories: Pick<Repositories, 'teams' | 'channelLinks'>,
): void {
  secured(kit, server, 'put', '/api/v1/teams/:teamId/channel', null, async (req, identity) => {
    const organisationTeamId = pathParam(req, 'teamId');
    const team = await repositories.teams.get(identity.tenantId, organisationTeamId);
    const isHr = identity.roles.includes('hr');
    // Whoever may not link it is not told whether the team exists.
    if (!isHr && team?.value.supervisorId !== identity.person.id)
      throw new ApiError(403, 'auth.forbidden', TEXTS.notAllowed);
    if (!team) throw new ApiError(404, 'team.notFound', TEXTS.unknownTeam);
    const body = parseBody(channelSchema, req);
    await repositories.channelLinks.putForTeam({
      tenantId: identity.tenantId,
      organisationTeamId,
      teamsTeamId: body.teamId,
      channelId: body.channelId,
      linkedBy: identity.person.id,
      linkedAt: kit.now().toISOString(),
    });
    return { status: 200, body: { teamId: organisationTeamId, channel: body } };
  });
}
