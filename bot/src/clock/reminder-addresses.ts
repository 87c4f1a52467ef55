/**
 * Where each reminder goes: a person's 1:1 chat with the bot (its stored conversation, or one to create), a
 * service area's or team's channel. Whoever cannot be reached still gets a delivery, marked unreachable with the
 * reason, so HR's report lists them.
 */
import type { Person } from '../domain/organisation';
import { NO_CHANNEL, type DeliveryTarget } from '../fanout/delivery';
import type { ConversationReferenceRepository } from '../storage/conversation-reference-repository';
import type { ReminderRecipient } from '../domain/reminder';

export type ChannelRecipient = Exclude<ReminderRecipient, { kind: 'person' }>;

/**
 * The channel chosen for a service area's or team's posts: where to post, or why it cannot be reached; null when
 * no channel is linked (the post is reported as "noChannel").
 */
export interface ChannelDirectory {
  channelFor(
    tenantId: string,
    recipient: ChannelRecipient,
  ): Promise<{ serviceUrl: string; conversationId: string } | { unreachable: string } | null>;
}

export interface ReminderAddresses {
  targetOf(
    tenantId: string,
    recipient: ReminderRecipient,
    person: Person | undefined,
  ): Promise<DeliveryTarget>;
}

function stringAt(value: unknown, ...path: string[]): string | null {
  let current = value;
  for (const key of path)
    current =
      typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  return typeof current === 'string' && current ? current : null;
}

/**
 * On the stored conversation references. `serviceUrl`: where to create a 1:1 conversation for a user who has
 * none stored (the tenant's Bot Connector endpoint); null when conversations are never created (local runs).
 */
export function storedAddresses(
  references: Pick<ConversationReferenceRepository, 'get'>,
  channels: ChannelDirectory,
  serviceUrl: string | null,
): ReminderAddresses {
  return {
    async targetOf(tenantId, recipient, person) {
      if (recipient.kind !== 'person') {
        const channel = await channels.channelFor(tenantId, recipient);
        if (!channel) return { kind: 'unreachable', reason: NO_CHANNEL };
        return 'unreachable' in channel
          ? { kind: 'unreachable', reason: channel.unreachable }
          : { kind: 'conversation', ...channel, channel: true };
      }
      if (!person?.aadObjectId) return { kind: 'unreachable', reason: 'noTeamsAccount' };
      const stored = await references.get(tenantId, { kind: 'user', aadObjectId: person.aadObjectId });
      // Blocked, or the app removed: counted as such, never sent to, until the app is added again.
      if (stored?.value.unreachable) return { kind: 'unreachable', reason: stored.value.unreachable };
      const reference = stored?.value.reference;
      const storedUrl = stringAt(reference, 'serviceUrl');
      const conversationId = stringAt(reference, 'conversation', 'id');
      if (storedUrl && conversationId) {
        return { kind: 'user', serviceUrl: storedUrl, aadObjectId: person.aadObjectId, conversationId };
      }
      return serviceUrl
        ? { kind: 'user', serviceUrl, aadObjectId: person.aadObjectId, conversationId: null }
        : { kind: 'unreachable', reason: 'noConversation' };
    },
  };
}
