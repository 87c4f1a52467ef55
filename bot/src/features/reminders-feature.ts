import type { Feature } from './feature';
import { apiAuth } from '../api/auth/api-auth';
import { registerTeamChannelRoutes } from '../api/team-channel-routes';
import { linkedChannels } from '../clock/linked-channels';
import { startReminderService } from '../clock/reminder-service';
import { ConnectorSender } from '../teams/connector-sender';

/**
 * The annual clock's reminders (REMINDERS=on): each day the scheduler plans every tenant's reminders into
 * campaigns and the fan-out's worker delivers them through the Bot Connector — to people's 1:1 chats and to the
 * service areas' and teams' linked channels. The team-channel link route is there whether or not they run.
 */
export const remindersFeature: Feature = (context) => {
  const { config, repositories, logger } = context;
  const tabDomain = config.apiAuth.tabDomain;
  return {
    routes: [
      (server) =>
        registerTeamChannelRoutes(server, { auth: apiAuth(context), now: context.now }, repositories),
    ],
    start: async () => {
      if (!config.reminders.enabled) {
        logger.info('reminders.off');
        return async () => undefined;
      }
      const stop = await startReminderService(context, {
        sender: new ConnectorSender(config.botAuth),
        channels: linkedChannels(repositories),
        links: () => ({
          teamsAppId: config.reminders.teamsAppId,
          tabsBaseUrl: tabDomain ? `https://${tabDomain}` : context.baseUrl(),
        }),
        serviceUrl: config.reminders.serviceUrl,
      });
      logger.info('reminders.started', { createsChats: config.reminders.serviceUrl !== null });
      return stop;
    },
  };
};
