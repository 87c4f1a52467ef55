/**
 * People: one partition per tenant. A person's row (`person|P`) has copies in the same partition, written
 * by the same transaction: `aad|OID` (a Teams user → the person, one read), `reports|S|P` (a supervisor's
 * reports, one range read) and `team|T|P` (a team's members, one range read). A change of supervisor, team
 * or Entra id deletes the old copy and creates the new one in that transaction.
 *
 * Request paths (every card press, every chat message) look people up through a short-lived cache of this
 * instance (`findByAadObjectId`, `findPerson`); any write here, the import included, forgets the tenant's.
 */
import { z } from 'zod';
import { LOCALES } from '../domain/locale';
import { ROLES, type Person, type TenantId } from '../domain/organisation';
import { personKeys, rowKeyPrefixFilter } from './keys';
import { RecordCodec } from './record-codec';
import { ExpiringCache } from './expiring-cache';
import { RecordTable, type Changes, type PageRequest, type SyncCounts, type SyncPlan } from './record-table';
import type { Page, TableStore, Versioned } from './table-store';
import { PERSON_CACHE } from '../tunables';

const personSchema = z.object({
  tenantId: z.string().min(1),
  id: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  aadObjectId: z.string().min(1).nullable(),
  serviceAreaId: z.string().min(1),
  teamId: z.string().min(1),
  supervisorId: z.string().min(1).nullable(),
  roles: z.array(z.enum(ROLES)),
  locale: z.enum(LOCALES),
}) satisfies z.ZodType<Person>;

export class PersonRepository {
  private readonly table: RecordTable<Person>;
  private readonly recent = new ExpiringCache<Person | null>(PERSON_CACHE);

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<Person>(store.tableName, personSchema, ['roles']),
      key: (person) => ({
        partitionKey: personKeys.partition(person.tenantId),
        rowKey: personKeys.person(person.id),
      }),
      copies: (person) => [
        ...(person.aadObjectId ? [personKeys.aad(person.aadObjectId)] : []),
        ...(person.supervisorId ? [personKeys.report(person.supervisorId, person.id)] : []),
        personKeys.member(person.teamId, person.id),
      ],
    });
  }

  async getPerson(tenantId: TenantId, personId: string): Promise<Versioned<Person> | null> {
    return this.table.get({
      partitionKey: personKeys.partition(tenantId),
      rowKey: personKeys.person(personId),
    });
  }

  /** The person a Teams user is, in one read; update through `getPerson`. */
  async getPersonByAadObjectId(tenantId: TenantId, aadObjectId: string): Promise<Person | null> {
    return this.table.getCopy({
      partitionKey: personKeys.partition(tenantId),
      rowKey: personKeys.aad(aadObjectId),
    });
  }

  /**
   * As `getPersonByAadObjectId`, as read at most a minute ago (or since this repository last wrote the tenant's
   * people). "Not found" is never reused: a user added by an import is recognised at once.
   */
  async findByAadObjectId(tenantId: TenantId, aadObjectId: string): Promise<Person | null> {
    return this.recent.load(
      tenantId,
      personKeys.aad(aadObjectId),
      () => this.getPersonByAadObjectId(tenantId, aadObjectId),
      (person) => person !== null,
    );
  }

  /** As `getPerson` without the ETag (not for updates), as read at most a minute ago. */
  async findPerson(tenantId: TenantId, personId: string): Promise<Person | null> {
    return this.recent.load(
      tenantId,
      personKeys.person(personId),
      async () => (await this.getPerson(tenantId, personId))?.value ?? null,
      (person) => person !== null,
    );
  }

  async listReports(tenantId: TenantId, supervisorId: string, page?: PageRequest): Promise<Page<Person>> {
    const filter = rowKeyPrefixFilter(personKeys.partition(tenantId), personKeys.reportsPrefix(supervisorId));
    return this.table.pageCopies(filter, page);
  }

  async listTeamMembers(tenantId: TenantId, teamId: string, page?: PageRequest): Promise<Page<Person>> {
    const filter = rowKeyPrefixFilter(personKeys.partition(tenantId), personKeys.membersPrefix(teamId));
    return this.table.pageCopies(filter, page);
  }

  async listPeople(tenantId: TenantId, page?: PageRequest): Promise<Page<Versioned<Person>>> {
    return this.table.page(rowKeyPrefixFilter(personKeys.partition(tenantId), personKeys.personPrefix), page);
  }

  /** AlreadyExistsError if the person exists, or another person of the tenant has the same Entra id. */
  async createPerson(person: Person): Promise<Versioned<Person>> {
    return this.recent.forgetTenantAfter(person.tenantId, this.table.insert(person));
  }

  /** ConcurrencyConflictError if the person changed since `read`: neither the person nor a copy is written. */
  async updatePerson(
    read: Versioned<Person>,
    changes: Changes<Person, 'tenantId' | 'id'>,
  ): Promise<Versioned<Person>> {
    return this.recent.forgetTenantAfter(read.value.tenantId, this.table.update(read, changes));
  }

  /** Erasure: the person and every copy (`aad|`, `reports|`, `team|`) in one transaction. */
  async deletePerson(read: Versioned<Person>): Promise<void> {
    await this.recent.forgetTenantAfter(read.value.tenantId, this.table.deleteWithCopies(read.value));
  }

  /** The import: new people created, changed ones replaced with their ETag, unchanged ones not written. */
  async upsertPeople(tenantId: TenantId, people: readonly Person[]): Promise<SyncCounts> {
    const plan = await this.planSync(tenantId, people);
    await plan.run();
    return plan.counts;
  }

  /** Reads all of the tenant's people (a bounded partition read, for the import only). */
  async planSync(tenantId: TenantId, people: readonly Person[]): Promise<SyncPlan> {
    const partitionKey = personKeys.partition(tenantId);
    const existing = await this.table.list(rowKeyPrefixFilter(partitionKey, personKeys.personPrefix));
    const plan = this.table.planSync(people, existing, partitionKey);
    return { counts: plan.counts, run: () => this.recent.forgetTenantAfter(tenantId, plan.run()) };
  }
}
