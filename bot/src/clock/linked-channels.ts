/**
 * The channels the clock posts to: a service area's channel (linked when its channel tab is configured) and a
 * team's channel (linked by its supervisor or HR), reached through the conversation reference the bot stored
 * when it was installed in that Teams team. A post without a linked channel is reported, never skipped.
 */
import type { ConversationReferenceRepository } from '../storage/conversation-reference-repository';
import type { Repositories } from '../storage/repositories';
import type { ChannelDirectory } from './reminder-addresses';

/** The unreachable reason of a linked channel whose team the bot is not installed in. */
export const BOT_NOT_IN_TEAM = 'botNotInTeam';

/** The Bot Connector endpoint of a Teams channel: from the channel's own stored reference, else its team's. */
export async function channelServiceUrl(
  references: Pick<ConversationReferenceRepository, 'get'>,
  tenantId: string,
  teamId: string,
  channelId: string,
): Promise<string | null> {
  const own =
    channelId === teamId ? null : await references.get(tenantId, { kind: 'channel', teamId, channelId });
  const team = await references.get(tenantId, { kind: 'team', teamId });
  // The app removed from the team: nothing is posted there until it is added again.
  if (team?.value.unreachable) return null;
  const stored = own ?? team;
  const serviceUrl = stored?.value.reference.serviceUrl;
  return typeof serviceUrl === 'string' && serviceUrl ? serviceUrl : null;
}

export function linkedChannels(
  repositories: Pick<Repositories, 'channelLinks' | 'conversationReferences'>,
): ChannelDirectory {
  return {
    async channelFor(tenantId, recipient) {
      let channel: { teamId: string; channelId: string } | null;
      if (recipient.kind === 'serviceAreaChannel') {
        const link = await repositories.channelLinks.get(tenantId, recipient.serviceAreaId);
        channel = link && { teamId: link.value.teamId, channelId: link.value.channelId };
      } else {
        const link = await repositories.channelLinks.getForTeam(tenantId, recipient.teamId);
        channel = link && { teamId: link.value.teamsTeamId, channelId: link.value.channelId };
      }
      if (!channel) return null;
      const serviceUrl = await channelServiceUrl(
        repositories.conversationReferences,
        tenantId,
        channel.teamId,
        channel.channelId,
      );
      return serviceUrl
        ? { serviceUrl, conversationId: channel.channelId }
        : { unreachable: BOT_NOT_IN_TEAM };
    },
  };
}
