/**
 * GroupDiscussions (ryhmäosaamiskeskustelut): one partition per tenant and year, one row per discussion.
 * Team and service area are plain properties: listing a team's or an area's discussions filters the
 * tenant-year partition, which holds at most a few discussions per team.
 */
import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { GROUP_THEMES, type GroupCompetenceDiscussion } from '../domain/group-discussion';
import type { TenantId } from '../domain/organisation';
import { groupDiscussionKeys, tenantPartitionsFilter, yearPart } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes, type PageRequest } from './record-table';
import type { Page, TableStore, Versioned } from './table-store';

const groupDiscussionSchema = z.object({
  tenantId: z.string().min(1),
  id: z.string().min(1),
  year: z.number().int(),
  level: z.enum(['team', 'serviceAreaManagementTeam', 'cityManagementTeam']),
  teamId: z.string().min(1),
  serviceAreaId: z.string().min(1).nullable(),
  chairId: z.string().min(1),
  status: z.enum(['open', 'concluded']),
  contributions: z.array(
    z.object({
      id: z.string().min(1),
      theme: z.enum(GROUP_THEMES),
      text: z.string(),
      authorId: z.string().min(1),
      at: z.string(),
    }),
  ),
  conclusions: z.partialRecord(z.enum(GROUP_THEMES), z.string()),
  updatedAt: z.string(),
  channelPost: z
    .object({ conversationId: z.string().min(1), activityId: z.string().min(1), at: z.string() })
    .nullable()
    .default(null),
}) satisfies z.ZodType<GroupCompetenceDiscussion>;

type Identity = 'tenantId' | 'year' | 'id';

export class GroupDiscussionRepository {
  private readonly table: RecordTable<GroupCompetenceDiscussion>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<GroupCompetenceDiscussion>(store.tableName, groupDiscussionSchema, [
        'contributions',
        'conclusions',
        'channelPost',
      ]),
      key: (discussion) => groupDiscussionKeys.key(discussion.tenantId, discussion.year, discussion.id),
    });
  }

  async get(
    tenantId: TenantId,
    year: number,
    id: string,
  ): Promise<Versioned<GroupCompetenceDiscussion> | null> {
    return this.table.get(groupDiscussionKeys.key(tenantId, year, id));
  }

  /** AlreadyExistsError if a discussion with this id exists. */
  async create(discussion: GroupCompetenceDiscussion): Promise<Versioned<GroupCompetenceDiscussion>> {
    return this.table.insert(discussion);
  }

  async update(
    read: Versioned<GroupCompetenceDiscussion>,
    changes: Changes<GroupCompetenceDiscussion, Identity>,
  ): Promise<Versioned<GroupCompetenceDiscussion>> {
    return this.table.update(read, changes);
  }

  async listForTeam(
    tenantId: TenantId,
    year: number,
    teamId: string,
    page?: PageRequest,
  ): Promise<Page<Versioned<GroupCompetenceDiscussion>>> {
    const partitionKey = groupDiscussionKeys.partition(tenantId, year);
    return this.table.page(odata`PartitionKey eq ${partitionKey} and teamId eq ${teamId}`, page);
  }

  /**
   * The tenant's group discussions of every year (up to `lastYear` when given): for the retention purge, and
   * for finding a person's contributions in their data export and erasure. A few per team and year.
   */
  scanAll(tenantId: TenantId, lastYear?: number): AsyncGenerator<Versioned<GroupCompetenceDiscussion>> {
    return this.table.scan(
      tenantPartitionsFilter(tenantId, lastYear === undefined ? undefined : yearPart(lastYear)),
    );
  }

  /** ConcurrencyConflictError if the discussion changed since `read`. */
  async delete(read: Versioned<GroupCompetenceDiscussion>): Promise<void> {
    await this.table.delete(read);
  }

  /** For HR's summary (koonti) of a service area. */
  async listForServiceArea(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
    page?: PageRequest,
  ): Promise<Page<Versioned<GroupCompetenceDiscussion>>> {
    const partitionKey = groupDiscussionKeys.partition(tenantId, year);
    return this.table.page(
      odata`PartitionKey eq ${partitionKey} and serviceAreaId eq ${serviceAreaId}`,
      page,
    );
  }
}
