/**
 * The retention purge with a fixed clock against real Azurite: exactly the records past the organisation's
 * retention are deleted, the rest are kept, the organisation's audit log says what kind and how many, and an
 * organisation without a policy is left alone.
 */
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { DevelopmentDiscussion } from '../../bot/src/domain/development-discussion';
import type { GroupCompetenceDiscussion } from '../../bot/src/domain/group-discussion';
import type { Person } from '../../bot/src/domain/organisation';
import type { AuditEntry } from '../../bot/src/domain/audit-entry';
import { purgeTenant } from '../../bot/src/privacy/retention-purge';
import type { RetentionPolicy } from '../../bot/src/domain/retention-policy';
import type { DevelopmentActionRequest } from '../../bot/src/storage/development-action-request-repository';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { newTenantId, testStorageAccount } from '../support/storage';

/** 1 June 2031: five years back is 1 June 2026, three years 1 June 2028, two years 1 June 2029. */
const NOW = new Date('2031-06-01T00:00:00Z');

let repos: Repositories;

beforeAll(async () => {
  repos = await openRepositories(testStorageAccount());
});

function person(tenantId: string, id: string): Person {
  return {
    tenantId,
    id,
    firstName: id,
    lastName: 'Testinen',
    email: `${id}@example.test`,
    aadObjectId: null,
    serviceAreaId: 'sa-1',
    teamId: 't-1',
    supervisorId: 'boss',
    roles: ['employee'],
    locale: 'fi',
  };
}

function discussion(
  tenantId: string,
  employeeId: string,
  year: number,
  changes: Partial<DevelopmentDiscussion>,
): DevelopmentDiscussion {
  return {
    ...newDevelopmentDiscussion(person(tenantId, employeeId), year, `${year}-01-15T00:00:00.000Z`),
    ...changes,
  };
}

const signedAt = (at: string): Partial<DevelopmentDiscussion> => ({
  status: 'signed',
  employeeSignature: { personId: 'e', at },
  supervisorSignature: { personId: 'boss', at },
  updatedAt: at,
});

function group(tenantId: string, id: string, year: number, updatedAt: string): GroupCompetenceDiscussion {
  return {
    tenantId,
    id,
    year,
    level: 'team',
    teamId: 't-1',
    serviceAreaId: 'sa-1',
    chairId: 'boss',
    status: 'concluded',
    contributions: [
      { id: 'c1', theme: 'currentCompetence', text: 'Osaamme palkat', authorId: 'a', at: updatedAt },
    ],
    conclusions: {},
    updatedAt,
  };
}

function request(
  tenantId: string,
  personId: string,
  year: number,
  updatedAt: string,
): DevelopmentActionRequest {
  return {
    tenantId,
    year,
    personId,
    serviceAreaId: 'sa-1',
    kind: 'coaching',
    form: 'individual',
    status: 'requested',
    updatedAt,
  };
}

function auditEntry(tenantId: string, id: string, at: string): AuditEntry {
  return {
    tenantId,
    subjectId: 'a',
    id,
    at,
    actorId: 'boss',
    action: 'read',
    recordKind: 'developmentDiscussion',
    year: 2028,
    count: null,
    channel: 'tab',
  };
}

async function seed(tenantId: string): Promise<void> {
  await Promise.all([
    // Signed before the cutoff (in the year after its own): past retention.
    repos.developmentDiscussions.create(
      discussion(tenantId, 'a', 2025, signedAt('2026-03-10T10:00:00.000Z')),
    ),
    // Signed after the cutoff: kept, though of an older year than the cutoff's.
    repos.developmentDiscussions.create(
      discussion(tenantId, 'b', 2026, signedAt('2026-08-01T10:00:00.000Z')),
    ),
    // Never signed, last changed before the cutoff: past retention.
    repos.developmentDiscussions.create(
      discussion(tenantId, 'c', 2025, { updatedAt: '2025-02-01T00:00:00.000Z' }),
    ),
    repos.developmentDiscussions.create(discussion(tenantId, 'a', 2030, {})),
    repos.groupDiscussions.create(group(tenantId, 'g-old', 2025, '2026-01-01T00:00:00.000Z')),
    repos.groupDiscussions.create(group(tenantId, 'g-new', 2026, '2026-09-01T00:00:00.000Z')),
    repos.developmentActionRequests.create(request(tenantId, 'a', 2027, '2028-01-01T00:00:00.000Z')),
    repos.developmentActionRequests.create(request(tenantId, 'b', 2028, '2028-09-01T00:00:00.000Z')),
    repos.auditLog.append(auditEntry(tenantId, 'old', '2029-01-01T00:00:00.000Z')),
    repos.auditLog.append(auditEntry(tenantId, 'new', '2030-01-01T00:00:00.000Z')),
  ]);
}

const policy = (tenantId: string): RetentionPolicy => ({
  tenantId,
  years: { developmentDiscussions: 5, groupDiscussions: 5, developmentActionRequests: 3, auditLog: 2 },
  updatedBy: 'hr',
  updatedAt: '2030-01-01T00:00:00.000Z',
});

async function remaining(tenantId: string) {
  const years = async (id: string) =>
    (await repos.developmentDiscussions.listForEmployee(tenantId, id)).map((read) => read.value.year);
  const groups: string[] = [];
  for await (const read of repos.groupDiscussions.scanAll(tenantId)) groups.push(read.value.id);
  const requests = [
    ...(await repos.developmentActionRequests.listAllForPerson(tenantId, 'a')),
    ...(await repos.developmentActionRequests.listAllForPerson(tenantId, 'b')),
  ].map((r) => `${r.personId}:${r.year}`);
  const demand: string[] = [];
  for await (const row of repos.developmentActionRequests.scanUpToYear(tenantId, 2100))
    demand.push(`${row.personId}:${row.year}`);
  const audit = (await repos.auditLog.listAllForSubject(tenantId, 'a')).map((read) => read.value.id);
  return {
    discussions: { a: await years('a'), b: await years('b'), c: await years('c') },
    groups: groups.sort(),
    requests: requests.sort(),
    demand: demand.sort(),
    audit,
  };
}

describe('retention purge', () => {
  test('deletes exactly the records past retention, keeps the rest and logs kinds and counts', async () => {
    const tenantId = newTenantId();
    await seed(tenantId);

    const counts = await purgeTenant(repos, policy(tenantId), NOW);

    expect(counts).toEqual({
      developmentDiscussions: 2,
      groupDiscussions: 1,
      developmentActionRequests: 1,
      auditLog: 1,
    });
    expect(await remaining(tenantId)).toEqual({
      discussions: { a: [2030], b: [2026], c: [] },
      groups: ['g-new'],
      requests: ['b:2028'],
      demand: ['b:2028'],
      audit: ['new'],
    });
    const log = await repos.auditLog.listForSubject(tenantId, null);
    expect(
      log.items
        .map((entry) => [entry.action, entry.recordKind, entry.count, entry.actorId, entry.channel])
        .sort(),
    ).toEqual(
      [
        ['purge', 'auditLog', 1, null, 'job'],
        ['purge', 'developmentActionRequest', 1, null, 'job'],
        ['purge', 'developmentDiscussion', 2, null, 'job'],
        ['purge', 'groupDiscussion', 1, null, 'job'],
      ].sort(),
    );

    // A second run the same day finds nothing more.
    expect(await purgeTenant(repos, policy(tenantId), NOW)).toEqual({
      developmentDiscussions: 0,
      groupDiscussions: 0,
      developmentActionRequests: 0,
      auditLog: 0,
    });
  });

  test('reaches only its own organisation, also one whose id starts with the same characters', async () => {
    const purged = newTenantId();
    const neighbours = [`${purged}0`, `${purged}-x`, `${purged}~`];
    await Promise.all([purged, ...neighbours].map(seed));

    await purgeTenant(repos, policy(purged), NOW);

    for (const tenantId of neighbours)
      expect(await remaining(tenantId)).toEqual({
        discussions: { a: [2025, 2030], b: [2026], c: [2025] },
        groups: ['g-new', 'g-old'],
        requests: ['a:2027', 'b:2028'],
        demand: ['a:2027', 'b:2028'],
        audit: ['new', 'old'],
      });
  });
});
