/** The HR import command against real Azurite: bad rows reported with row numbers; nothing half-written. */
import { join } from 'node:path';
import { runImportPeople } from '../../bot/src/cli/import-people';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { newTenantId, testStorageAccount } from '../support/storage';

const fixtures = join(__dirname, '..', 'fixtures', 'people');

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const env = {
    AZURE_STORAGE_CONNECTION_STRING: process.env.OSK_TEST_STORAGE_CONNECTION_STRING,
    TABLE_PREFIX: 'test',
  };
  const code = await runImportPeople(args, env, (line) => lines.push(line));
  return { code, lines };
}

describe('npm run import:people', () => {
  let repositories: Repositories;
  beforeAll(async () => {
    repositories = await openRepositories(testStorageAccount());
  });

  it('reports every bad row with its row number and writes nothing', async () => {
    const tenant = newTenantId();
    const { code, lines } = await run([
      '--file',
      join(fixtures, 'bad-rows.csv'),
      '--tenant',
      tenant,
      '--locale',
      'fi',
    ]);
    expect(code).toBe(1);
    expect(lines.filter((line) => /^Rivi \d+/.test(line)).length).toBeGreaterThanOrEqual(10);
    expect(lines.at(-1)).toBe('Tiedostossa on virheellisiä rivejä. Mitään ei tallennettu.');
    expect((await repositories.people.listPeople(tenant)).items).toHaveLength(0);
  });

  it('with --skip-bad-rows writes only the good rows and names the skipped ones', async () => {
    const tenant = newTenantId();
    const { code, lines } = await run([
      '--file',
      join(fixtures, 'bad-rows.csv'),
      '--tenant',
      tenant,
      '--skip-bad-rows',
      '--locale',
      'en',
    ]);
    expect(code).toBe(0);
    const skipped = lines.find((line) => line.startsWith('Skipped rows:'));
    expect(skipped).toBeDefined();
    const people = (await repositories.people.listPeople(tenant)).items.map((p) => p.value);
    expect(people.length).toBeGreaterThan(0);
    expect(people.map((person) => person.id)).not.toContain('');
  });

  it('is idempotent: importing the same file twice changes nothing the second time', async () => {
    const tenant = newTenantId();
    const file = join(fixtures, 'demo-sample.csv');
    const first = await run(['--file', file, '--tenant', tenant, '--locale', 'en']);
    expect(first.code).toBe(0);
    expect(first.lines).toContain('  people: +50 ~0 =0');
    const second = await run(['--file', file, '--tenant', tenant, '--locale', 'en']);
    expect(second.lines).toContain('  people: +0 ~0 =50');
  });

  it('prints usage in the chosen language without a file', async () => {
    const { code, lines } = await run(['--locale', 'sv']);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/^Användning/);
  });
});
