/** CompetenceFrameworks (yhteiset osaamiset): one row per tenant and year (partition = tenant id, row = year). */
import { z } from 'zod';
import type { CompetenceFramework } from '../domain/competence';
import { defaultCompetenceFramework } from '../domain/competence-catalogue';
import { LOCALES } from '../domain/locale';
import type { TenantId } from '../domain/organisation';
import { competenceFrameworkKeys, partitionFilter } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes } from './record-table';
import type { TableStore, Versioned } from './table-store';

/** The framework as stored: the domain's framework does not say whose it is. */
export type TenantCompetenceFramework = CompetenceFramework & { tenantId: TenantId };

const localisedText = z.record(z.enum(LOCALES), z.string());

const competenceFrameworkSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  competences: z.array(
    z.object({
      id: z.string().min(1),
      audience: z.enum(['allStaff', 'supervisors']),
      name: localisedText,
      description: localisedText,
      assessed: z.boolean(),
    }),
  ),
  scale: z.object({ min: z.number().int(), max: z.number().int(), labels: z.array(localisedText) }),
}) satisfies z.ZodType<TenantCompetenceFramework>;

export class CompetenceFrameworkRepository {
  private readonly table: RecordTable<TenantCompetenceFramework>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<TenantCompetenceFramework>(store.tableName, competenceFrameworkSchema, [
        'competences',
        'scale',
      ]),
      key: (framework) => competenceFrameworkKeys.key(framework.tenantId, framework.year),
    });
  }

  async get(tenantId: TenantId, year: number): Promise<Versioned<TenantCompetenceFramework> | null> {
    return this.table.get(competenceFrameworkKeys.key(tenantId, year));
  }

  /** The organisation's framework of `year`, or the default one while it has none of its own. */
  async inEffect(tenantId: TenantId, year: number): Promise<CompetenceFramework> {
    return (await this.get(tenantId, year))?.value ?? defaultCompetenceFramework(year);
  }

  /** AlreadyExistsError if the year has a framework. */
  async create(framework: TenantCompetenceFramework): Promise<Versioned<TenantCompetenceFramework>> {
    return this.table.insert(framework);
  }

  async update(
    read: Versioned<TenantCompetenceFramework>,
    changes: Changes<TenantCompetenceFramework, 'tenantId' | 'year'>,
  ): Promise<Versioned<TenantCompetenceFramework>> {
    return this.table.update(read, changes);
  }

  /** Every year's framework, oldest first: one partition with one row per year. */
  async list(tenantId: TenantId): Promise<Versioned<TenantCompetenceFramework>[]> {
    return this.table.list(partitionFilter(competenceFrameworkKeys.partition(tenantId)));
  }
}
