/**
 * Sends a follow-up check-in card to an employee's personal chat with the bot, through the conversation the
 * bot stored when the employee last wrote to it (Teams needs the bot to have been installed for the user).
 */
import type { MessageSender } from '../fanout/message-sender';
import type { ConversationReferenceRepository } from '../storage/conversation-reference-repository';
import type { AdaptiveCard } from './card-templates';

export type DeliveryOutcome = 'sent' | 'unreachable';

interface StoredReference {
  serviceUrl?: unknown;
  conversation?: { id?: unknown };
}

export class FollowUpDelivery {
  constructor(
    private readonly references: ConversationReferenceRepository,
    private readonly sender: MessageSender,
  ) {}

  async send(
    tenantId: string,
    aadObjectId: string | null,
    card: AdaptiveCard,
    fallbackText: string,
  ): Promise<DeliveryOutcome> {
    if (!aadObjectId) return 'unreachable';
    const stored = await this.references.get(tenantId, { kind: 'user', aadObjectId });
    const reference = stored?.value.reference as StoredReference | undefined;
    const serviceUrl = reference?.serviceUrl;
    const conversationId = reference?.conversation?.id;
    if (typeof serviceUrl !== 'string' || typeof conversationId !== 'string') return 'unreachable';
    await this.sender.send(serviceUrl, tenantId, conversationId, {
      type: 'message',
      text: fallbackText,
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    return 'sent';
  }
}
