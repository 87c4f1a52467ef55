/**
 * The fan-out engine over real Azurite and the Bot Connector stand-in on loopback: one worker in this process.
 * Crashes and several processes are in fanout-crash.test.ts and fanout-scale-out.test.ts.
 */
import {
  startConnectorStandIn,
  type ConnectorStandIn,
  type ConnectorStandInOptions,
} from '../../bot/src/devstack/bot-connector-stand-in';
import type { Delivery, DeliveryRequest } from '../../bot/src/fanout/delivery';
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

const quiet = createLogger('error', () => undefined);
const FAST_RETRY = { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 2000 };

let test$: TestFanout;
let standIn: ConnectorStandIn | null = null;
let worker: DeliveryWorker | null = null;

async function setUp(
  standInOptions: ConnectorStandInOptions = {},
  ratePerSecond = 40,
  onConversationCreated?: (delivery: Delivery, conversationId: string) => Promise<void>,
): Promise<ConnectorStandIn> {
  test$ = await openTestFanout({ tenantRate: { ratePerSecond, horizonMs: 1000, maxClaim: 16 } });
  standIn = await startConnectorStandIn(standInOptions);
  worker = test$.fanout.worker(
    { sender: new ConnectorSender(null), render: renderRecipientKey, onConversationCreated, logger: quiet },
    { owner: 'in-process', concurrency: 32, retry: FAST_RETRY, idlePollMs: 100 },
  );
  worker.start();
  return standIn;
}

afterEach(async () => {
  await worker?.stop();
  await standIn?.close();
  await test$?.cleanup();
  worker = null;
  standIn = null;
});

function campaign(deliveries: DeliveryRequest[], campaignId = 'campaign-1') {
  return { tenantId: test$.tenantId, campaignId, label: 'test.campaign', deliveries };
}

test('every recipient gets exactly one message; users without a chat get their 1:1 conversation created', async () => {
  const created: string[] = [];
  const connector = await setUp({}, 40, async (delivery, conversationId) => {
    created.push(`${delivery.recipientKey}=${conversationId}`);
  });
  const deliveries = userDeliveries(120, connector.serviceUrl, 4);

  expect(await test$.fanout.start(campaign(deliveries))).toBe('started');
  const progress = await waitUntilFinished(test$.fanout, test$.tenantId, 'campaign-1');

  expect(progress.counts.sent).toBe(120);
  expect(progress.total).toBe(120);
  const perRecipient = messagesPerRecipient(connector);
  expect(perRecipient.size).toBe(120);
  expect([...perRecipient.values()].every((count) => count === 1)).toBe(true);
  const withoutChat = deliveries.filter((d) => d.target.kind === 'user' && d.target.conversationId === null);
  expect(connector.received.filter((r) => r.operation === 'createConversation')).toHaveLength(
    withoutChat.length,
  );
  // The new conversation is the one the message went to, and the app is told about it to remember it.
  const first = withoutChat[0] as DeliveryRequest;
  const conversationId = connector.conversationOf(
    first.target.kind === 'user' ? first.target.aadObjectId : '',
  );
  expect(created).toContain(`${first.recipientKey}=${conversationId}`);
  expect(connector.activities().find((a) => a.text === first.recipientKey)?.conversationId).toBe(
    conversationId,
  );
  const row = await test$.fanout.deliveries.get(test$.tenantId, 'campaign-1', first.recipientKey);
  expect(row?.value.activityId).toBeTruthy();
});

test('HR sees counts by state while a send runs', async () => {
  const connector = await setUp({}, 5);
  await test$.fanout.start(campaign(userDeliveries(50, connector.serviceUrl)));

  let during = await test$.fanout.progress(test$.tenantId, 'campaign-1');
  while (during && during.counts.sent === 0) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    during = await test$.fanout.progress(test$.tenantId, 'campaign-1');
  }

  expect(during?.finished).toBe(false);
  expect(during?.total).toBe(50);
  expect((during?.counts.pending ?? 0) + (during?.counts.sending ?? 0)).toBeGreaterThan(0);
  expect((await waitUntilFinished(test$.fanout, test$.tenantId, 'campaign-1')).counts.sent).toBe(50);
});

test('blocked users and users without the app end in final states that are reported, not retried', async () => {
  const connector = await setUp({
    fail: (call) =>
      call.memberId === 'aad-3' || call.conversationId === 'a:conversation-5'
        ? { status: 403, code: 'ConversationBlockedByUser' }
        : call.conversationId === 'a:conversation-7' || call.memberId === 'aad-9'
          ? { status: 404, code: 'ConversationNotFound' }
          : null,
  });
  const deliveries = userDeliveries(12, connector.serviceUrl, 3);

  await test$.fanout.start(campaign(deliveries));
  const progress = await waitUntilFinished(test$.fanout, test$.tenantId, 'campaign-1');

  expect(progress.counts).toMatchObject({ sent: 8, blocked: 2, notInstalled: 2, failed: 0 });
  const undelivered = await test$.fanout.undelivered(test$.tenantId, 'campaign-1');
  expect(undelivered.map((u) => [u.recipientKey, u.state]).sort()).toEqual([
    ['person:00003', 'blocked'],
    ['person:00005', 'blocked'],
    ['person:00007', 'notInstalled'],
    ['person:00009', 'notInstalled'],
  ]);
  expect(undelivered.find((u) => u.recipientKey === 'person:00005')?.lastError).toBe(
    '403 ConversationBlockedByUser',
  );
  expect(connector.received.filter((r) => r.conversationId === 'a:conversation-5')).toHaveLength(1);
  expect(connector.received.filter((r) => r.memberId === 'aad-9')).toHaveLength(1);
});

test('a storm of 429s is ridden out: every recipient once, and nobody retried before Retry-After', async () => {
  let stormUntil = 0;
  const connector = await setUp({
    fail: () => {
      stormUntil ||= Date.now() + 2500;
      return Date.now() < stormUntil ? { status: 429, code: 'Throttled', retryAfterSeconds: 1 } : null;
    },
  });

  await test$.fanout.start(campaign(userDeliveries(60, connector.serviceUrl)));
  const progress = await waitUntilFinished(test$.fanout, test$.tenantId, 'campaign-1');

  expect(progress.counts.sent).toBe(60);
  const throttled = connector.received.filter((r) => r.status === 429);
  expect(throttled.length).toBeGreaterThan(0);
  expect([...messagesPerRecipient(connector).values()].every((count) => count === 1)).toBe(true);
  for (const answer of throttled) {
    const next = connector.received.find(
      (r) => r.conversationId === answer.conversationId && r.at > answer.at,
    );
    expect(next).toBeDefined();
    expect((next?.at ?? 0) - answer.at).toBeGreaterThanOrEqual((answer.retryAfterSeconds ?? 0) * 1000);
  }
});

test('412, 502 and 504 answers are retried until the message goes through', async () => {
  const statuses = [412, 502, 504];
  const connector = await setUp({
    fail: (call) => {
      const index = Number(call.conversationId?.split('-')[1]);
      return call.previousAttempts === 0 ? { status: statuses[index % 3] as number } : null;
    },
  });

  await test$.fanout.start(campaign(userDeliveries(9, connector.serviceUrl)));
  const progress = await waitUntilFinished(test$.fanout, test$.tenantId, 'campaign-1');

  expect(progress.counts.sent).toBe(9);
  expect([...messagesPerRecipient(connector).values()]).toEqual(Array(9).fill(1));
  expect(connector.received.filter((r) => r.status >= 400)).toHaveLength(9);
});

test('starting the same campaign again, even at the same time, sends nothing twice', async () => {
  const connector = await setUp();
  const deliveries = userDeliveries(80, connector.serviceUrl);

  const outcomes = await Promise.all([
    test$.fanout.start(campaign(deliveries)),
    test$.fanout.start(campaign(deliveries)),
  ]);
  await waitUntilFinished(test$.fanout, test$.tenantId, 'campaign-1');
  const again = await test$.fanout.start(campaign(deliveries));

  expect(outcomes).toContain('started');
  expect(again).toBe('alreadyStarted');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const perRecipient = messagesPerRecipient(connector);
  expect(perRecipient.size).toBe(80);
  expect([...perRecipient.values()].every((count) => count === 1)).toBe(true);
});

test('campaigns posting to the same channel together stay within its per-conversation limits', async () => {
  const connector = await setUp();
  const channel = (campaignNumber: number): DeliveryRequest => ({
    recipientKey: `campaign-${campaignNumber}`,
    target: {
      kind: 'conversation',
      serviceUrl: connector.serviceUrl,
      conversationId: '19:channel@thread.tacv2',
    },
    payload: {},
  });

  await Promise.all(
    Array.from({ length: 12 }, (_, n) => test$.fanout.start(campaign([channel(n)], `campaign-${n}`))),
  );
  for (let n = 0; n < 12; n++) await waitUntilFinished(test$.fanout, test$.tenantId, `campaign-${n}`);

  expect(connector.activities()).toHaveLength(12);
  expect(connector.received.filter((r) => r.status === 429)).toHaveLength(0);
});
