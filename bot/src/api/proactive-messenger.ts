/**
 * How the tabs' API reaches Teams on a user's behalf: one message into a conversation the bot already knows
 * (an employee's personal chat, a team's channel), through the stored conversation reference. The port keeps
 * the API testable; the implementation sends one request through the connector sender of teams/.
 */
import { SendFailure, type MessageSender, type OutgoingActivity } from '../fanout/message-sender';
import type { ConversationReferenceRepository } from '../storage/conversation-reference-repository';
import type { ConversationAddress } from '../storage/keys';

/** `noConversation`: the bot has no reference for the address (not installed, or never messaged). */
export type DeliveryOutcome = 'sent' | 'noConversation' | 'failed';

export interface ProactiveMessenger {
  send(tenantId: string, address: ConversationAddress, activity: OutgoingActivity): Promise<DeliveryOutcome>;
}

interface StoredReference {
  serviceUrl?: unknown;
  conversation?: { id?: unknown };
}

export function referenceMessenger(
  references: Pick<ConversationReferenceRepository, 'get'>,
  sender: Pick<MessageSender, 'send'>,
): ProactiveMessenger {
  return {
    async send(tenantId, address, activity) {
      const stored = await references.get(tenantId, address);
      const reference = stored?.value.reference as StoredReference | undefined;
      const serviceUrl = reference?.serviceUrl;
      const conversationId = reference?.conversation?.id;
      if (typeof serviceUrl !== 'string' || typeof conversationId !== 'string') return 'noConversation';
      try {
        await sender.send(serviceUrl, tenantId, conversationId, activity);
        return 'sent';
      } catch (error) {
        // The meeting is already saved; the tab tells the supervisor the message did not go out.
        if (error instanceof SendFailure) return 'failed';
        throw error;
      }
    },
  };
}
