/**
 * Two server processes work on one send at once. They share only Azure Storage (Azurite here): the delivery rows,
 * the queue and the tenant's rate row. Every recipient is served exactly once, both processes take part, and the
 * tenant's request rate, measured where Teams would measure it, holds for the two together.
 */
import {
  startConnectorStandIn,
  TEAMS_LIMITS,
  type ConnectorStandIn,
} from '../../bot/src/devstack/bot-connector-stand-in';
import { startChildWorker, type ChildWorker } from './support/child-worker';
import {
  maxInWindow,
  messagesPerRecipient,
  openTestFanout,
  userDeliveries,
  waitUntilFinished,
  type TestFanout,
} from './support/fanout-fixture';

jest.setTimeout(120_000);

/** Each process is configured with the tenant's rate; the connector allows a little more, as Teams does. */
const TENANT_RATE = 20;
const CONNECTOR_CEILING = 25;

let test$: TestFanout;
let standIn: ConnectorStandIn;
const children: ChildWorker[] = [];

beforeEach(async () => {
  test$ = await openTestFanout();
  standIn = await startConnectorStandIn({ limits: { ...TEAMS_LIMITS, tenantPerSecond: CONNECTOR_CEILING } });
});

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.stop()));
  await standIn.close();
  await test$.cleanup();
});

test('two processes share one send: each recipient once, and the tenant rate holds for both together', async () => {
  await test$.fanout.start({
    tenantId: test$.tenantId,
    campaignId: 'c',
    label: 'test',
    deliveries: userDeliveries(200, standIn.serviceUrl, 10),
  });

  for (const owner of ['process-a', 'process-b']) {
    children.push(
      await startChildWorker({
        queueName: test$.queueName,
        owner,
        ratePerSecond: TENANT_RATE,
        concurrency: 32,
        leaseMs: 60_000,
        visibilitySeconds: 60,
      }),
    );
  }
  const progress = await waitUntilFinished(test$.fanout, test$.tenantId, 'c', 90_000);

  expect(progress.counts.sent).toBe(200);
  const perRecipient = messagesPerRecipient(standIn);
  expect(perRecipient.size).toBe(200);
  expect([...perRecipient.values()].every((count) => count === 1)).toBe(true);
  const rows = await test$.fanout.deliveries.all(test$.tenantId, 'c');
  const byOwner = new Set(rows.map((row) => row.value.leaseOwner));
  expect(byOwner).toEqual(new Set(['process-a', 'process-b']));
  // Measured on the connector's side, over every request of the tenant (conversations created included).
  // The limiter's spacing itself is proved exactly in tenant-rate-limiter.test.ts. Here requests travel through
  // two busy processes and a stand-in timestamping on its own event loop: a stall there bunches a few requests
  // into one second. So the rate is held over five seconds, and the rare 429 (answered by Retry-After and sent
  // once, as asserted above) stays a small share; without the shared limiter 64 parallel senders draw hundreds.
  const refused = standIn.received.filter((request) => request.status === 429).length;
  expect(refused).toBeLessThanOrEqual(Math.ceil(standIn.received.length * 0.05));
  expect(maxInWindow(standIn.received, 5000)).toBeLessThanOrEqual(5 * CONNECTOR_CEILING);
});
