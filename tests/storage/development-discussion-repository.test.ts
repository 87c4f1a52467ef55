import {
  AlreadyExistsError,
  ConcurrencyConflictError,
  CorruptRecordError,
  RecordTooLargeError,
} from '../../bot/src/storage/errors';
import type { DevelopmentDiscussionRepository } from '../../bot/src/storage/development-discussion-repository';
import { developmentDiscussionKeys, TABLES } from '../../bot/src/storage/keys';
import { openRepositories } from '../../bot/src/storage/repositories';
import { TableStore } from '../../bot/src/storage/table-store';
import { newTenantId, testStorageAccount } from '../support/storage';
import { developmentDiscussion, YEAR } from './samples';

describe('DevelopmentDiscussionRepository on real Azurite', () => {
  let discussions: DevelopmentDiscussionRepository;
  let store: TableStore;
  beforeAll(async () => {
    discussions = (await openRepositories(testStorageAccount())).developmentDiscussions;
    store = await TableStore.open(testStorageAccount(), TABLES.developmentDiscussions);
  });

  it('creates one discussion per employee and year, however often create is clicked', async () => {
    const tenant = newTenantId();
    const first = await discussions.create(developmentDiscussion(tenant, 'e1', { status: 'scheduled' }));
    await expect(
      discussions.create(developmentDiscussion(tenant, 'e1', { status: 'held' })),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await discussions.get(tenant, YEAR, 'e1')).toEqual(first);
  });

  it('refuses a stale ETag and keeps the stored discussion unchanged', async () => {
    const tenant = newTenantId();
    const created = await discussions.create(developmentDiscussion(tenant, 'e1'));
    const prepared = await discussions.update(created, {
      status: 'prepared',
      preparation: { futureNeeds: 'Tekoälyn käyttö' },
    });

    await expect(discussions.update(created, { status: 'held', supervisorNotes: {} })).rejects.toBeInstanceOf(
      ConcurrencyConflictError,
    );

    const stored = await discussions.get(tenant, YEAR, 'e1');
    expect(stored).toEqual(prepared);
    expect(stored?.value.preparation).toEqual({ futureNeeds: 'Tekoälyn käyttö' });
  });

  it('round-trips every part of the form', async () => {
    const tenant = newTenantId();
    const discussion = developmentDiscussion(tenant, 'e1', {
      supervisorRatings: { 'self-management': 3, 'digital-skills': 2.5 },
      employeeSignature: { personId: 'e1', at: '2027-02-02T10:00:00.000Z' },
      reopenings: [{ by: 'supervisor-1', at: '2027-02-03T10:00:00.000Z', reason: 'Korjaus "tavoitteisiin"' }],
      includesSupervisorSection: true,
      scheduledAt: null,
    });
    await discussions.create(discussion);
    expect((await discussions.get(tenant, YEAR, 'e1'))?.value).toEqual(discussion);
  });

  it('keeps text longer than one table property, and refuses a record beyond the 1 MiB entity limit', async () => {
    const tenant = newTenantId();
    const long = 'Pitkä pohdinta 🙂 "lainaus"\n'.repeat(3000);
    const discussion = developmentDiscussion(tenant, 'e1', { preparation: { pastYearReview: long } });
    await discussions.create(discussion);
    expect((await discussions.get(tenant, YEAR, 'e1'))?.value.preparation.pastYearReview).toBe(long);

    const huge = developmentDiscussion(tenant, 'e2', { supervisorNotes: { wellbeing: 'x'.repeat(600_000) } });
    await expect(discussions.create(huge)).rejects.toBeInstanceOf(RecordTooLargeError);
    expect(await discussions.get(tenant, YEAR, 'e2')).toBeNull();
  });

  it('lists a service area’s discussions page by page, each exactly once, and nothing of other areas', async () => {
    const tenant = newTenantId();
    const expected = Array.from({ length: 12 }, (_, index) => `e${String(index).padStart(2, '0')}`);
    for (const id of expected)
      await discussions.create(developmentDiscussion(tenant, id, { serviceAreaId: 'sa-1' }));
    await discussions.create(developmentDiscussion(tenant, 'other', { serviceAreaId: 'sa-2' }));
    await discussions.create(developmentDiscussion(newTenantId(), 'foreign', { serviceAreaId: 'sa-1' }));

    const seen: string[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await discussions.listForServiceArea(tenant, YEAR, 'sa-1', {
        pageSize: 5,
        continuationToken,
      });
      seen.push(...page.items.map((item) => item.value.employeeId));
      continuationToken = page.continuationToken;
    } while (continuationToken);
    expect(seen.sort()).toEqual(expected);
  });

  it('never widens the service-area filter for a quote or an OData operator in the id', async () => {
    const tenant = newTenantId();
    await discussions.create(developmentDiscussion(tenant, 'e1', { serviceAreaId: 'sa-1' }));
    await discussions.create(
      developmentDiscussion(tenant, 'e2', { serviceAreaId: "sa' or serviceAreaId ne '" }),
    );

    const sneaky = await discussions.listForServiceArea(tenant, YEAR, "sa' or serviceAreaId ne '");
    expect(sneaky.items.map((item) => item.value.employeeId)).toEqual(['e2']);
    expect((await discussions.listForServiceArea(tenant, YEAR, "x' or PartitionKey ne '")).items).toEqual([]);
  });

  it('reads only the asked fields for an aggregation', async () => {
    const tenant = newTenantId();
    await discussions.create(developmentDiscussion(tenant, 'e1', { selfRatings: { 'self-management': 5 } }));

    const page = await discussions.listFieldsForServiceArea(tenant, YEAR, 'sa-1', ['selfRatings', 'status']);

    expect(page.items).toEqual([
      {
        tenantId: tenant,
        year: YEAR,
        employeeId: 'e1',
        serviceAreaId: 'sa-1',
        selfRatings: { 'self-management': 5 },
        status: 'scheduled',
      },
    ]);
  });

  it('reads the discussions of a supervisor’s reports, skipping those without one', async () => {
    const tenant = newTenantId();
    await discussions.create(developmentDiscussion(tenant, 'e1'));
    await discussions.create(developmentDiscussion(tenant, 'e2'));
    await discussions.create(developmentDiscussion(newTenantId(), 'e3'));

    const found = await discussions.getMany(tenant, YEAR, ['e1', 'e2', 'e3', 'e4']);

    expect([...found.keys()].sort()).toEqual(['e1', 'e2']);
    expect(found.get('e1')?.value.employeeId).toBe('e1');
  });

  it('reports corrupt JSON in a row clearly instead of returning it', async () => {
    const tenant = newTenantId();
    const created = await discussions.create(developmentDiscussion(tenant, 'e1'));
    const key = developmentDiscussionKeys.key(tenant, YEAR, 'e1');
    const row = await store.get(key.partitionKey, key.rowKey);
    if (!row) throw new Error('The row was not written.');

    await store.replace(
      { ...row.value, goals: '[{"id": "g1", "text": "ok", "status": "finished"}]' },
      created.etag,
    );
    await expect(discussions.get(tenant, YEAR, 'e1')).rejects.toThrow(CorruptRecordError);
    await expect(discussions.listForServiceArea(tenant, YEAR, 'sa-1')).rejects.toThrow(
      'DevelopmentDiscussions cannot be read: goals.0.status',
    );
  });
});
