/** What the Teams bot needs from the rest of the app; implemented in the composition root. */
import type { Person } from '../domain/organisation';
import type { Locale } from '../domain/locale';
import type { ChatCommands } from '../chat/chat-commands';
import type { ConversationAddress } from '../storage/keys';
import type { CardActionRequest, CardActionResult } from '../cards/card-action';

export type { ConversationAddress };

export interface ConversationRecord {
  tenantId: string;
  address: ConversationAddress;
  channelName: string | null;
  /** The serialised Bot Framework conversation reference, kept opaque outside teams/. */
  reference: Record<string, unknown>;
}

export interface BotPorts {
  commands: ChatCommands;
  findPerson(tenantId: string, aadObjectId: string): Promise<Person | null>;
  defaultLocale(tenantId: string): Promise<Locale>;
  saveConversation(record: ConversationRecord): Promise<void>;
  forgetConversation(tenantId: string, address: ConversationAddress): Promise<void>;
  /** The app was removed (or the user blocked the bot): nothing is sent there until it is added again. */
  markUnreachable(
    tenantId: string,
    address: ConversationAddress,
    reason: 'removed' | 'blocked',
  ): Promise<void>;
  /** Runs an Adaptive Card Action.Execute verb; null when no feature handles the verb. */
  cardAction(request: CardActionRequest): Promise<CardActionResult | null>;
}
