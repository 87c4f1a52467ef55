import type { Feature } from './feature';
import { apiAuth } from '../api/auth/api-auth';
import { registerChannelRoutes } from '../api/channel-routes';
import { registerHrRoutes } from '../api/hr-routes';
import { registerPersonalRoutes } from '../api/personal-routes';
import { referenceMessenger } from '../api/proactive-messenger';
import { fanoutSendProgress } from '../api/send-progress';
import { registerTeamRoutes } from '../api/team-routes';
import { openFanout } from '../fanout/fanout-engine';
import { ConnectorSender } from '../teams/connector-sender';
import { auditTrail } from '../privacy/audit-trail';

/**
 * The tabs' API: the personal tab, the supervisor's team and scheduling, HR's clock editor and progress, the
 * channel tab's summaries. Invitations and the group-discussion card go out through the bot's stored
 * conversation references; reminder-send progress is read from the fan-out.
 */
export const tabsApiFeature: Feature = async (context) => {
  const { repositories, config, storage } = context;
  const kit = { auth: apiAuth(context), now: context.now };
  const audit = auditTrail(repositories.auditLog, context.now);
  const messenger = referenceMessenger(
    repositories.conversationReferences,
    new ConnectorSender(config.botAuth),
  );
  const fanout = await openFanout(storage);
  const sends = fanoutSendProgress(fanout.recent);
  return {
    routes: [
      (server) => {
        registerPersonalRoutes(server, kit, repositories, audit);
        registerTeamRoutes(server, kit, repositories, messenger, audit);
        registerHrRoutes(server, kit, repositories, sends);
        registerChannelRoutes(server, kit, repositories);
      },
    ],
  };
};
