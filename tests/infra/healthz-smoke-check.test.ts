/**
 * A deploy proves itself: /healthz answers 200 only while storage answers (App Service's health check and
 * the deploy's smoke check read it), and infra/smoke-check.js — teamsapp.yml's last deploy step — passes on a
 * healthy service and fails, saying what to do, on one whose storage is gone. Storage is a real Azurite of
 * this test's own, stopped halfway.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAzurite, type RunningAzurite } from '../../bot/src/devstack/azurite';
import type { RunningApp } from '../../bot/src/app';
import { startTestApp } from '../support/app';

const ROOT = join(__dirname, '..', '..');
const SMOKE_CHECK = join(ROOT, 'infra', 'smoke-check.js');

function runSmokeCheck(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SMOKE_CHECK, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('/healthz and the deploy smoke check', () => {
  let azurite: RunningAzurite;
  let app: RunningApp;

  beforeAll(async () => {
    azurite = await startAzurite();
    app = await startTestApp({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
  });

  afterAll(async () => {
    await app?.stop();
    await azurite?.stop();
  });

  it('reports storage reachable with 200, and the smoke check passes', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: { reachable: true } });

    const check = await runSmokeCheck([
      `${app.url}/healthz`,
      '--timeout-seconds',
      '5',
      '--interval-seconds',
      '1',
    ]);
    expect(check.output).toContain('storage reachable');
    expect(check.output).toContain('smoke check passed');
    expect(check.code).toBe(0);
  });

  it('answers 503 "degraded" once storage is gone, and the smoke check fails pointing to the README', async () => {
    await azurite.stop();

    const started = Date.now();
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      status: string;
      storage: { reachable: boolean; error: string };
    };
    expect(body.status).toBe('degraded');
    expect(body.storage.reachable).toBe(false);
    expect(body.storage.error).toEqual(expect.any(String));
    // Answers within the health check's patience even though the storage SDK would keep retrying.
    expect(Date.now() - started).toBeLessThan(8_000);

    const check = await runSmokeCheck([
      `${app.url}/healthz`,
      '--timeout-seconds',
      '2',
      '--interval-seconds',
      '1',
    ]);
    expect(check.code).toBe(1);
    expect(check.output).toContain('HTTP 503, storage NOT reachable');
    expect(check.output).toContain('smoke check FAILED');
    expect(check.output).toContain('When the smoke check fails');
    // ... and that README section exists.
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/^#+ When the smoke check fails$/m);
  }, 30_000);

  it('fails on a service that does not answer at all, and refuses a missing address', async () => {
    const unreachable = await runSmokeCheck([
      'http://127.0.0.1:9/healthz',
      '--timeout-seconds',
      '1',
      '--interval-seconds',
      '1',
    ]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toContain('no answer');

    // `https://${{BOT_DOMAIN}}/healthz` with an empty BOT_DOMAIN: a usage error, not a silent pass.
    const usage = await runSmokeCheck(['https:///healthz']);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('usage:');
  });
});

describe('teamsapp.yml', () => {
  it('ends its deploy with the smoke check against the deployed host', () => {
    const yml = readFileSync(join(ROOT, 'teamsapp.yml'), 'utf8');
    const deploy = yml.slice(yml.indexOf('\ndeploy:'), yml.indexOf('\npublish:'));
    const steps = deploy.split(/\n {2}- uses: /).slice(1);
    expect(steps.at(-2)).toMatch(/^azureAppService\/zipDeploy/);
    expect(steps.at(-1)).toMatch(/^script\b/);
    expect(steps.at(-1)).toContain('node infra/smoke-check.js https://${{BOT_DOMAIN}}/healthz');
  });
});
