/**
 * A fan-out worker in its own process, as a server instance runs it: started by tests that kill it or run two.
 * Settings come from the environment; with OSK_CRASH_AT it kills itself with SIGKILL at the n-th time a delivery
 * reaches that step, so a test can stop it at a chosen point of the protocol.
 */
import { openStorageAccount } from '../../../bot/src/storage/storage-account';
import { openFanout } from '../../../bot/src/fanout/fanout-engine';
import type { DeliveryStep } from '../../../bot/src/fanout/delivery-worker';
import { ConnectorSender } from '../../../bot/src/teams/connector-sender';
import { createLogger } from '../../../bot/src/logging';
import { renderRecipientKey } from './fanout-fixture';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function main(): Promise<void> {
  const account = openStorageAccount({
    kind: 'connectionString',
    connectionString: env('OSK_TEST_STORAGE_CONNECTION_STRING'),
    tablePrefix: 'test',
  });
  const fanout = await openFanout(account, {
    queueName: env('OSK_QUEUE'),
    tenantRate: { ratePerSecond: Number(env('OSK_RATE')), horizonMs: 1000, maxClaim: 16 },
  });
  const crashAt = process.env.OSK_CRASH_AT as DeliveryStep | undefined;
  let crashCountdown = Number(process.env.OSK_CRASH_AFTER ?? 1);
  const worker = fanout.worker(
    {
      sender: new ConnectorSender(null),
      render: renderRecipientKey,
      logger: createLogger('error', (line) => process.stderr.write(line)),
      onStep: (step) => {
        if (step === crashAt && --crashCountdown === 0) process.kill(process.pid, 'SIGKILL');
      },
    },
    {
      owner: env('OSK_OWNER'),
      concurrency: Number(env('OSK_CONCURRENCY')),
      leaseMs: Number(env('OSK_LEASE_MS')),
      visibilitySeconds: Number(env('OSK_VISIBILITY_SECONDS')),
      idlePollMs: 100,
    },
  );
  worker.start();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void worker.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
