/**
 * `npm start`'s program (built by `npm run build`, which `npm test` runs first): Azurite, the demo
 * municipality, the service and the Agents Playground come up together and all stop on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../bot/src/devstack/free-port';
import { openStorageAccount } from '../../bot/src/storage/storage-account';
import { openRepositories } from '../../bot/src/storage/repositories';
import { readEmbeddedStorageInfo } from '../../bot/src/devstack/embedded-storage-info';

const ENTRY = join(__dirname, '..', '..', 'bot', 'dist', 'devstack', 'start-local.js');

function waitForOutput(child: ChildProcess, text: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no "${text}" in: ${output.slice(-2000)}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output.slice(-2000)}`)));
  });
}

describe('the start command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'osk-start-'));
  let child: ChildProcess;
  let output = '';
  let port = 0;
  let playgroundPort = 0;

  beforeAll(async () => {
    [port, playgroundPort] = [await freePort(), await freePort()];
    child = spawn(process.execPath, [ENTRY], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        PLAYGROUND_PORT: String(playgroundPort),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.resume();
    output = await waitForOutput(child, 'Press Ctrl+C to stop.', 90_000);
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the URLs and the demo personas', () => {
    expect(output).toContain(`http://127.0.0.1:${port}/api/messages`);
    expect(output).toContain(`http://127.0.0.1:${playgroundPort}`);
    expect(output).toMatch(/employee\s+10026\s+Tuija Suominen/);
  });

  it('serves /healthz with storage reachable', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ storage: { reachable: true } });
  });

  it('runs the Agents Playground pointed at the bot', async () => {
    const response = await fetch(`http://127.0.0.1:${playgroundPort}/_debug/ping`);
    expect(await response.text()).toContain('pong');
  });

  it('seeded the demo municipality into the embedded Azurite, data kept in the data folder', async () => {
    const connectionString = readEmbeddedStorageInfo(join(dataDir, 'azurite'));
    expect(connectionString).toContain('127.0.0.1');
    const repositories = await openRepositories(
      openStorageAccount({
        kind: 'connectionString',
        connectionString: connectionString as string,
        tablePrefix: '',
      }),
    );
    const tenantId = '00000000-0000-4000-8000-000000000001';
    expect((await repositories.organisations.get(tenantId))?.value.name).toBe('Demokaupunki');
    const reports = await repositories.people.listReports(tenantId, '10025');
    expect(reports.items.length).toBe(15);

    // Every service area is linked to a channel of the Playground's team, so HR's publish reaches a channel the
    // Playground shows: the one channel it holds besides General (its schema allows no more), shared by all.
    const config = JSON.parse(
      readFileSync(join(dataDir, 'playground', '.m365agentsplayground.yml'), 'utf8'),
    ) as { team: { id: string; channels: { id: string; name: string }[] } };
    const areas = await repositories.serviceAreas.list(tenantId);
    expect(areas.length).toBeGreaterThan(1);
    for (const area of areas) {
      const link = (await repositories.channelLinks.get(tenantId, area.value.id))?.value;
      expect(link?.teamId).toBe(config.team.id);
      expect(config.team.channels.map((channel) => channel.id)).toContain(link?.channelId);
    }
  });

  it('stops everything it started on SIGTERM', async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${playgroundPort}/_debug/ping`)).rejects.toThrow();
    expect(readEmbeddedStorageInfo(join(dataDir, 'azurite'))).toBeNull();
  });
});
