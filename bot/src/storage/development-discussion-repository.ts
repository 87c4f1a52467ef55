/**
 * DevelopmentDiscussions (kehityskeskustelut): one partition per tenant and year, one row per employee.
 * Status, supervisor, service area and meeting time are plain properties (filterable, selectable); the
 * form's nested parts are JSON.
 */
import { odata } from '@azure/data-tables';
import { z } from 'zod';
import {
  DISCUSSION_SECTIONS,
  DISCUSSION_STATUSES,
  GOAL_STATUSES,
  LEARNING_WAYS,
  type DevelopmentDiscussion,
} from '../domain/development-discussion';
import type { TenantId } from '../domain/organisation';
import { mapConcurrently } from './bounded-concurrency';
import { developmentDiscussionKeys, keyPart, tenantPartitionsFilter, yearPart } from './keys';
import { RecordCodec } from './record-codec';
import { ExpiringCache } from './expiring-cache';
import { RecordTable, type Changes, type PageRequest } from './record-table';
import { ConcurrencyConflictError, NotFoundError } from './errors';
import { MAX_PAGE_SIZE, type Page, type TableStore, type Versioned } from './table-store';
import { DISCUSSION_VERSION_CACHE, READ_CONCURRENCY } from '../tunables';

const sectionTexts = z.partialRecord(z.enum(DISCUSSION_SECTIONS), z.string());
const ratings = z.record(z.string(), z.number());
const goal = z.object({ id: z.string().min(1), text: z.string(), status: z.enum(GOAL_STATUSES) });
const learningGoal = goal.extend({ way: z.enum(LEARNING_WAYS) });
const signature = z.object({ personId: z.string().min(1), at: z.string() });

const discussionSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  employeeId: z.string().min(1),
  supervisorId: z.string().min(1),
  serviceAreaId: z.string().min(1),
  status: z.enum(DISCUSSION_STATUSES),
  scheduledAt: z.string().nullable(),
  // Absent until Graph made an event; read back as absent, not null, so a record round-trips unchanged.
  calendarEventId: z
    .string()
    .nullish()
    .transform((id) => id ?? undefined),
  meetingMinutes: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((minutes) => minutes ?? undefined),
  cancelledMeeting: z
    .object({
      scheduledAt: z.string(),
      minutes: z.number().int().positive(),
      cancelledAt: z.string(),
      sequence: z.number().int().nonnegative(),
    })
    .nullish()
    .transform((meeting) => meeting ?? undefined),
  includesSupervisorSection: z.boolean(),
  preparation: sectionTexts,
  supervisorNotes: sectionTexts,
  selfRatings: ratings,
  supervisorRatings: ratings,
  goals: z.array(goal),
  learningGoals: z.array(learningGoal),
  // Rows written before proposals existed have none.
  proposedLearningGoals: z.array(learningGoal).default([]),
  employeeSignature: signature.nullable(),
  supervisorSignature: signature.nullable(),
  reopenings: z.array(z.object({ by: z.string().min(1), at: z.string(), reason: z.string() })),
  updatedAt: z.string(),
}) satisfies z.ZodType<DevelopmentDiscussion>;

/** What every projection carries: the fields that place a discussion, and its service area. */
const IDENTITY = ['tenantId', 'year', 'employeeId', 'serviceAreaId'] as const;
type Identity = (typeof IDENTITY)[number];

export type DevelopmentDiscussionField = keyof DevelopmentDiscussion;

/** Where a discussion's recent version is kept, within its tenant's entries. */
const recentKey = (year: number, employeeId: string): string => `${year}\n${employeeId}`;

export class DevelopmentDiscussionRepository {
  private readonly table: RecordTable<DevelopmentDiscussion>;
  private readonly recent = new ExpiringCache<Versioned<DevelopmentDiscussion>>(DISCUSSION_VERSION_CACHE);

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<DevelopmentDiscussion>(store.tableName, discussionSchema, [
        'preparation',
        'supervisorNotes',
        'selfRatings',
        'supervisorRatings',
        'goals',
        'learningGoals',
        'proposedLearningGoals',
        'employeeSignature',
        'supervisorSignature',
        'reopenings',
        'cancelledMeeting',
      ]),
      key: (discussion) =>
        developmentDiscussionKeys.key(discussion.tenantId, discussion.year, discussion.employeeId),
    });
  }

  async get(
    tenantId: TenantId,
    year: number,
    employeeId: string,
  ): Promise<Versioned<DevelopmentDiscussion> | null> {
    const read = await this.table.get(developmentDiscussionKeys.key(tenantId, year, employeeId));
    if (read) this.remember(read);
    return read;
  }

  /**
   * The discussion as of `etag`, for a change that will be written with that ETag (`update`): the version this
   * process last read or wrote when it is that one, else a fresh read (which may have another ETag). Never for
   * showing a discussion: the version may no longer be the stored one, which only the conditional write finds.
   */
  async getForChange(
    tenantId: TenantId,
    year: number,
    employeeId: string,
    etag: string,
  ): Promise<Versioned<DevelopmentDiscussion> | null> {
    const kept = await this.recent.peek(tenantId, recentKey(year, employeeId));
    return kept?.etag === etag ? kept : this.get(tenantId, year, employeeId);
  }

  /** AlreadyExistsError if the employee already has the year's discussion: a double click creates one. */
  async create(discussion: DevelopmentDiscussion): Promise<Versioned<DevelopmentDiscussion>> {
    const created = await this.table.insert(discussion);
    this.remember(created);
    return created;
  }

  /** ConcurrencyConflictError if the discussion changed since `read`, NotFoundError if it was deleted. */
  async update(
    read: Versioned<DevelopmentDiscussion>,
    changes: Changes<DevelopmentDiscussion, 'tenantId' | 'year' | 'employeeId'>,
  ): Promise<Versioned<DevelopmentDiscussion>> {
    try {
      const stored = await this.table.update(read, changes);
      this.remember(stored);
      return stored;
    } catch (error) {
      if (error instanceof ConcurrencyConflictError || error instanceof NotFoundError)
        this.forget(read.value);
      throw error;
    }
  }

  /** A service area's discussions of the year: the tenant-year partition, filtered by service area. */
  async listForServiceArea(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
    page?: PageRequest,
  ): Promise<Page<Versioned<DevelopmentDiscussion>>> {
    return this.table.page(this.serviceAreaFilter(tenantId, year, serviceAreaId), page);
  }

  /** As `listForServiceArea`, reading only `fields` (and the identity) of each discussion: for aggregations. */
  async listFieldsForServiceArea<K extends DevelopmentDiscussionField>(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
    fields: readonly K[],
    page?: PageRequest,
  ): Promise<Page<Pick<DevelopmentDiscussion, K | Identity>>> {
    const filter = this.serviceAreaFilter(tenantId, year, serviceAreaId);
    return this.table.pageFields(filter, [...new Set([...IDENTITY, ...fields])], page);
  }

  /**
   * The year's discussions of the given employees (a supervisor's page of reports) by point reads, at most
   * 16 at a time; employees without one are absent from the map.
   */
  async getMany(
    tenantId: TenantId,
    year: number,
    employeeIds: readonly string[],
  ): Promise<Map<string, Versioned<DevelopmentDiscussion>>> {
    if (employeeIds.length > MAX_PAGE_SIZE) {
      throw new Error(`getMany reads at most ${MAX_PAGE_SIZE} discussions.`);
    }
    const found = await mapConcurrently([...new Set(employeeIds)], READ_CONCURRENCY, (id) =>
      this.get(tenantId, year, id),
    );
    return new Map(found.flatMap((record) => (record ? [[record.value.employeeId, record]] : [])));
  }

  /**
   * Every year's discussion of one employee: a range read over the tenant's year partitions, for the person's
   * data export and erasure only.
   */
  async listForEmployee(tenantId: TenantId, employeeId: string): Promise<Versioned<DevelopmentDiscussion>[]> {
    const rowKey = keyPart(employeeId, 'employee id');
    return this.table.list(`${tenantPartitionsFilter(tenantId)} and ${odata`RowKey eq ${rowKey}`}`);
  }

  /** The tenant's discussions of the years up to `lastYear`: for the retention purge only. */
  scanUpToYear(tenantId: TenantId, lastYear: number): AsyncGenerator<Versioned<DevelopmentDiscussion>> {
    return this.table.scan(tenantPartitionsFilter(tenantId, yearPart(lastYear)));
  }

  /** ConcurrencyConflictError if the discussion changed since `read`. */
  async delete(read: Versioned<DevelopmentDiscussion>): Promise<void> {
    this.forget(read.value);
    await this.table.delete(read);
  }

  /** Keeps the version this process read or wrote last, for `getForChange`. */
  private remember(read: Versioned<DevelopmentDiscussion>): void {
    const { tenantId, year, employeeId } = read.value;
    this.recent.remember(tenantId, recentKey(year, employeeId), read);
  }

  private forget({ tenantId, year, employeeId }: DevelopmentDiscussion): void {
    this.recent.forget(tenantId, recentKey(year, employeeId));
  }

  private serviceAreaFilter(tenantId: TenantId, year: number, serviceAreaId: string): string {
    const partitionKey = developmentDiscussionKeys.partition(tenantId, year);
    return odata`PartitionKey eq ${partitionKey} and serviceAreaId eq ${serviceAreaId}`;
  }
}
