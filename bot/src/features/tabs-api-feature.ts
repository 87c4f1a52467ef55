import type { Feature } from './feature';
import { apiAuth } from '../api/auth/api-auth';
import { registerChannelRoutes } from '../api/channel-routes';
import { GROUP_POST_DELIVERED, groupPostDelivered } from '../group-discussions/group-discussion-start';
import { registerHrRoutes } from '../api/hr-routes';
import { registerPersonalRoutes } from '../api/personal-routes';
import { fanoutSendProgress } from '../api/send-progress';
import { effectiveThreshold } from '../summaries/anonymous-figures';
import { registerTeamRoutes } from '../api/team-routes';
import { graphCalendar } from '../calendar/graph-calendar';
import { onBehalfOf } from '../calendar/on-behalf-of';
import { openFanout } from '../fanout/fanout-engine';
import { auditTrail } from '../storage/audit-trail';

/**
 * The tabs' API: the personal tab, the supervisor's team and scheduling, HR's clock editor and progress, the
 * channel tab's summaries. Invitations and the group-discussion card go out through the bot's stored
 * conversation references; with Graph configured, meetings also go to the supervisor's calendar; reminder-send progress is read from the fan-out.
 */
export const tabsApiFeature: Feature = async (context) => {
  const { repositories, config, storage, messenger } = context;
  const kit = { auth: apiAuth(context), now: context.now };
  const audit = auditTrail(repositories.auditLog, context.now);
  const fanout = await openFanout(storage);
  const sends = fanoutSendProgress(fanout.recent, async (tenantId) =>
    effectiveThreshold((await repositories.organisations.get(tenantId))?.value.anonymityThreshold ?? 0),
  );
  const calendar = config.graphCalendar
    ? graphCalendar(config.graphCalendar, onBehalfOf(config.graphCalendar))
    : null;
  return {
    routes: [
      (server) => {
        registerPersonalRoutes(server, kit, repositories, audit);
        registerTeamRoutes(server, kit, repositories, messenger, audit, calendar);
        registerHrRoutes(server, kit, repositories, sends);
        registerChannelRoutes(server, kit, repositories);
      },
    ],
    onDelivered: { [GROUP_POST_DELIVERED]: groupPostDelivered(repositories, context.now) },
  };
};
