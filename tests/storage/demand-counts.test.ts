/**
 * The year's open coaching / work-supervision requests counted per service area, kind and form beside the
 * requests (issue 13: a summary reads one row instead of every request of the city). The counts always equal a
 * count of the rows: through asking, asking in another form, withdrawing, erasure and people asking at the
 * same moment; a year stored before the counts were kept is counted from its rows once; a request that
 * exists, or changed since it was read, is refused as before. On real Azurite.
 */
import {
  type DevelopmentActionRequest,
  type DemandCountsByArea,
} from '../../bot/src/storage/development-action-request-repository';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { requestCountingAccount } from '../../bot/src/storage/request-counting';
import { AlreadyExistsError, ConcurrencyConflictError } from '../../bot/src/storage/errors';
import { developmentActionRequestKeys } from '../../bot/src/storage/keys';
import { newTenantId, testStorageAccount } from '../support/storage';

const YEAR = 2026;

function request(
  tenantId: string,
  personId: string,
  serviceAreaId: string,
  changes: Partial<DevelopmentActionRequest> = {},
): DevelopmentActionRequest {
  return {
    tenantId,
    year: YEAR,
    personId,
    serviceAreaId,
    kind: 'coaching',
    form: 'individual',
    status: 'requested',
    updatedAt: `${YEAR}-03-01T10:00:00.000Z`,
    ...changes,
  };
}

describe('open requests counted beside the requests', () => {
  const requests: string[] = [];
  let repositories: Repositories;

  /** The year's open requests counted from their rows, as a summary counted them before the counts were kept. */
  async function countedFromRows(tenantId: string): Promise<DemandCountsByArea> {
    const counts: DemandCountsByArea = {};
    for await (const row of repositories.developmentActionRequests.scanDemand(tenantId, YEAR)) {
      if (row.status !== 'requested') continue;
      const cells = (counts[row.serviceAreaId] ??= {});
      const key = `${row.kind}|${row.form}`;
      cells[key] = (cells[key] ?? 0) + 1;
    }
    return counts;
  }

  /** The kept counts without the areas whose counts all went back to nothing. */
  async function kept(tenantId: string): Promise<DemandCountsByArea> {
    const counts = await repositories.developmentActionRequests.demandCounts(tenantId, YEAR);
    return Object.fromEntries(Object.entries(counts).filter(([, cells]) => Object.keys(cells).length > 0));
  }

  beforeAll(async () => {
    repositories = await openRepositories(
      requestCountingAccount(testStorageAccount(), (table) => requests.push(table)),
    );
  });

  it('keeps the counts equal to the rows through asking, changing the form, withdrawing and erasure', async () => {
    const tenantId = newTenantId();
    const repo = repositories.developmentActionRequests;
    expect(await repo.demandCounts(tenantId, YEAR)).toEqual({});
    const made = [];
    for (let person = 1; person <= 7; person++) {
      made.push(await repo.create(request(tenantId, `p${person}`, person <= 4 ? 'area-a' : 'area-b')));
    }
    await repo.create(request(tenantId, 'p1', 'area-a', { kind: 'workSupervision', form: 'group' }));
    expect(await kept(tenantId)).toEqual({
      'area-a': { 'coaching|individual': 4, 'workSupervision|group': 1 },
      'area-b': { 'coaching|individual': 3 },
    });
    // Asking in another form, withdrawing, asking again, and a change that moves no count.
    await repo.update(made[1]!, { form: 'workCommunity' });
    const withdrawn = await repo.update(made[4]!, { status: 'withdrawn' });
    await repo.update(withdrawn, { updatedAt: `${YEAR}-04-01T10:00:00.000Z` });
    await repo.update(made[2]!, { updatedAt: `${YEAR}-04-01T10:00:00.000Z` });
    // Erasure of a person's requests (open and withdrawn).
    await repo.delete(made[0]!.value);
    await repo.delete(withdrawn.value);
    expect(await kept(tenantId)).toEqual({
      'area-a': { 'coaching|individual': 2, 'coaching|workCommunity': 1, 'workSupervision|group': 1 },
      'area-b': { 'coaching|individual': 2 },
    });
    expect(await kept(tenantId)).toEqual(await countedFromRows(tenantId));
    // One read, whatever the number of requests.
    requests.length = 0;
    await repo.demandCounts(tenantId, YEAR);
    expect(requests).toEqual(['DevelopmentActionRequests']);
  });

  it('counts every request of people asking at the same moment', async () => {
    const tenantId = newTenantId();
    await Promise.all(
      Array.from({ length: 6 }, (_, person) =>
        repositories.developmentActionRequests.create(request(tenantId, `p${person}`, 'area-a')),
      ),
    );
    expect(await kept(tenantId)).toEqual({ 'area-a': { 'coaching|individual': 6 } });
  });

  it('refuses a request that exists and a change to one that changed since it was read, counting neither', async () => {
    const tenantId = newTenantId();
    const repo = repositories.developmentActionRequests;
    const read = await repo.create(request(tenantId, 'p1', 'area-a'));
    await expect(repo.create(request(tenantId, 'p1', 'area-a'))).rejects.toBeInstanceOf(AlreadyExistsError);
    await repo.update(read, { form: 'group' });
    await expect(repo.update(read, { status: 'withdrawn' })).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(await kept(tenantId)).toEqual({ 'area-a': { 'coaching|group': 1 } });
  });

  it('counts a year stored before the counts were kept from its rows once, and keeps counting from there', async () => {
    const tenantId = newTenantId();
    const table = testStorageAccount().table('DevelopmentActionRequests');
    const old = [
      request(tenantId, 'p1', 'area-a'),
      request(tenantId, 'p2', 'area-a', { form: 'group' }),
      request(tenantId, 'p3', 'area-b', { status: 'withdrawn' }),
      request(tenantId, 'p4', 'area-b', { kind: 'workSupervision' }),
    ];
    for (const row of old) {
      const key = developmentActionRequestKeys.key(tenantId, YEAR, row.serviceAreaId, row.personId, row.kind);
      await table.createEntity({ ...key, ...row });
      await table.createEntity({
        ...key,
        rowKey: developmentActionRequestKeys.personRow(row.personId, row.kind),
        ...row,
      });
    }
    const expected = {
      'area-a': { 'coaching|individual': 1, 'coaching|group': 1 },
      'area-b': { 'workSupervision|individual': 1 },
    };
    expect(await kept(tenantId)).toEqual(expected);
    // Stored by that read: the next one reads the counts alone.
    requests.length = 0;
    expect(await kept(tenantId)).toEqual(expected);
    expect(requests).toEqual(['DevelopmentActionRequests']);
    const read = await repositories.developmentActionRequests.get(tenantId, YEAR, 'area-a', 'p1', 'coaching');
    await repositories.developmentActionRequests.update(read!, { status: 'withdrawn' });
    await repositories.developmentActionRequests.create(request(tenantId, 'p5', 'area-b'));
    expect(await kept(tenantId)).toEqual(await countedFromRows(tenantId));
    expect(await kept(tenantId)).toEqual({
      'area-a': { 'coaching|group': 1 },
      'area-b': { 'workSupervision|individual': 1, 'coaching|individual': 1 },
    });
  });

  it('counts a year stored before from its rows on the first write of a request there', async () => {
    const tenantId = newTenantId();
    const table = testStorageAccount().table('DevelopmentActionRequests');
    const row = request(tenantId, 'p1', 'area-a');
    const key = developmentActionRequestKeys.key(tenantId, YEAR, 'area-a', 'p1', 'coaching');
    await table.createEntity({ ...key, ...row });
    await table.createEntity({
      ...key,
      rowKey: developmentActionRequestKeys.personRow('p1', 'coaching'),
      ...row,
    });
    await repositories.developmentActionRequests.create(request(tenantId, 'p2', 'area-a'));
    expect(await kept(tenantId)).toEqual({ 'area-a': { 'coaching|individual': 2 } });
  });
});
