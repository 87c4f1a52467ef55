/**
 * ConversationReferences: where the bot can message proactively, in the tenant's partition under
 * `user|OID`, `team|T`, `channel|T|C` (a team's channels are one range read) and `chat|CONV`.
 * Installation events repeat, so saving is idempotent; uninstalling removes the rows.
 */
import { z } from 'zod';
import type { TenantId } from '../domain/organisation';
import { NotFoundError, ConcurrencyConflictError } from './errors';
import { conversationKeys, rowKeyPrefixFilter, type ConversationAddress } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type WriteOutcome } from './record-table';
import type { TableStore, Versioned } from './table-store';
import { CONVERSATION_DELETE_ATTEMPTS } from '../tunables';

export type { ConversationAddress } from './keys';

export interface ConversationReferenceRecord {
  tenantId: TenantId;
  address: ConversationAddress;
  /** A channel's name, for choosing where summaries go; null for other conversations. */
  channelName: string | null;
  /** The Bot Framework conversation reference, opaque to storage. */
  reference: Record<string, unknown>;
  /**
   * Set when Teams said the address can no longer be reached (the app was removed, the user blocked the bot):
   * nothing is sent there until the app is added again, which saves the reference anew without it.
   */
  unreachable?: UnreachableReason | null;
}

/** Why an address cannot be reached: the app was removed (uninstall, 403 roster) or the user blocked the bot. */
export type UnreachableReason = 'removed' | 'blocked';

const id = z.string().min(1);

const conversationReferenceSchema = z.object({
  tenantId: id,
  address: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), aadObjectId: id }),
    z.object({ kind: z.literal('team'), teamId: id }),
    z.object({ kind: z.literal('channel'), teamId: id, channelId: id }),
    z.object({ kind: z.literal('chat'), conversationId: id }),
  ]),
  channelName: z.string().nullable(),
  reference: z.record(z.string(), z.unknown()),
  unreachable: z.enum(['removed', 'blocked']).nullable().optional(),
}) satisfies z.ZodType<ConversationReferenceRecord>;

export class ConversationReferenceRepository {
  private readonly table: RecordTable<ConversationReferenceRecord>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<ConversationReferenceRecord>(store.tableName, conversationReferenceSchema, [
        'address',
        'reference',
      ]),
      key: (record) => conversationKeys.key(record.tenantId, record.address),
    });
  }

  /** Stores the reference; saving an equal one again writes nothing. */
  async save(
    record: ConversationReferenceRecord,
  ): Promise<{ outcome: WriteOutcome; record: Versioned<ConversationReferenceRecord> }> {
    return this.table.put(record);
  }

  async get(
    tenantId: TenantId,
    address: ConversationAddress,
  ): Promise<Versioned<ConversationReferenceRecord> | null> {
    return this.table.get(conversationKeys.key(tenantId, address));
  }

  /** Marks a stored address unreachable (see `unreachable`); an address never stored stays unknown. */
  async markUnreachable(
    tenantId: TenantId,
    address: ConversationAddress,
    reason: UnreachableReason,
  ): Promise<void> {
    const read = await this.get(tenantId, address);
    if (read && read.value.unreachable !== reason)
      await this.table.put({ ...read.value, unreachable: reason });
  }

  /** A team's channels: one range read (a team has at most a few hundred channels). */
  async listChannelsOfTeam(
    tenantId: TenantId,
    teamId: string,
  ): Promise<Versioned<ConversationReferenceRecord>[]> {
    return this.table.list(
      rowKeyPrefixFilter(conversationKeys.partition(tenantId), conversationKeys.channelsPrefix(teamId)),
    );
  }

  /**
   * The teams (their General channel) and channels the bot knows in the tenant, for HR to choose where a service
   * area's summaries go: two range reads, bounded by the teams the app is installed in.
   */
  async listTeamsAndChannels(tenantId: TenantId): Promise<Versioned<ConversationReferenceRecord>[]> {
    const partition = conversationKeys.partition(tenantId);
    const [teams, channels] = await Promise.all(
      (['team', 'channel'] as const).map((kind) =>
        this.table.list(rowKeyPrefixFilter(partition, conversationKeys.kindPrefix(kind))),
      ),
    );
    return [...(teams ?? []), ...(channels ?? [])];
  }

  /** Forgets a conversation (the bot was uninstalled); deleting a team also deletes its channels. */
  async delete(tenantId: TenantId, address: ConversationAddress): Promise<void> {
    const channels = address.kind === 'team' ? await this.listChannelsOfTeam(tenantId, address.teamId) : [];
    for (const channel of channels) await this.deleteRead(channel);
    await this.deleteRead(await this.get(tenantId, address));
  }

  /** Deletes a record as read; if it changed meanwhile (saved again), reads it again. */
  private async deleteRead(read: Versioned<ConversationReferenceRecord> | null): Promise<void> {
    for (let attempt = 1; read; attempt++) {
      try {
        return await this.table.delete(read);
      } catch (error) {
        if (error instanceof NotFoundError) return;
        if (!(error instanceof ConcurrencyConflictError) || attempt === CONVERSATION_DELETE_ATTEMPTS)
          throw error;
      }
      read = await this.get(read.value.tenantId, read.value.address);
    }
  }
}
