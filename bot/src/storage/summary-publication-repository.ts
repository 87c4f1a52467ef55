/**
 * SummaryPublications: what HR published of a service area's summary (koonti), frozen at publishing so the
 * channel tab shows exactly what was announced, whatever is signed later. The tenant's partition under
 * `SA|YEAR`: a service area's history by year is one range read. Every figure here is already anonymous
 * (suppressed below the threshold): a null is "not shown", never zero.
 */
import { z } from 'zod';
import { summaryFiguresSchema, type SummaryFigures } from '../domain/summary-figures';
import { GROUP_THEMES } from '../domain/group-discussion';
import type { TenantId } from '../domain/organisation';
import { rowKeyPrefixFilter, summaryPublicationKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable } from './record-table';
import type { TableStore, Versioned } from './table-store';

export {
  summaryFiguresSchema,
  type CompetenceFigures,
  type DemandFigure,
  type HeatmapCell,
  type HeatmapRow,
  type NeedFigure,
  type RatingFigure,
  type SummaryFigures,
} from '../domain/summary-figures';

export interface SummaryPublication {
  tenantId: TenantId;
  serviceAreaId: string;
  year: number;
  serviceAreaName: string;
  conclusions: Partial<Record<(typeof GROUP_THEMES)[number], string[]>>;
  figures: SummaryFigures;
  publishedAt: string;
  publishedBy: string;
}

const publicationSchema = z.object({
  tenantId: z.string().min(1),
  serviceAreaId: z.string().min(1),
  year: z.number().int(),
  serviceAreaName: z.string(),
  conclusions: z.partialRecord(z.enum(GROUP_THEMES), z.array(z.string())),
  figures: summaryFiguresSchema,
  publishedAt: z.string(),
  publishedBy: z.string().min(1),
}) satisfies z.ZodType<SummaryPublication>;

export class SummaryPublicationRepository {
  private readonly table: RecordTable<SummaryPublication>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<SummaryPublication>(store.tableName, publicationSchema, [
        'conclusions',
        'figures',
      ]),
      key: (publication) =>
        summaryPublicationKeys.key(publication.tenantId, publication.serviceAreaId, publication.year),
    });
  }

  async get(
    tenantId: TenantId,
    serviceAreaId: string,
    year: number,
  ): Promise<Versioned<SummaryPublication> | null> {
    return this.table.get(summaryPublicationKeys.key(tenantId, serviceAreaId, year));
  }

  /** Publishing again (after HR revised the summary) replaces the year's publication. */
  async put(publication: SummaryPublication): Promise<void> {
    await this.table.put(publication);
  }

  /** A service area's publications, one per year: a bounded range read. */
  async listForServiceArea(tenantId: TenantId, serviceAreaId: string): Promise<SummaryPublication[]> {
    const filter = rowKeyPrefixFilter(
      summaryPublicationKeys.partition(tenantId),
      summaryPublicationKeys.areaPrefix(serviceAreaId),
    );
    return (await this.table.list(filter)).map((read) => read.value);
  }
}
