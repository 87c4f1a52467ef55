/**
 * A campaign materialised by two servers at once queues each bucket twice. One worker that receives both copies
 * of a bucket serves each delivery once: its own lease does not let the second copy send it again. (The race
 * needs two send times close together, as an idle tenant's are: small campaigns, a few of them.)
 */
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { DeliveryWorker } from '../../bot/src/fanout/delivery-worker';
import { createLogger } from '../../bot/src/logging';
import { ConnectorSender } from '../../bot/src/teams/connector-sender';
import {
  messagesPerRecipient,
  openTestFanout,
  renderRecipientKey,
  userDeliveries,
  waitUntilFinished,
  type TestFanout,
} from './support/fanout-fixture';

let test$: TestFanout;
let standIn: ConnectorStandIn;
let worker: DeliveryWorker;

beforeEach(async () => {
  test$ = await openTestFanout();
  standIn = await startConnectorStandIn();
  worker = test$.fanout.worker(
    {
      sender: new ConnectorSender(null),
      render: renderRecipientKey,
      logger: createLogger('error', () => undefined),
    },
    { owner: 'one', concurrency: 64, idlePollMs: 100 },
  );
  worker.start();
});

afterEach(async () => {
  await worker.stop();
  await standIn.close();
  await test$.cleanup();
});

/** What a second server's start does when it finds the campaign not yet marked materialised. */
async function materialiseAgain(campaignId: string, deliveries: ReturnType<typeof userDeliveries>) {
  const buckets = await test$.fanout.deliveries.createMissing(
    test$.tenantId,
    campaignId,
    deliveries,
    new Date(),
  );
  for (const { bucket } of buckets)
    await test$.fanout.queue.enqueue({ tenantId: test$.tenantId, campaignId, bucket });
}

test('every bucket queued twice, each recipient still gets one message', async () => {
  for (const campaignId of ['twice-1', 'twice-2', 'twice-3']) {
    const deliveries = userDeliveries(12, standIn.serviceUrl).map((delivery) => ({
      ...delivery,
      recipientKey: `${campaignId}/${delivery.recipientKey}`,
    }));
    await test$.fanout.start({ tenantId: test$.tenantId, campaignId, label: 'test.campaign', deliveries });
    await materialiseAgain(campaignId, deliveries);
    expect((await waitUntilFinished(test$.fanout, test$.tenantId, campaignId)).counts.sent).toBe(12);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const perRecipient = messagesPerRecipient(standIn);
  expect(perRecipient.size).toBe(36);
  expect([...perRecipient].filter(([, count]) => count !== 1)).toEqual([]);
});
