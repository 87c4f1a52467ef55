/**
 * ChannelLinks: which Teams channel is a service area's (where its summaries are announced) and which is the
 * organisation's (where the strategic discussion is shared). Set when the channel tab is configured for it,
 * so the link also knows the tab to deep-link to. The tenant's partition: `area|SA` or `organisation`; and
 * `team|T`, a team's (tiimi) channel, where the annual clock posts the team's group-discussion reminders.
 */
import { z } from 'zod';
import type { TenantId } from '../domain/organisation';
import { channelLinkKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable } from './record-table';
import type { TableStore, Versioned } from './table-store';

export interface ChannelLink {
  tenantId: TenantId;
  /** Null for the organisation's channel. */
  serviceAreaId: string | null;
  /** Teams' ids of the team and the channel (thread ids, "19:…"). */
  teamId: string;
  channelId: string;
  /** The channel tab's entity id and the Teams app id, for the deep link; null if no tab was configured. */
  tabEntityId: string | null;
  teamsAppId: string | null;
  linkedBy: string;
  linkedAt: string;
}

const channelLinkSchema = z.object({
  tenantId: z.string().min(1),
  serviceAreaId: z.string().min(1).nullable(),
  teamId: z.string().min(1),
  channelId: z.string().min(1),
  tabEntityId: z.string().min(1).nullable(),
  teamsAppId: z.string().min(1).nullable(),
  linkedBy: z.string().min(1),
  linkedAt: z.string(),
}) satisfies z.ZodType<ChannelLink>;

/** An organisation team's channel. */
export interface TeamChannelLink extends Pick<
  ChannelLink,
  'tenantId' | 'channelId' | 'linkedBy' | 'linkedAt'
> {
  /** The organisation's team (the HR system's id), not the Teams team. */
  organisationTeamId: string;
  /** Teams' id of the team the channel is in. */
  teamsTeamId: string;
}

const teamChannelLinkSchema = z.object({
  tenantId: z.string().min(1),
  organisationTeamId: z.string().min(1),
  teamsTeamId: z.string().min(1),
  channelId: z.string().min(1),
  linkedBy: z.string().min(1),
  linkedAt: z.string(),
}) satisfies z.ZodType<TeamChannelLink>;

export class ChannelLinkRepository {
  private readonly table: RecordTable<ChannelLink>;
  private readonly teamTable: RecordTable<TeamChannelLink>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<ChannelLink>(store.tableName, channelLinkSchema, []),
      key: (link) => channelLinkKeys.key(link.tenantId, link.serviceAreaId),
    });
    this.teamTable = new RecordTable(store, {
      codec: new RecordCodec<TeamChannelLink>(store.tableName, teamChannelLinkSchema, []),
      key: (link) => channelLinkKeys.teamKey(link.tenantId, link.organisationTeamId),
    });
  }

  /** A service area's channel, or the organisation's when `serviceAreaId` is null. */
  async get(tenantId: TenantId, serviceAreaId: string | null): Promise<Versioned<ChannelLink> | null> {
    return this.table.get(channelLinkKeys.key(tenantId, serviceAreaId));
  }

  /** The newest link wins: linking another channel moves where announcements go. */
  async put(link: ChannelLink): Promise<void> {
    await this.table.put(link);
  }

  async getForTeam(
    tenantId: TenantId,
    organisationTeamId: string,
  ): Promise<Versioned<TeamChannelLink> | null> {
    return this.teamTable.get(channelLinkKeys.teamKey(tenantId, organisationTeamId));
  }

  /** As `put`: the newest link wins. */
  async putForTeam(link: TeamChannelLink): Promise<void> {
    await this.teamTable.put(link);
  }
}
