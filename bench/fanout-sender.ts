/**
 * The sending process of bench:fanout: the fan-out engine as production runs it — compiled JavaScript under plain
 * `node` (bench/fanout.ts bundles this file with esbuild first), one worker, state in Azurite. Measured on its
 * own, so its resident set is the engine's and not the bench's (the TypeScript loader alone holds some 45 MB).
 *
 * Environment: BENCH_CONNECTION_STRING, BENCH_SERVICE_URL, BENCH_TENANTS (recipients per tenant, "10000" or
 * "40000,50,50,50"), BENCH_CEILING (the ceiling per tenant, requests/s; paced one under it). IPC, answered in order:
 *   → { started: { at, materialiseMs, materialisePeakRss } }   once every campaign is stored and the worker runs
 *   'memory'  → { memory: { rss, heapUsed, peakRss } }
 *   'finish'  → { finished: { leases, requests, peakRss } } once every campaign is final; then it exits.
 */
import type { DeliveryRequest } from '../bot/src/fanout/delivery';
import { openFanout } from '../bot/src/fanout/fanout-engine';
import { tenantRateFor } from '../bot/src/fanout/tenant-rate-limiter';
import { createLogger } from '../bot/src/logging';
import { openStorageAccount } from '../bot/src/storage/storage-account';
import { ConnectorSender } from '../bot/src/teams/connector-sender';
import { activity, benchConversation, benchTenant } from './fanout-ids';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Made as they are written (a page at a time), as a caller reading its recipients page by page would. */
function* deliveries(tenant: number, count: number, serviceUrl: string): Generator<DeliveryRequest> {
  for (let index = 0; index < count; index += 1)
    yield {
      recipientKey: `person:${index}`,
      target: {
        kind: 'user',
        serviceUrl,
        aadObjectId: `aad-${tenant}-${index}`,
        conversationId: benchConversation(tenant, index),
      },
      payload: { index },
    };
}

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const tenants = env('BENCH_TENANTS').split(',').map(Number);
  const ceiling = Number(env('BENCH_CEILING'));
  const serviceUrl = env('BENCH_SERVICE_URL');
  const account = openStorageAccount({
    kind: 'connectionString',
    connectionString: env('BENCH_CONNECTION_STRING'),
    tablePrefix: 'bench',
  });
  const fanout = await openFanout(account, { tenantRate: tenantRateFor(ceiling) });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const materialising = Date.now();
  // The largest campaign first: the others are queued behind it, the worst case for fairness.
  for (const [tenant, count] of tenants.entries()) {
    await fanout.start({
      tenantId: benchTenant(tenant),
      campaignId: 'bench',
      label: 'bench',
      deliveries: deliveries(tenant, count, serviceUrl),
    });
  }
  const materialiseMs = Date.now() - materialising;
  const materialisePeakRss = Math.max(peakRss, process.memoryUsage().rss);

  // A lease not followed by a request is a send time the worker missed (see FANOUT_MAX_LATENESS_MS in tunables.ts).
  let leases = 0;
  let requests = 0;
  const worker = fanout.worker(
    {
      sender: new ConnectorSender(null),
      render: (row) => activity((row.payload as { index: number }).index),
      logger: createLogger('error', (line) => process.stderr.write(line)),
      onStep: (step) => {
        if (step === 'leased') leases += 1;
        else if (step === 'answered') requests += 1;
      },
    },
    { owner: 'bench' },
  );
  worker.start();
  process.send?.({ started: { at: Date.now(), materialiseMs, materialisePeakRss } });

  process.on('message', (message: string) => {
    if (message === 'memory') {
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({ memory: { rss, heapUsed, peakRss: Math.max(peakRss, rss) } });
    } else if (message === 'finish') {
      void (async () => {
        // Counting states reads every row: asked only once the connector has had every message.
        for (const tenant of tenants.keys()) {
          while (!(await fanout.progress(benchTenant(tenant), 'bench'))?.finished) await sleep(500);
        }
        await worker.stop();
        clearInterval(sampler);
        process.send?.({ finished: { leases, requests, peakRss } }, () => process.exit(0));
      })();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
