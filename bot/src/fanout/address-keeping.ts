/**
 * What the fan-out's workers tell the app about an address, kept in the conversation references: the 1:1 chat a
 * worker created (so the next message goes into it), and a 403 (blocked, or the app removed) to a person or to a
 * kept send's team, after which nothing is sent there until the app is added again. The reminders' and the kept single sends' workers
 * share it.
 */
import type { Delivery } from './delivery';
import { keptAddress } from './proactive-retries';
import type { ConversationReferenceRepository } from '../storage/conversation-reference-repository';

/**
 * The reference kept for a 1:1 chat the bot created (the bot's own, from the person's messages, is richer and is
 * never replaced by it). No user.id: that is the Teams id (29:…), which only the person's own messages tell.
 */
export function createdPersonalReference(
  tenantId: string,
  aadObjectId: string,
  serviceUrl: string,
  conversationId: string,
): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, tenantId, conversationType: 'personal' },
    user: { aadObjectId },
  };
}

export function addressKeeping(
  references: Pick<ConversationReferenceRepository, 'get' | 'save' | 'markUnreachable'>,
): {
  onConversationCreated(delivery: Delivery, conversationId: string): Promise<void>;
  onRefused(delivery: Delivery, code: string | null): Promise<void>;
} {
  return {
    async onConversationCreated(delivery, conversationId) {
      if (delivery.target.kind !== 'user') return;
      const { aadObjectId, serviceUrl } = delivery.target;
      const address = { kind: 'user', aadObjectId } as const;
      if (await references.get(delivery.tenantId, address)) return;
      await references.save({
        tenantId: delivery.tenantId,
        address,
        channelName: null,
        reference: createdPersonalReference(delivery.tenantId, aadObjectId, serviceUrl, conversationId),
      });
    },
    async onRefused(delivery, code) {
      // A person's chat, or the address a kept send went to (a team, for a post in one of its channels).
      const address =
        delivery.target.kind === 'user'
          ? ({ kind: 'user', aadObjectId: delivery.target.aadObjectId } as const)
          : keptAddress(delivery);
      if (!address) return;
      // "Status codes from bot conversational APIs": ConversationBlockedByUser, else the app was removed.
      const reason = code === 'ConversationBlockedByUser' ? 'blocked' : 'removed';
      await references.markUnreachable(delivery.tenantId, address, reason);
    },
  };
}
