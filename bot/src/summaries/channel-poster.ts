/**
 * Posts a message to a linked channel, proactively: the serviceUrl comes from the conversation reference the
 * bot stored when it was installed in the team (the channel's own reference if it has one, else the team's),
 * and the message goes to the channel's conversation through the connector sender (teams/connector-sender.ts),
 * one request, no hidden retries.
 */
import { channelServiceUrl } from '../clock/linked-channels';
import { SendFailure, type MessageSender, type OutgoingActivity } from '../fanout/message-sender';
import type { ChannelLink } from '../storage/channel-link-repository';
import type { ConversationReferenceRepository } from '../storage/conversation-reference-repository';

/** `noConversation`: the bot is not installed in the channel's team (no stored reference). */
export type PostOutcome = 'sent' | 'noConversation' | 'failed';

export interface ChannelPoster {
  post(
    tenantId: string,
    channel: Pick<ChannelLink, 'teamId' | 'channelId'>,
    activity: OutgoingActivity,
  ): Promise<PostOutcome>;
}

export function connectorChannelPoster(
  references: Pick<ConversationReferenceRepository, 'get'>,
  sender: Pick<MessageSender, 'send'>,
): ChannelPoster {
  return {
    async post(tenantId, { teamId, channelId }, activity) {
      const serviceUrl = await channelServiceUrl(references, tenantId, teamId, channelId);
      if (!serviceUrl) return 'noConversation';
      try {
        await sender.send(serviceUrl, tenantId, channelId, activity);
        return 'sent';
      } catch (error) {
        if (error instanceof SendFailure) return 'failed';
        throw error;
      }
    },
  };
}
