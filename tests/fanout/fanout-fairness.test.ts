/**
 * One deployment serves many organisations. A city's large campaign must not hold back another organisation's
 * small one queued after it: the queue would hand out the city's batches first (first in, first out) and the
 * city's deliveries would fill the worker's slots, each waiting for the city's own send times. The campaign's
 * batches are spread over time by its tenant's rate, and each tenant has its own slots in the worker.
 */
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { DeliveryWorker } from '../../bot/src/fanout/delivery-worker';
import { createLogger } from '../../bot/src/logging';
import { ConnectorSender } from '../../bot/src/teams/connector-sender';
import { newTenantId } from '../support/storage';
import {
  openTestFanout,
  renderRecipientKey,
  userDeliveries,
  waitUntilFinished,
  type TestFanout,
} from './support/fanout-fixture';

jest.setTimeout(120_000);

const RATE = 20;
const CITY_RECIPIENTS = 400;
const SMALL_RECIPIENTS = 20;

let test$: TestFanout;
let standIn: ConnectorStandIn;
let worker: DeliveryWorker;

beforeEach(async () => {
  test$ = await openTestFanout({
    tenantRate: { ratePerSecond: RATE, horizonMs: 1000, maxClaim: 16 },
    campaignLeadSeconds: 5,
  });
  standIn = await startConnectorStandIn();
});

afterEach(async () => {
  await worker.stop();
  await standIn.close();
  await test$.cleanup();
});

test("a small organisation's send queued after a city's large one is served at once, not after it", async () => {
  const city = test$.tenantId;
  const small = newTenantId();
  await test$.fanout.start({
    tenantId: city,
    campaignId: 'city',
    label: 'test',
    deliveries: userDeliveries(CITY_RECIPIENTS, standIn.serviceUrl),
  });
  await test$.fanout.start({
    tenantId: small,
    campaignId: 'small',
    label: 'test',
    deliveries: userDeliveries(SMALL_RECIPIENTS, standIn.serviceUrl),
  });
  worker = test$.fanout.worker(
    {
      sender: new ConnectorSender(null),
      render: renderRecipientKey,
      logger: createLogger('error', () => undefined),
    },
    { owner: 'one', idlePollMs: 100 },
  );
  worker.start();

  const smallProgress = await waitUntilFinished(test$.fanout, small, 'small', 90_000);
  const cityAcceptedWhenSmallFinished = accepted(city).length;
  const cityProgress = await waitUntilFinished(test$.fanout, city, 'city', 90_000);

  expect(smallProgress.counts.sent).toBe(SMALL_RECIPIENTS);
  expect(cityProgress.counts.sent).toBe(CITY_RECIPIENTS);
  // The small send is done while the city's has sent under a quarter of its messages (20 s at its own rate):
  // before, it waited until the city's last batches had left the queue.
  expect(cityAcceptedWhenSmallFinished).toBeLessThan(CITY_RECIPIENTS / 4);
  // Each tenant at its own rate: the city keeps sending while the small one does.
  const smallTimes = accepted(small);
  const cityDuringSmall = accepted(city).filter((at) => at <= (smallTimes.at(-1) as number));
  expect(cityDuringSmall.length).toBeGreaterThan(0);
});

/** When the stand-in accepted each message of `tenantId`, in order. */
function accepted(tenantId: string): number[] {
  return standIn.received
    .filter((request) => request.tenantId === tenantId && request.operation === 'sendToConversation')
    .filter((request) => request.status < 300)
    .map((request) => request.at)
    .sort((a, b) => a - b);
}
