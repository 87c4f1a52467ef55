import type { Person } from '../../bot/src/domain/organisation';
import { InvalidRecordError } from '../../bot/src/storage/errors';
import { writeOrganisation, type OrganisationSnapshot } from '../../bot/src/storage/organisation-import';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { newTenantId, testStorageAccount } from '../support/storage';
import { organisation, person, serviceArea, team } from './samples';

function snapshot(tenant: string, people: Person[]): OrganisationSnapshot {
  return {
    organisation: organisation(tenant),
    serviceAreas: [serviceArea(tenant, 'sa-1'), serviceArea(tenant, 'sa-2')],
    teams: [
      team(tenant, 't1', 'sa-1', { supervisorId: 's1' }),
      team(tenant, 't2', 'sa-2', { supervisorId: 's2' }),
    ],
    people,
  };
}

function staff(tenant: string): Person[] {
  return [
    person(tenant, 's1', { teamId: 't1', roles: ['supervisor'], aadObjectId: 'oid-s1' }),
    person(tenant, 's2', {
      teamId: 't2',
      serviceAreaId: 'sa-2',
      roles: ['supervisor'],
      aadObjectId: 'oid-s2',
    }),
    person(tenant, 'p1', { teamId: 't1', supervisorId: 's1', aadObjectId: 'oid-p1' }),
    person(tenant, 'p2', { teamId: 't1', supervisorId: 's1' }),
  ];
}

describe('writeOrganisation on real Azurite', () => {
  let repos: Repositories;
  beforeAll(async () => {
    repos = await openRepositories(testStorageAccount());
  });

  const reportIds = async (tenant: string, supervisorId: string): Promise<string[]> =>
    (await repos.people.listReports(tenant, supervisorId)).items.map((report) => report.id).sort();

  it('writes nothing when the same data is imported twice', async () => {
    const tenant = newTenantId();
    const first = await writeOrganisation(repos, tenant, snapshot(tenant, staff(tenant)));
    expect(first).toEqual({
      organisation: { created: 1, updated: 0, unchanged: 0 },
      serviceAreas: { created: 2, updated: 0, unchanged: 0 },
      teams: { created: 2, updated: 0, unchanged: 0 },
      people: { created: 4, updated: 0, unchanged: 0 },
    });
    const etagBefore = (await repos.people.getPerson(tenant, 'p1'))?.etag;

    const second = await writeOrganisation(repos, tenant, snapshot(tenant, staff(tenant)));

    expect(second).toEqual({
      organisation: { created: 0, updated: 0, unchanged: 1 },
      serviceAreas: { created: 0, updated: 0, unchanged: 2 },
      teams: { created: 0, updated: 0, unchanged: 2 },
      people: { created: 0, updated: 0, unchanged: 4 },
    });
    expect((await repos.people.getPerson(tenant, 'p1'))?.etag).toBe(etagBefore);
  });

  it('moves a person to their new supervisor’s reports when the supervisor changes', async () => {
    const tenant = newTenantId();
    await writeOrganisation(repos, tenant, snapshot(tenant, staff(tenant)));
    expect(await reportIds(tenant, 's1')).toEqual(['p1', 'p2']);

    const moved = staff(tenant).map((p) =>
      p.id === 'p1' ? { ...p, supervisorId: 's2', teamId: 't2', serviceAreaId: 'sa-2' } : p,
    );
    const counts = await writeOrganisation(repos, tenant, snapshot(tenant, moved));

    expect(counts.people).toEqual({ created: 0, updated: 1, unchanged: 3 });
    expect(await reportIds(tenant, 's1')).toEqual(['p2']);
    expect(await reportIds(tenant, 's2')).toEqual(['p1']);
    expect(
      (await repos.people.listTeamMembers(tenant, 't2')).items.map((member) => member.id).sort(),
    ).toEqual(['p1', 's2']);
    expect((await repos.people.getPersonByAadObjectId(tenant, 'oid-p1'))?.supervisorId).toBe('s2');
  });

  it('imports people alone, batching a large organisation into transactions', async () => {
    const tenant = newTenantId();
    const many = Array.from({ length: 120 }, (_, index) =>
      person(tenant, `p${index}`, { supervisorId: 's1', aadObjectId: `oid-${index}` }),
    );
    const counts = await writeOrganisation(repos, tenant, { serviceAreas: [], teams: [], people: many });

    expect(counts.people).toEqual({ created: 120, updated: 0, unchanged: 0 });
    expect(counts.organisation).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect((await repos.people.listReports(tenant, 's1', { pageSize: 1000 })).items).toHaveLength(120);
  });

  it('refuses, before writing anything, data of another tenant or two people with one Entra id', async () => {
    const tenant = newTenantId();
    const foreign = [...staff(tenant), person(newTenantId(), 'x1')];
    await expect(writeOrganisation(repos, tenant, snapshot(tenant, foreign))).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
    const twins = [...staff(tenant), person(tenant, 'p3', { aadObjectId: 'oid-p1' })];
    await expect(writeOrganisation(repos, tenant, snapshot(tenant, twins))).rejects.toThrow(
      'two records claim the same row (aad)',
    );

    expect(await repos.organisations.get(tenant)).toBeNull();
    expect(await repos.serviceAreas.list(tenant)).toEqual([]);
    expect((await repos.people.listPeople(tenant)).items).toEqual([]);
  });
});
