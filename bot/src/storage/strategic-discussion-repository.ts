/**
 * StrategicDiscussions: HR's compilation of the city manager's management team's strategic competence
 * discussion (strateginen osaamiskeskustelu), one per year in the tenant's partition. Once shared, its views
 * on the four themes are the guidelines shown in the next round of group discussions.
 */
import { z } from 'zod';
import { GROUP_THEMES } from '../domain/group-discussion';
import type { TenantId } from '../domain/organisation';
import { STRATEGY_AGENDA_ITEMS, type StrategicDiscussion } from '../domain/strategic-discussion';
import { strategicDiscussionKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes } from './record-table';
import type { TableStore, Versioned } from './table-store';

export {
  STRATEGY_AGENDA_ITEMS,
  type StrategicDiscussion,
  type StrategyAgendaItem,
} from '../domain/strategic-discussion';

const strategicDiscussionSchema = z.object({
  tenantId: z.string().min(1),
  year: z.number().int(),
  status: z.enum(['draft', 'shared']),
  agenda: z.partialRecord(z.enum(STRATEGY_AGENDA_ITEMS), z.string()),
  themes: z.partialRecord(z.enum(GROUP_THEMES), z.string()),
  updatedBy: z.string().min(1),
  updatedAt: z.string(),
  sharedBy: z.string().min(1).nullable(),
  sharedAt: z.string().nullable(),
}) satisfies z.ZodType<StrategicDiscussion>;

export class StrategicDiscussionRepository {
  private readonly table: RecordTable<StrategicDiscussion>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<StrategicDiscussion>(store.tableName, strategicDiscussionSchema, [
        'agenda',
        'themes',
      ]),
      key: (discussion) => strategicDiscussionKeys.key(discussion.tenantId, discussion.year),
    });
  }

  async get(tenantId: TenantId, year: number): Promise<Versioned<StrategicDiscussion> | null> {
    return this.table.get(strategicDiscussionKeys.key(tenantId, year));
  }

  /** AlreadyExistsError if the year's discussion exists. */
  async create(discussion: StrategicDiscussion): Promise<Versioned<StrategicDiscussion>> {
    return this.table.insert(discussion);
  }

  async update(
    read: Versioned<StrategicDiscussion>,
    changes: Changes<StrategicDiscussion, 'tenantId' | 'year'>,
  ): Promise<Versioned<StrategicDiscussion>> {
    return this.table.update(read, changes);
  }
}
