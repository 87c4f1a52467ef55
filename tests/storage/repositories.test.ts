import { ConcurrencyConflictError, InvalidRecordError } from '../../bot/src/storage/errors';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import type { Versioned } from '../../bot/src/storage/table-store';
import { newTenantId, testStorageAccount } from '../support/storage';
import * as sample from './samples';
import { YEAR } from './samples';

/** One repository's create, update and read, for the checks every updating repository must pass. */
interface Scenario<T> {
  create(repos: Repositories, tenant: string): Promise<Versioned<T>>;
  update(repos: Repositories, read: Versioned<T>, attempt: string): Promise<Versioned<T>>;
  get(repos: Repositories, tenant: string): Promise<Versioned<T> | null>;
}

const scenario = <T>(s: Scenario<T>): Scenario<unknown> => s as Scenario<unknown>;

const scenarios: Record<string, Scenario<unknown>> = {
  organisations: scenario({
    create: (r, tenant) => r.organisations.create(sample.organisation(tenant)),
    update: (r, read, attempt) => r.organisations.update(read, { name: attempt }),
    get: (r, tenant) => r.organisations.get(tenant),
  }),
  serviceAreas: scenario({
    create: (r, tenant) => r.serviceAreas.create(sample.serviceArea(tenant, 'sa-1')),
    update: (r, read, attempt) => r.serviceAreas.update(read, { name: attempt }),
    get: (r, tenant) => r.serviceAreas.get(tenant, 'sa-1'),
  }),
  teams: scenario({
    create: (r, tenant) => r.teams.create(sample.team(tenant, 't1', 'sa-1')),
    update: (r, read, attempt) => r.teams.update(read, { name: attempt, serviceAreaId: attempt }),
    get: (r, tenant) => r.teams.get(tenant, 't1'),
  }),
  groupDiscussions: scenario({
    create: (r, tenant) => r.groupDiscussions.create(sample.groupDiscussion(tenant, 'g1')),
    update: (r, read, attempt) => r.groupDiscussions.update(read, { conclusions: { futureNeeds: attempt } }),
    get: (r, tenant) => r.groupDiscussions.get(tenant, YEAR, 'g1'),
  }),
  annualClocks: scenario({
    create: (r, tenant) => r.annualClocks.create(sample.annualClock(tenant)),
    update: (r, read, attempt) =>
      r.annualClocks.update(read, { overrides: [{ serviceAreaId: attempt, phases: {} }] }),
    get: (r, tenant) => r.annualClocks.get(tenant),
  }),
  competenceFrameworks: scenario({
    create: (r, tenant) => r.competenceFrameworks.create(sample.competenceFramework(tenant)),
    update: (r, read, attempt) =>
      r.competenceFrameworks.update(read, {
        scale: { min: 1, max: 1, labels: [{ fi: attempt, sv: attempt, en: attempt }] },
      }),
    get: (r, tenant) => r.competenceFrameworks.get(tenant, YEAR),
  }),
  summaries: scenario({
    create: (r, tenant) => r.summaries.create(sample.summary(tenant, 'sa-1')),
    update: (r, read, attempt) => r.summaries.update(read, { conclusions: { futureNeeds: [attempt] } }),
    get: (r, tenant) => r.summaries.get(tenant, YEAR, 'sa-1'),
  }),
  trainingPlans: scenario({
    create: (r, tenant) => r.trainingPlans.create(sample.trainingPlan(tenant, 'sa-1')),
    update: (r, read, attempt) =>
      r.trainingPlans.update(read, { history: [{ status: 'draft', by: attempt, at: '' }] }),
    get: (r, tenant) => r.trainingPlans.get(tenant, YEAR, 'sa-1'),
  }),
};

describe('every repository on real Azurite', () => {
  let repos: Repositories;
  beforeAll(async () => {
    repos = await openRepositories(testStorageAccount());
  });

  describe.each(Object.entries(scenarios))('%s', (_name, s) => {
    it('refuses a stale ETag and keeps the stored record unchanged', async () => {
      const tenant = newTenantId();
      const created = await s.create(repos, tenant);
      const updated = await s.update(repos, created, 'first');

      await expect(s.update(repos, created, 'stale')).rejects.toBeInstanceOf(ConcurrencyConflictError);

      expect(await s.get(repos, tenant)).toEqual(updated);
      expect(updated.value).not.toEqual(created.value);
    });

    it('never returns a record of one tenant to another', async () => {
      const tenant = newTenantId();
      await s.create(repos, tenant);
      expect(await s.get(repos, newTenantId())).toBeNull();
    });
  });

  it('refuses an update that would move a record to another tenant', async () => {
    const tenant = newTenantId();
    const other = newTenantId();
    const created = await repos.organisations.create(sample.organisation(tenant));
    // A caller that slips past the types: `Changes` leaves the tenant id out.
    const moving = { tenantId: other } as Parameters<Repositories['organisations']['update']>[1];

    await expect(repos.organisations.update(created, moving)).rejects.toBeInstanceOf(InvalidRecordError);

    expect(await repos.organisations.get(tenant)).toEqual(created);
    expect(await repos.organisations.get(other)).toBeNull();
  });

  it('lists a tenant’s service areas and a year’s summaries and training plans, and nothing else', async () => {
    const tenant = newTenantId();
    const other = newTenantId();
    for (const id of ['sa-1', 'sa-2']) {
      await repos.serviceAreas.create(sample.serviceArea(tenant, id));
      await repos.summaries.create(sample.summary(tenant, id));
      await repos.trainingPlans.create(sample.trainingPlan(tenant, id));
    }
    await repos.trainingPlans.create(sample.trainingPlan(tenant, null));
    await repos.summaries.create(sample.summary(tenant, 'sa-1', { year: YEAR + 1 }));
    await repos.trainingPlans.create(sample.trainingPlan(tenant, 'sa-1', { year: YEAR + 1 }));
    await repos.serviceAreas.create(sample.serviceArea(other, 'sa-9'));
    await repos.summaries.create(sample.summary(other, 'sa-9'));

    const areas = await repos.serviceAreas.list(tenant);
    expect(areas.map((area) => area.value.id).sort()).toEqual(['sa-1', 'sa-2']);
    const summaries = await repos.summaries.listForYear(tenant, YEAR);
    expect(summaries.map((summary) => summary.value.serviceAreaId).sort()).toEqual(['sa-1', 'sa-2']);
    const plans = await repos.trainingPlans.listForYear(tenant, YEAR);
    expect(plans.map((plan) => plan.value.serviceAreaId ?? 'central').sort()).toEqual([
      'central',
      'sa-1',
      'sa-2',
    ]);
  });

  it('lists a tenant’s competence frameworks by year', async () => {
    const tenant = newTenantId();
    await repos.competenceFrameworks.create(sample.competenceFramework(tenant, { year: YEAR + 1 }));
    await repos.competenceFrameworks.create(sample.competenceFramework(tenant, { year: YEAR }));
    await repos.competenceFrameworks.create(sample.competenceFramework(newTenantId()));

    const frameworks = await repos.competenceFrameworks.list(tenant);
    expect(frameworks.map((framework) => framework.value.year)).toEqual([YEAR, YEAR + 1]);
  });

  it('lists a service area’s teams, following a team that moves', async () => {
    const tenant = newTenantId();
    const moving = await repos.teams.create(sample.team(tenant, 't1', 'sa-1'));
    await repos.teams.create(sample.team(tenant, 't2', 'sa-1'));
    await repos.teams.create(sample.team(tenant, 't3', 'sa-10'));
    await repos.teams.update(moving, { serviceAreaId: 'sa-2' });

    const teamIds = async (area: string): Promise<string[]> =>
      (await repos.teams.listForServiceArea(tenant, area)).items.map((team) => team.id).sort();
    expect(await teamIds('sa-1')).toEqual(['t2']);
    expect(await teamIds('sa-2')).toEqual(['t1']);
    expect(await teamIds('sa-10')).toEqual(['t3']);
    expect((await repos.teams.list(tenant)).items.map((team) => team.value.id).sort()).toEqual([
      't1',
      't2',
      't3',
    ]);
  });

  it('lists group discussions by team and by service area, never widened by a quote in an id', async () => {
    const tenant = newTenantId();
    await repos.groupDiscussions.create(
      sample.groupDiscussion(tenant, 'g1', { teamId: 't1', serviceAreaId: 'sa-1' }),
    );
    await repos.groupDiscussions.create(
      sample.groupDiscussion(tenant, 'g2', { teamId: 't2', serviceAreaId: 'sa-1' }),
    );
    await repos.groupDiscussions.create(
      sample.groupDiscussion(tenant, 'g3', { teamId: "t' or teamId ne '", serviceAreaId: 'sa-2' }),
    );
    await repos.groupDiscussions.create(sample.groupDiscussion(newTenantId(), 'g4', { teamId: 't1' }));

    const byTeam = async (teamId: string): Promise<string[]> =>
      (await repos.groupDiscussions.listForTeam(tenant, YEAR, teamId)).items.map((item) => item.value.id);
    expect(await byTeam('t1')).toEqual(['g1']);
    expect(await byTeam("t' or teamId ne '")).toEqual(['g3']);
    expect(await byTeam("x' or PartitionKey ne '")).toEqual([]);
    const inArea = await repos.groupDiscussions.listForServiceArea(tenant, YEAR, 'sa-1');
    expect(inArea.items.map((item) => item.value.id).sort()).toEqual(['g1', 'g2']);
  });
});
