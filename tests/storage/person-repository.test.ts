import type { Person } from '../../bot/src/domain/organisation';
import {
  AlreadyExistsError,
  ConcurrencyConflictError,
  CorruptRecordError,
} from '../../bot/src/storage/errors';
import { personKeys, TABLES } from '../../bot/src/storage/keys';
import { PersonRepository } from '../../bot/src/storage/person-repository';
import { openRepositories } from '../../bot/src/storage/repositories';
import { TableStore, type Page, type Row } from '../../bot/src/storage/table-store';
import { newTenantId, testStorageAccount } from '../support/storage';
import { person } from './samples';

const ids = (page: Page<Person>): string[] => page.items.map((item) => item.id).sort();

describe('PersonRepository on real Azurite', () => {
  let people: PersonRepository;
  let store: TableStore;
  beforeAll(async () => {
    people = (await openRepositories(testStorageAccount())).people;
    store = await TableStore.open(testStorageAccount(), TABLES.people);
  });

  async function rawRow(tenant: string, personId: string): Promise<Row> {
    const read = await store.get(personKeys.partition(tenant), personKeys.person(personId));
    if (!read) throw new Error('The row was not written.');
    return read.value;
  }

  it('never returns a person of one tenant to another, by id, Entra id, reports or team', async () => {
    const tenantA = newTenantId();
    const tenantB = newTenantId();
    await people.createPerson(
      person(tenantA, 'p1', { aadObjectId: 'oid-1', supervisorId: 's1', teamId: 't1' }),
    );

    expect(await people.getPerson(tenantB, 'p1')).toBeNull();
    expect(await people.getPersonByAadObjectId(tenantB, 'oid-1')).toBeNull();
    expect((await people.listReports(tenantB, 's1')).items).toEqual([]);
    expect((await people.listTeamMembers(tenantB, 't1')).items).toEqual([]);
    expect((await people.listPeople(tenantB)).items).toEqual([]);

    expect((await people.getPerson(tenantA, 'p1'))?.value.id).toBe('p1');
    expect((await people.getPersonByAadObjectId(tenantA, 'oid-1'))?.id).toBe('p1');
    expect(ids(await people.listReports(tenantA, 's1'))).toEqual(['p1']);
  });

  it('refuses a stale ETag and leaves the person and their reports listing unchanged', async () => {
    const tenant = newTenantId();
    const created = await people.createPerson(
      person(tenant, 'p1', { supervisorId: 's1', lastName: 'Virtanen' }),
    );
    const renamed = await people.updatePerson(created, { lastName: 'Korhonen' });

    await expect(
      people.updatePerson(created, { lastName: 'Stale', supervisorId: 's2' }),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);

    const stored = await people.getPerson(tenant, 'p1');
    expect(stored).toEqual(renamed);
    expect(stored?.value.lastName).toBe('Korhonen');
    expect((await people.listReports(tenant, 's1')).items.map((report) => report.lastName)).toEqual([
      'Korhonen',
    ]);
    expect((await people.listReports(tenant, 's2')).items).toEqual([]);
  });

  it('moves a person between supervisors, teams and Entra ids in one update', async () => {
    const tenant = newTenantId();
    const created = await people.createPerson(
      person(tenant, 'p1', { supervisorId: 's1', teamId: 't1', aadObjectId: 'oid-old' }),
    );

    const moved = await people.updatePerson(created, {
      supervisorId: 's2',
      teamId: 't2',
      aadObjectId: 'oid-new',
    });

    expect(moved.value).toMatchObject({ supervisorId: 's2', teamId: 't2', aadObjectId: 'oid-new' });
    expect((await people.listReports(tenant, 's1')).items).toEqual([]);
    expect(ids(await people.listReports(tenant, 's2'))).toEqual(['p1']);
    expect((await people.listTeamMembers(tenant, 't1')).items).toEqual([]);
    expect(ids(await people.listTeamMembers(tenant, 't2'))).toEqual(['p1']);
    expect(await people.getPersonByAadObjectId(tenant, 'oid-old')).toBeNull();
    expect((await people.getPersonByAadObjectId(tenant, 'oid-new'))?.supervisorId).toBe('s2');
  });

  it('keeps an Entra id to one person of the tenant', async () => {
    const tenant = newTenantId();
    await people.createPerson(person(tenant, 'p1', { aadObjectId: 'oid-1' }));
    await expect(people.createPerson(person(tenant, 'p2', { aadObjectId: 'oid-1' }))).rejects.toBeInstanceOf(
      AlreadyExistsError,
    );
    expect(await people.getPerson(tenant, 'p2')).toBeNull();
  });

  it('never widens a query for an id holding a quote, an OData operator or the key separator', async () => {
    const tenant = newTenantId();
    const other = newTenantId();
    const sneaky = "s1' or PartitionKey ne '";
    await people.createPerson(person(tenant, 'p1', { supervisorId: 's1' }));
    await people.createPerson(person(tenant, 'p2', { supervisorId: 's1|x' }));
    await people.createPerson(person(tenant, "o'brien", { supervisorId: sneaky, teamId: 't/1#?' }));
    await people.createPerson(person(other, 'p9', { supervisorId: 's1' }));

    expect(ids(await people.listReports(tenant, sneaky))).toEqual(["o'brien"]);
    expect(ids(await people.listReports(tenant, 's1'))).toEqual(['p1']);
    expect(ids(await people.listReports(tenant, 's1|x'))).toEqual(['p2']);
    expect(ids(await people.listReports(tenant, "' or RowKey ne '"))).toEqual([]);
    expect(ids(await people.listTeamMembers(tenant, 't/1#?'))).toEqual(["o'brien"]);
    expect((await people.getPerson(tenant, "o'brien"))?.value.supervisorId).toBe(sneaky);
    expect(await people.getPerson(tenant, "p1' or RowKey ne '")).toBeNull();
  });

  it('pages a supervisor’s reports so that every report comes exactly once', async () => {
    const tenant = newTenantId();
    const expected = Array.from({ length: 23 }, (_, index) => `p${String(index).padStart(2, '0')}`);
    await people.upsertPeople(
      tenant,
      expected.map((id) => person(tenant, id, { supervisorId: 's1' })),
    );

    const seen: string[] = [];
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await people.listReports(tenant, 's1', { pageSize: 10, continuationToken });
      seen.push(...page.items.map((report) => report.id));
      continuationToken = page.continuationToken;
      pages++;
    } while (continuationToken);

    expect(pages).toBeGreaterThan(1);
    expect(seen.sort()).toEqual(expected);
  });

  it('imports idempotently: unchanged people are not written again, changed ones are', async () => {
    const tenant = newTenantId();
    const staff = [
      person(tenant, 'p1', { supervisorId: 's1' }),
      person(tenant, 'p2', { supervisorId: 's1' }),
    ];
    expect(await people.upsertPeople(tenant, staff)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const before = await people.getPerson(tenant, 'p1');

    expect(await people.upsertPeople(tenant, staff)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect((await people.getPerson(tenant, 'p1'))?.etag).toBe(before?.etag);

    const changed = [staff[0] as Person, { ...(staff[1] as Person), supervisorId: 's2' }];
    expect(await people.upsertPeople(tenant, changed)).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(ids(await people.listReports(tenant, 's1'))).toEqual(['p1']);
    expect(ids(await people.listReports(tenant, 's2'))).toEqual(['p2']);
  });

  it('reports a corrupt row clearly instead of returning it', async () => {
    const tenant = newTenantId();
    const created = await people.createPerson(person(tenant, 'p1'));
    const row = await rawRow(tenant, 'p1');
    await store.replace({ ...row, roles: '["employee"' }, created.etag);

    await expect(people.getPerson(tenant, 'p1')).rejects.toThrow(CorruptRecordError);
    await expect(people.getPerson(tenant, 'p1')).rejects.toThrow(
      'People cannot be read: roles: not valid JSON',
    );
  });

  it('treats a row filed under another tenant as corrupt', async () => {
    const tenant = newTenantId();
    const created = await people.createPerson(person(tenant, 'p1'));
    const row = await rawRow(tenant, 'p1');
    await store.replace({ ...row, tenantId: newTenantId() }, created.etag);

    await expect(people.getPerson(tenant, 'p1')).rejects.toThrow(CorruptRecordError);
  });
  it('reuses a looked-up person on request paths until the import (or any write here) changes the tenant', async () => {
    const tenant = newTenantId();
    expect(await people.findByAadObjectId(tenant, 'oid-late')).toBeNull();
    await people.upsertPeople(tenant, [
      person(tenant, 'p1', { aadObjectId: 'oid-late', lastName: 'Virtanen' }),
    ]);
    // "Not found" was not kept: the imported user is recognised at once.
    expect((await people.findByAadObjectId(tenant, 'oid-late'))?.lastName).toBe('Virtanen');

    expect((await people.findPerson(tenant, 'p1'))?.lastName).toBe('Virtanen');
    const read = await people.getPerson(tenant, 'p1');
    if (!read) throw new Error('The person was not written.');
    // A write that bypasses the repository is not seen until the entry expires...
    await store.replace({ ...(await rawRow(tenant, 'p1')), lastName: 'Elsewhere' }, read.etag);
    expect((await people.findPerson(tenant, 'p1'))?.lastName).toBe('Virtanen');
    // ...but the import forgets the tenant's entries.
    await people.upsertPeople(tenant, [
      person(tenant, 'p1', { aadObjectId: 'oid-late', lastName: 'Korhonen' }),
    ]);
    expect((await people.findPerson(tenant, 'p1'))?.lastName).toBe('Korhonen');
    expect((await people.findByAadObjectId(tenant, 'oid-late'))?.lastName).toBe('Korhonen');
  });
});
