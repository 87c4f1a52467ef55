/**
 * LanguageChoices: the language a person chose for the app themselves (in chat or the personal tab), one row
 * per person in the tenant's partition, changed with its ETag. No row: the person has not chosen, and the
 * language of their HR record applies (domain/locale.ts `personLocale`).
 *
 * Request paths (every chat message and card press) read a choice through a short-lived cache of this
 * instance; a write here remembers the new choice at once, so the next reply of this instance speaks it.
 */
import { z } from 'zod';
import { LOCALES, type LanguageChoice, type Locale } from '../domain/locale';
import type { TenantId } from '../domain/organisation';
import { ExpiringCache } from './expiring-cache';
import { languageChoiceKeys, partitionFilter } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable } from './record-table';
import type { TableStore, Versioned } from './table-store';
import { LANGUAGE_CHOICE_CACHE } from '../tunables';

const languageChoiceSchema = z.object({
  tenantId: z.string().min(1),
  personId: z.string().min(1),
  locale: z.enum(LOCALES),
  updatedAt: z.string(),
}) satisfies z.ZodType<LanguageChoice>;

export class LanguageChoiceRepository {
  private readonly table: RecordTable<LanguageChoice>;
  private readonly recent = new ExpiringCache<Locale | null>(LANGUAGE_CHOICE_CACHE);

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<LanguageChoice>(store.tableName, languageChoiceSchema, []),
      key: (choice) => languageChoiceKeys.key(choice.tenantId, choice.personId),
    });
  }

  async get(tenantId: TenantId, personId: string): Promise<Versioned<LanguageChoice> | null> {
    return this.table.get(languageChoiceKeys.key(tenantId, personId));
  }

  /** The person's chosen language, or null when they have not chosen; as read at most a minute ago. */
  async chosenLocale(tenantId: TenantId, personId: string): Promise<Locale | null> {
    return this.recent.load(
      tenantId,
      personId,
      async () => (await this.get(tenantId, personId))?.value.locale ?? null,
    );
  }

  /** Every choice made in the tenant (one partition read: for the daily reminders). */
  async listForTenant(tenantId: TenantId): Promise<Map<string, Locale>> {
    const rows = await this.table.list(partitionFilter(languageChoiceKeys.partition(tenantId)));
    return new Map(rows.map(({ value }) => [value.personId, value.locale]));
  }

  /** AlreadyExistsError if the person has chosen meanwhile. */
  async create(choice: LanguageChoice): Promise<Versioned<LanguageChoice>> {
    return this.remembered(await this.table.insert(choice));
  }

  /** ConcurrencyConflictError if the choice changed since `read`; nothing is written then. */
  async update(
    read: Versioned<LanguageChoice>,
    changes: Pick<LanguageChoice, 'locale' | 'updatedAt'>,
  ): Promise<Versioned<LanguageChoice>> {
    return this.remembered(await this.table.update(read, changes));
  }

  /** Erasure: the choice goes with the person. */
  async delete(read: Versioned<LanguageChoice>): Promise<void> {
    await this.table.delete(read);
    this.recent.forget(read.value.tenantId, read.value.personId);
  }

  private remembered(written: Versioned<LanguageChoice>): Versioned<LanguageChoice> {
    this.recent.remember(written.value.tenantId, written.value.personId, written.value.locale);
    return written;
  }
}
