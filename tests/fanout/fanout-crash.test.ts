/**
 * A worker process killed with SIGKILL in the middle of a send, and a new one started: every recipient is served
 * exactly once, except in the one window no sender can close (the request reached Teams, the answer was not
 * recorded), where the message goes again and the delivery is marked uncertain — never lost.
 */
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { startChildWorker, type ChildWorker, type ChildWorkerSettings } from './support/child-worker';
import {
  messagesPerRecipient,
  openTestFanout,
  userDeliveries,
  waitUntilFinished,
  type TestFanout,
} from './support/fanout-fixture';

jest.setTimeout(120_000);

let test$: TestFanout;
let standIn: ConnectorStandIn;
const children: ChildWorker[] = [];

beforeEach(async () => {
  test$ = await openTestFanout();
  standIn = await startConnectorStandIn();
});

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
  await standIn.close();
  await test$.cleanup();
});

async function child(
  settings: Partial<ChildWorkerSettings> & Pick<ChildWorkerSettings, 'owner'>,
): Promise<ChildWorker> {
  const started = await startChildWorker({
    queueName: test$.queueName,
    ratePerSecond: 20,
    concurrency: 1,
    // Short, so the test need not wait long for the killed worker's lease and batch to lapse.
    leaseMs: 3000,
    visibilitySeconds: 3,
    ...settings,
  });
  children.push(started);
  return started;
}

async function uncertainRecipients(campaignId: string): Promise<string[]> {
  const rows = await test$.fanout.deliveries.all(test$.tenantId, campaignId);
  return rows.filter((row) => row.value.uncertain).map((row) => row.value.recipientKey);
}

describe.each([
  ['leased', 'after leasing a delivery, before its request'],
  ['recorded', 'after recording a sent message, before removing its batch from the queue'],
] as const)('killed %s (%s)', (crashAt, _when) => {
  test('a restarted worker serves every recipient exactly once', async () => {
    await test$.fanout.start({
      tenantId: test$.tenantId,
      campaignId: 'c',
      label: 'test',
      deliveries: userDeliveries(12, standIn.serviceUrl),
    });

    const first = await child({ owner: 'first', crashAt, crashAfter: 5 });
    expect(await first.exited).toBe('SIGKILL');
    await child({ owner: 'second' });
    const progress = await waitUntilFinished(test$.fanout, test$.tenantId, 'c');

    expect(progress.counts.sent).toBe(12);
    const perRecipient = messagesPerRecipient(standIn);
    expect(perRecipient.size).toBe(12);
    expect([...perRecipient.values()].every((count) => count === 1)).toBe(true);
  });
});

test('killed between the connector accepting a message and recording it: sent again, marked uncertain, not lost', async () => {
  await test$.fanout.start({
    tenantId: test$.tenantId,
    campaignId: 'c',
    label: 'test',
    deliveries: userDeliveries(12, standIn.serviceUrl),
  });

  const first = await child({ owner: 'first', crashAt: 'answered', crashAfter: 5 });
  expect(await first.exited).toBe('SIGKILL');
  await child({ owner: 'second' });
  const progress = await waitUntilFinished(test$.fanout, test$.tenantId, 'c');

  expect(progress.counts.sent).toBe(12);
  expect(progress.uncertain).toBe(1);
  const perRecipient = messagesPerRecipient(standIn);
  const [uncertain] = await uncertainRecipients('c');
  expect(perRecipient.get(uncertain as string)).toBe(2);
  expect([...perRecipient].filter(([key]) => key !== uncertain).every(([, count]) => count === 1)).toBe(true);
  expect(perRecipient.size).toBe(12);
});

test('killed at an arbitrary moment of a busy send: nobody is lost, and only uncertain deliveries can repeat', async () => {
  await test$.fanout.start({
    tenantId: test$.tenantId,
    campaignId: 'c',
    label: 'test',
    deliveries: userDeliveries(150, standIn.serviceUrl, 5),
  });

  const first = await child({ owner: 'first', concurrency: 16, ratePerSecond: 30 });
  await standIn.waitForActivities(50, 60_000);
  await first.kill();
  await child({ owner: 'second', concurrency: 16, ratePerSecond: 30 });
  const progress = await waitUntilFinished(test$.fanout, test$.tenantId, 'c', 90_000);

  expect(progress.counts.sent).toBe(150);
  const perRecipient = messagesPerRecipient(standIn);
  expect(perRecipient.size).toBe(150);
  const uncertain = new Set(await uncertainRecipients('c'));
  const repeated = [...perRecipient].filter(([, count]) => count > 1);
  expect(repeated.every(([key, count]) => uncertain.has(key) && count === 2)).toBe(true);
  // At most the deliveries that were in flight when the worker died.
  expect(uncertain.size).toBeLessThanOrEqual(16);
});
