/**
 * The daily retention purge over every organisation (`purgeAllTenants`, `startRetentionPurgeJob`) against real
 * Azurite. It sweeps every organisation in the storage, so it runs on tables of its own (a prefix no other test
 * uses), dropped at the end: in the suite's shared tables it would purge other tests' organisations.
 */
import { randomBytes } from 'node:crypto';
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { Organisation, Person } from '../../bot/src/domain/organisation';
import { createLogger } from '../../bot/src/logging';
import { purgeAllTenants, startRetentionPurgeJob } from '../../bot/src/privacy/retention-purge';
import { developmentDiscussionKeys, TABLES } from '../../bot/src/storage/keys';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { openStorageAccount, type StorageAccount } from '../../bot/src/storage/storage-account';

/** 1 June 2031: with five years' retention, discussions signed before 1 June 2026 are due. */
const NOW = new Date('2031-06-01T00:00:00Z');

// Organisations are swept in tenant-id order: the broken one comes first, so the others show it did not stop.
const BROKEN = '10000000-0000-4000-8000-000000000001';
const PURGED = '20000000-0000-4000-8000-000000000002';
const NO_POLICY = '30000000-0000-4000-8000-000000000003';

let account: StorageAccount;
let repos: Repositories;

function person(tenantId: string, id: string): Person {
  return {
    tenantId,
    id,
    firstName: 'Salainen',
    lastName: 'Henkilö',
    email: `${id}@example.test`,
    aadObjectId: null,
    serviceAreaId: 'sa-1',
    teamId: 't-1',
    supervisorId: 'boss',
    roles: ['employee'],
    locale: 'fi',
  };
}

const organisation = (tenantId: string): Organisation => ({
  tenantId,
  name: `Kunta ${tenantId.slice(0, 1)}`,
  defaultLocale: 'fi',
  anonymityThreshold: 5,
});

/** A discussion signed on `at` (in 2026 for the 2025 round). */
const signedDiscussion = (tenantId: string, employeeId: string, year: number, at: string) => ({
  ...newDevelopmentDiscussion(person(tenantId, employeeId), year, `${year}-01-15T00:00:00.000Z`),
  status: 'signed' as const,
  employeeSignature: { personId: employeeId, at },
  supervisorSignature: { personId: 'boss', at },
  updatedAt: at,
});

const years = async (tenantId: string, employeeId: string) =>
  (await repos.developmentDiscussions.listForEmployee(tenantId, employeeId)).map((read) => read.value.year);

const policy = (tenantId: string) => ({
  tenantId,
  years: { developmentDiscussions: 5, groupDiscussions: 5, developmentActionRequests: 3, auditLog: 2 },
  updatedBy: 'hr',
  updatedAt: '2030-01-01T00:00:00.000Z',
});

beforeAll(async () => {
  const connectionString = process.env.OSK_TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('Azurite was not started by the global setup.');
  const tablePrefix = `purge${randomBytes(4).toString('hex')}`;
  account = openStorageAccount({ kind: 'connectionString', connectionString, tablePrefix });
  repos = await openRepositories(account);
  for (const tenantId of [BROKEN, PURGED, NO_POLICY]) {
    await repos.organisations.create(organisation(tenantId));
    await repos.developmentDiscussions.create(
      signedDiscussion(tenantId, 'old', 2025, '2026-03-10T10:00:00.000Z'),
    );
    await repos.developmentDiscussions.create(
      signedDiscussion(tenantId, 'old', 2030, '2030-03-10T10:00:00.000Z'),
    );
  }
  await repos.retentionPolicies.create(policy(BROKEN));
  await repos.retentionPolicies.create(policy(PURGED));
  // A row the purge cannot read (its JSON is cut short): the broken organisation's purge fails on it.
  const { partitionKey, rowKey } = developmentDiscussionKeys.key(BROKEN, 2024, 'corrupt');
  await account.table(TABLES.developmentDiscussions).createEntity({
    partitionKey,
    rowKey,
    tenantId: BROKEN,
    year: 2024,
    employeeId: 'corrupt',
    preparation: '{"pastYearReview": "kesken',
  });
});

afterAll(async () => {
  if (!account) return;
  await Promise.all(
    Object.values(TABLES).map((name) =>
      account
        .table(name)
        .deleteTable()
        .catch(() => undefined),
    ),
  );
});

describe('the daily retention purge over every organisation', () => {
  test('purges each organisation with a policy, leaves one without alone, and goes on past one that fails', async () => {
    const lines: string[] = [];
    await purgeAllTenants({
      repositories: repos,
      logger: createLogger('info', (line) => lines.push(line)),
      now: () => NOW,
    });

    expect(await years(PURGED, 'old')).toEqual([2030]);
    expect(await years(NO_POLICY, 'old')).toEqual([2025, 2030]);
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'privacy.purged', tenantId: PURGED, developmentDiscussions: 1 }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'privacy.purgeFailed', tenantId: BROKEN }),
    );
    expect(events.some((event) => event.tenantId === NO_POLICY)).toBe(false);
    // The log names organisations and counts, never a person.
    expect(lines.join('\n')).not.toMatch(/Salainen|Henkilö|example\.test/);
  });

  test('the job runs the sweep every interval until it is stopped', async () => {
    await repos.developmentDiscussions.create(
      signedDiscussion(PURGED, 'later', 2025, '2026-04-01T10:00:00.000Z'),
    );
    const lines: string[] = [];
    const stop = startRetentionPurgeJob({
      repositories: repos,
      logger: createLogger('info', (line) => lines.push(line)),
      now: () => NOW,
      intervalMs: 50,
    });
    try {
      const deadline = Date.now() + 10_000;
      while ((await years(PURGED, 'later')).length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await years(PURGED, 'later')).toEqual([]);
    } finally {
      await stop();
    }
    const runs = lines.filter((line) => line.includes('"privacy.purged"')).length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines.filter((line) => line.includes('"privacy.purged"')).length).toBe(runs);
  });
});
