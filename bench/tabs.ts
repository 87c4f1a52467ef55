/**
 * The personal tab's first view in headless Chromium, served by the real service on localhost (in-memory
 * Azurite, the demo municipality, dev-mode sign-in as the demo employee):
 *   tabs_first_view_js_gzip  the JavaScript the browser fetches for the first view, gzipped (target ≤ 250 KB)
 *   tabs_lcp                 largest contentful paint with a cold cache, median of the runs (target < 1 s)
 * Needs `npm run build -w tabs` and /usr/bin/chromium. Options: --runs N (default 5).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startApp } from '../bot/src/app';
import { loadConfig } from '../bot/src/config';
import { startAzurite } from '../bot/src/devstack/azurite';
import { createLogger } from '../bot/src/logging';

const TABS_DIST = join(__dirname, '..', 'tabs', 'dist');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Run {
  lcpMs: number;
  scripts: string[];
}

/** One cold load of the personal tab: which scripts it fetched, and its LCP once the data is shown. */
async function loadOnce(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 1280, height: 900 } });
  try {
    const origin = new URL(url).origin;
    // teams-js asks a CDN for valid origins; nothing beyond this machine is reached or waited for.
    await context.route(
      (target) => target.origin !== origin,
      (route) => route.abort(),
    );
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number };
      w.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__lcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(url);
    // The first view is complete when the person's own data is on screen.
    await page.getByRole('heading', { level: 2, name: 'Tulossa sinulle' }).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    const lcpMs = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
    return { lcpMs, scripts };
  } finally {
    await context.close();
  }
}

function gzippedKb(paths: readonly string[]): number {
  const bytes = [...new Set(paths)].reduce((sum, path) => {
    const file = join(TABS_DIST, path.replace(/^\/tabs\//, ''));
    return sum + gzipSync(readFileSync(file), { level: 9 }).length;
  }, 0);
  return bytes / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  const azurite = await startAzurite();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DEV_MODE: 'on',
    // A benchmark is one user firing as fast as it can: the per-user and per-tenant limits are not measured.
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_TENANT_PER_MINUTE: '1000000',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    DEMO_DATA: 'on',
    LOG_LEVEL: 'error',
    // Background jobs would compete with the page load being measured.
    REMINDERS: 'off',
    PRIVACY_PURGE: 'off',
  });
  const app = await startApp(config, { logger: createLogger('error') });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const url = `${app.url}/tabs/index.html?persona=employee#/personal`;
    await loadOnce(browser, url); // warms the service (first reads of each table), not the browser
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) results.push(await loadOnce(browser, url));
    console.log(`tabs_first_view_js_gzip: ${gzippedKb(results[0]?.scripts ?? []).toFixed(1)} KB`);
    console.log(`tabs_lcp: ${Math.round(median(results.map((r) => r.lcpMs)))} ms`);
  } finally {
    await browser.close();
    await app.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
