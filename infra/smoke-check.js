/**
 * The deploy's last step (teamsapp.yml): polls the deployed service's /healthz until it answers 200 with
 * storage reachable, or gives up. Plain Node without dependencies, because the deploy has pruned them.
 *
 *   node infra/smoke-check.js https://<host>/healthz [--timeout-seconds 300] [--interval-seconds 10]
 *
 * Exit 0 when healthy; 1 when not healthy in time (each attempt's answer is printed, then what to do); 2 on a
 * usage error. App Service restarts the app after a zip deploy, so the first answers may be errors.
 */
'use strict';
/* global fetch, AbortSignal, setTimeout */

const README_SECTION = 'README.md, "When the smoke check fails"';

/** One attempt: what the service answered, reduced to what a person needs to act on. */
async function probe(url, requestTimeoutMs) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(requestTimeoutMs) });
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const storage = body && typeof body === 'object' ? body.storage : undefined;
    const healthy = response.status === 200 && body?.status === 'ok' && storage?.reachable === true;
    let detail = `HTTP ${response.status}`;
    if (storage && typeof storage === 'object') {
      detail +=
        storage.reachable === true
          ? ', storage reachable'
          : `, storage NOT reachable (${storage.error ?? 'no reason given'})`;
    } else {
      detail += ', no storage report in the answer';
    }
    return { healthy, detail };
  } catch (error) {
    return { healthy: false, detail: `no answer (${error?.cause?.code ?? error?.name ?? 'error'})` };
  }
}

async function smokeCheck({ url, timeoutMs, intervalMs, log = console.log, sleep }) {
  const wait = sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    // /healthz itself waits up to 5 s for storage (HEALTH_STORAGE_TIMEOUT_MS): each attempt waits well beyond that.
    const { healthy, detail } = await probe(url, Math.min(Math.max(intervalMs, 10_000) + 5_000, 30_000));
    log(`smoke check ${attempt}: ${url} → ${detail}`);
    if (healthy) {
      log('smoke check passed: the service answers and reaches its storage.');
      return true;
    }
    if (Date.now() + intervalMs > deadline) break;
    await wait(intervalMs);
  }
  log(
    `smoke check FAILED: ${url} did not report storage reachable within ${Math.round(timeoutMs / 1000)} s.`,
  );
  log(`What to do: ${README_SECTION}.`);
  return false;
}

function parseArgs(argv) {
  const options = { url: undefined, timeoutMs: 300_000, intervalMs: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--timeout-seconds' || arg === '--interval-seconds') {
      const seconds = Number(argv[++i]);
      if (!(seconds > 0)) return undefined;
      options[arg === '--timeout-seconds' ? 'timeoutMs' : 'intervalMs'] = seconds * 1000;
    } else if (!options.url && /^https?:\/\/[^/]+/.test(arg)) {
      options.url = arg;
    } else {
      return undefined;
    }
  }
  return options.url ? options : undefined;
}

module.exports = { smokeCheck, parseArgs };

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  if (!options) {
    console.error(
      'usage: node infra/smoke-check.js https://<host>/healthz [--timeout-seconds N] [--interval-seconds N]',
    );
    process.exit(2);
  }
  smokeCheck(options).then((ok) => process.exit(ok ? 0 : 1));
}
