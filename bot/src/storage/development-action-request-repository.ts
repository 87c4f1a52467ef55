/**
 * DevelopmentActionRequests: coaching (valmennus) and work supervision (työnohjaus) a person has asked for
 * (Vantaa's model, seed 000). One partition per tenant and year; a request sits under its service area
 * (`area|SA|P|KIND`: HR's view of demand is a range read of counts) with a copy under `person|P|KIND` (the
 * person's own requests, also after moving to another area). A request carries no free text: it says only
 * what kind of support was asked for.
 */
import { z } from 'zod';
import type { TenantId } from '../domain/organisation';
import { odata } from '@azure/data-tables';
import { developmentActionRequestKeys, rowKeyPrefixFilter, tenantPartitionsFilter, yearPart } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes } from './record-table';
import { MAX_PAGE_SIZE, type TableStore, type Versioned } from './table-store';

export const DEVELOPMENT_ACTION_KINDS = ['coaching', 'workSupervision'] as const;
export type DevelopmentActionKind = (typeof DEVELOPMENT_ACTION_KINDS)[number];

/** For an individual, a group, or the whole work community (seed 000: "yksilöille, ryhmille ja työyhteisöille"). */
export const DEVELOPMENT_ACTION_FORMS = ['individual', 'group', 'workCommunity'] as const;
export type DevelopmentActionForm = (typeof DEVELOPMENT_ACTION_FORMS)[number];

export interface DevelopmentActionRequest {
  tenantId: TenantId;
  year: number;
  personId: string;
  /** Where the person was when asking; demand is counted there. */
  serviceAreaId: string;
  kind: DevelopmentActionKind;
  form: DevelopmentActionForm;
  status: 'requested' | 'withdrawn';
  updatedAt: string;
}

const requestSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  personId: z.string().min(1),
  serviceAreaId: z.string().min(1),
  kind: z.enum(DEVELOPMENT_ACTION_KINDS),
  form: z.enum(DEVELOPMENT_ACTION_FORMS),
  status: z.enum(['requested', 'withdrawn']),
  updatedAt: z.string(),
}) satisfies z.ZodType<DevelopmentActionRequest>;

/** What a demand count needs: nothing that names the person. */
export type DemandRow = Pick<DevelopmentActionRequest, 'serviceAreaId' | 'kind' | 'form' | 'status'>;

const DEMAND_FIELDS = ['serviceAreaId', 'kind', 'form', 'status'] as const;

/** The first row key after every key starting with `prefix` (which ends with "|"). */
const prefixEnd = (prefix: string): string => `${prefix.slice(0, -1)}}`;

export class DevelopmentActionRequestRepository {
  private readonly table: RecordTable<DevelopmentActionRequest>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<DevelopmentActionRequest>(store.tableName, requestSchema, []),
      key: (request) =>
        developmentActionRequestKeys.key(
          request.tenantId,
          request.year,
          request.serviceAreaId,
          request.personId,
          request.kind,
        ),
      copies: (request) => [developmentActionRequestKeys.personRow(request.personId, request.kind)],
    });
  }

  /** The person's requests of the year, read through their copies. */
  async listForPerson(
    tenantId: TenantId,
    year: number,
    personId: string,
  ): Promise<DevelopmentActionRequest[]> {
    const partitionKey = developmentActionRequestKeys.partition(tenantId, year);
    const page = await this.table.pageCopies(
      rowKeyPrefixFilter(partitionKey, developmentActionRequestKeys.personPrefix(personId)),
      { pageSize: DEVELOPMENT_ACTION_KINDS.length },
    );
    return page.items;
  }

  async get(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string,
    personId: string,
    kind: DevelopmentActionKind,
  ): Promise<Versioned<DevelopmentActionRequest> | null> {
    return this.table.get(developmentActionRequestKeys.key(tenantId, year, serviceAreaId, personId, kind));
  }

  /** AlreadyExistsError if the person has asked for this kind this year (withdrawn or not). */
  async create(request: DevelopmentActionRequest): Promise<Versioned<DevelopmentActionRequest>> {
    return this.table.insert(request);
  }

  async update(
    read: Versioned<DevelopmentActionRequest>,
    changes: Changes<DevelopmentActionRequest, 'tenantId' | 'year' | 'personId' | 'serviceAreaId' | 'kind'>,
  ): Promise<Versioned<DevelopmentActionRequest>> {
    return this.table.update(read, changes);
  }

  /** Every year's requests of a person, through their copies: for the data export and erasure only. */
  async listAllForPerson(tenantId: TenantId, personId: string): Promise<DevelopmentActionRequest[]> {
    const prefix = developmentActionRequestKeys.personPrefix(personId);
    const filter = `${tenantPartitionsFilter(tenantId)} and ${odata`RowKey ge ${prefix} and RowKey lt ${prefixEnd(prefix)}`}`;
    const requests: DevelopmentActionRequest[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.table.pageCopies(filter, { pageSize: MAX_PAGE_SIZE, continuationToken });
      requests.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return requests;
  }

  /** The tenant's requests of the years up to `lastYear` (their own rows): for the retention purge only. */
  async *scanUpToYear(tenantId: TenantId, lastYear: number): AsyncGenerator<DevelopmentActionRequest> {
    const prefix = developmentActionRequestKeys.allAreasPrefix;
    const filter = `${tenantPartitionsFilter(tenantId, yearPart(lastYear))} and ${odata`RowKey ge ${prefix} and RowKey lt ${prefixEnd(prefix)}`}`;
    for await (const read of this.table.scan(filter)) yield read.value;
  }

  /** The request and its copy, whatever their version (erasure, retention purge). */
  async delete(request: DevelopmentActionRequest): Promise<void> {
    await this.table.deleteWithCopies(request);
  }

  /** A service area's requests (or the whole city's when `serviceAreaId` is null), for counting only. */
  async *scanDemand(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string | null,
  ): AsyncGenerator<DemandRow> {
    const partitionKey = developmentActionRequestKeys.partition(tenantId, year);
    const prefix =
      serviceAreaId === null
        ? developmentActionRequestKeys.allAreasPrefix
        : developmentActionRequestKeys.areaPrefix(serviceAreaId);
    const filter = rowKeyPrefixFilter(partitionKey, prefix);
    let continuationToken: string | undefined;
    do {
      const page = await this.table.pageFields(filter, DEMAND_FIELDS, {
        pageSize: MAX_PAGE_SIZE,
        continuationToken,
      });
      for (const row of page.items) yield row;
      continuationToken = page.continuationToken;
    } while (continuationToken);
  }
}
