/**
 * The one proactive-messaging path against the connector stand-in over HTTP and the stored conversation
 * references in Azurite: retries of 429 (Retry-After), 412, 502 and 504 within the caller's wait, "will retry"
 * beyond it, 403 recorded as final with its reason and the address marked unreachable, and channel posts to any
 * channel of a team the bot was added to.
 */
import { randomBytes } from 'node:crypto';
import {
  startConnectorStandIn,
  type ConnectorStandIn,
  type ConnectorStandInOptions,
} from '../../bot/src/devstack/bot-connector-stand-in';
import type { Logger } from '../../bot/src/logging';
import { openRepositories } from '../../bot/src/storage/repositories';
import { ConnectorSender } from '../../bot/src/teams/connector-sender';
import { ReferenceMessenger, type MessengerSettings } from '../../bot/src/fanout/proactive-messenger';
import { openProactiveRetries } from '../../bot/src/fanout/proactive-retries';
import { newTenantId, testStorageAccount } from '../support/storage';

let standIn: ConnectorStandIn | null = null;

afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

interface Logged {
  event: string;
  fields: Record<string, unknown>;
}

function recordingLogger(lines: Logged[]): Logger {
  const log = (event: string, fields: Record<string, unknown> = {}) => lines.push({ event, fields });
  return { debug: log, info: log, warn: log, error: log } as unknown as Logger;
}

const TEAM = '19:team-general@thread.tacv2';
const PLANNING = '19:planning@thread.tacv2';

async function setUp(options: ConnectorStandInOptions, settings: Partial<MessengerSettings> = {}) {
  standIn = await startConnectorStandIn({ limits: null, ...options });
  const tenantId = newTenantId();
  const references = (await openRepositories(testStorageAccount())).conversationReferences;
  const serviceUrl = standIn.serviceUrl;
  await references.save({
    tenantId,
    address: { kind: 'user', aadObjectId: 'aad-1' },
    channelName: null,
    reference: { serviceUrl, conversation: { id: 'a:aad-1' } },
  });
  await references.save({
    tenantId,
    address: { kind: 'team', teamId: TEAM },
    channelName: 'General',
    reference: { serviceUrl, conversation: { id: TEAM } },
  });
  const lines: Logged[] = [];
  const messenger = new ReferenceMessenger({
    references,
    sender: new ConnectorSender(null),
    logger: recordingLogger(lines),
    settings: { retry: { maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 400 }, ...settings },
  });
  return { tenantId, references, messenger, lines, standIn };
}

const message = { type: 'message', text: 'Kutsu' };

test.each([412, 502, 504])('a %s is retried and the message arrives', async (status) => {
  const { tenantId, messenger, standIn } = await setUp({
    fail: (call) => (call.previousAttempts === 0 ? { status } : null),
  });

  const outcome = await messenger.send(tenantId, { kind: 'user', aadObjectId: 'aad-1' }, message);

  expect(outcome).toMatchObject({ status: 'delivered', conversationId: 'a:aad-1' });
  expect(standIn.received.map((r) => r.status)).toEqual([status, 201]);
});

test('a 429 is retried no sooner than its Retry-After', async () => {
  const { tenantId, messenger, standIn } = await setUp({
    fail: (call) => (call.previousAttempts === 0 ? { status: 429, retryAfterSeconds: 2 } : null),
  });

  const outcome = await messenger.send(tenantId, { kind: 'user', aadObjectId: 'aad-1' }, message);

  expect(outcome.status).toBe('delivered');
  const [first, second] = standIn.received;
  expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(2000);
});

test('throttled beyond the caller’s wait: "will retry", kept in storage, and delivered from there after a restart', async () => {
  const { tenantId, references, standIn } = await setUp({
    fail: (call) => (call.previousAttempts === 0 ? { status: 429, retryAfterSeconds: 1 } : null),
  });
  const queueName = `proactive${randomBytes(4).toString('hex')}`;
  const lines: Logged[] = [];
  const messenger = new ReferenceMessenger({
    references,
    sender: new ConnectorSender(null),
    logger: recordingLogger(lines),
    settings: { retry: { maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 400 }, waitMs: 200 },
    retries: await openProactiveRetries(testStorageAccount(), { queueName }),
  });

  const outcome = await messenger.send(tenantId, { kind: 'user', aadObjectId: 'aad-1' }, message);

  expect(outcome).toEqual({
    status: 'willRetry',
    reason: '429 Http429',
    keptId: expect.stringMatching(/^proactive:user:/),
  });
  expect(lines.map((l) => l.event)).toEqual(['proactive.notDelivered']);
  expect(standIn.activities()).toEqual([]);
  // The server that kept it stops; nothing in its memory goes on. The next one's worker finds it in storage.
  const next = await openProactiveRetries(testStorageAccount(), { queueName });
  const worker = next.worker(
    { sender: new ConnectorSender(null), logger: recordingLogger([]) },
    { idlePollMs: 50 },
  );
  worker.start();
  try {
    await standIn.waitForActivities(1, 15_000);
  } finally {
    await worker.stop();
  }
  expect(standIn.activities().map((a) => [a.conversationId, a.text])).toEqual([['a:aad-1', 'Kutsu']]);
  // Kept, it is still sent again no sooner than Teams' Retry-After.
  const [throttled, arrived] = standIn.received;
  expect((arrived?.at ?? 0) - (throttled?.at ?? Infinity)).toBeGreaterThanOrEqual(1000);
  const kept = (await next.fanout.recent(tenantId, { pageSize: 10 })).items;
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatchObject({ total: 1, counts: { sent: 1 }, finished: true });
});

/** A messenger whose sends still failing after `waitMs` are kept on a queue of the test's own. */
async function keptSendMessenger(
  references: ConstructorParameters<typeof ReferenceMessenger>[0]['references'],
  waitMs: number,
): Promise<{ retries: Awaited<ReturnType<typeof openProactiveRetries>>; messenger: ReferenceMessenger }> {
  const queueName = `proactive${randomBytes(4).toString('hex')}`;
  const retries = await openProactiveRetries(testStorageAccount(), { queueName });
  const messenger = new ReferenceMessenger({
    references,
    sender: new ConnectorSender(null),
    logger: recordingLogger([]),
    settings: { retry: { maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 400 }, waitMs },
    retries,
  });
  return { retries, messenger };
}

test('a kept send whose retries run out reports its end once to the handler of its kind: failed, with the reason', async () => {
  // Teams keeps answering 500; the worker's retry limit is set low so the retries run out within the test.
  const { tenantId, references, standIn } = await setUp({ fail: () => ({ status: 500 }) });
  const { retries, messenger } = await keptSendMessenger(references, 100);
  const note = { kind: 'test.post', keys: { id: 'x-1' } };
  const ends: unknown[] = [];
  const arrivals: unknown[] = [];

  const outcome = await messenger.send(tenantId, { kind: 'team', teamId: TEAM }, message, {
    onDelivered: note,
  });
  expect(outcome.status).toBe('willRetry');
  const worker = retries.worker(
    {
      sender: new ConnectorSender(null),
      logger: recordingLogger([]),
      onDelivered: new Map([['test.post', async (...args: unknown[]) => void arrivals.push(args)]]),
      onUndelivered: new Map([['test.post', async (...args: unknown[]) => void ends.push(args)]]),
    },
    { idlePollMs: 50, retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 100 } },
  );
  worker.start();
  try {
    const deadline = Date.now() + 15_000;
    while (ends.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  } finally {
    await worker.stop();
  }

  expect(ends).toEqual([
    [tenantId, expect.objectContaining(note), { reason: 'failed', lastError: '500 Http500' }],
  ]);
  expect(arrivals).toEqual([]);
  expect(standIn.activities()).toEqual([]);
  const kept = (await retries.fanout.recent(tenantId, { pageSize: 10 })).items;
  expect(kept[0]).toMatchObject({ total: 1, counts: { failed: 1 }, finished: true });
  // Ended already: there is nothing left to withdraw.
  if (outcome.status === 'willRetry')
    expect(await messenger.withdraw(tenantId, outcome.keptId)).toBe('ended');
});

test('a kept send withdrawn while it waits is never sent, and reports no end', async () => {
  const { tenantId, references, standIn } = await setUp({
    fail: (call) => (call.previousAttempts === 0 ? { status: 429, retryAfterSeconds: 1 } : null),
  });
  const { retries, messenger } = await keptSendMessenger(references, 200);
  const note = { kind: 'test.post', keys: { id: 'x-2' } };
  const ends: unknown[] = [];
  const worker = retries.worker(
    {
      sender: new ConnectorSender(null),
      logger: recordingLogger([]),
      onUndelivered: new Map([['test.post', async (...args: unknown[]) => void ends.push(args)]]),
    },
    { idlePollMs: 50 },
  );
  worker.start();
  try {
    const outcome = await messenger.send(tenantId, { kind: 'team', teamId: TEAM }, message, {
      onDelivered: note,
    });
    if (outcome.status !== 'willRetry') throw new Error(`Expected willRetry, got ${outcome.status}`);
    expect(await messenger.withdraw(tenantId, outcome.keptId)).toBe('withdrawn');
    // Beyond its Retry-After: a worker would have sent it by now.
    await new Promise((resolve) => setTimeout(resolve, 2500));
  } finally {
    await worker.stop();
  }

  expect(standIn.activities()).toEqual([]);
  expect(standIn.received).toHaveLength(1);
  expect(ends).toEqual([]);
});

test('without a store for retries, a send still throttled when the caller stops waiting has failed', async () => {
  const { tenantId, messenger } = await setUp(
    { fail: () => ({ status: 429, retryAfterSeconds: 1 }) },
    { waitMs: 200 },
  );

  const outcome = await messenger.send(tenantId, { kind: 'user', aadObjectId: 'aad-1' }, message);

  expect(outcome).toEqual({ status: 'failed', reason: '429 Http429' });
});

test('a 403 is final: the person is marked blocked, logged with its reason code, and not messaged again', async () => {
  const { tenantId, messenger, standIn, references, lines } = await setUp({});
  standIn.refuseUser('aad-1', 'blocked', 'a:aad-1');
  const address = { kind: 'user', aadObjectId: 'aad-1' } as const;

  const first = await messenger.send(tenantId, address, message);
  const again = await messenger.send(tenantId, address, message);

  expect([first, again]).toEqual([
    { status: 'unreachable', reason: 'blocked' },
    { status: 'unreachable', reason: 'blocked' },
  ]);
  expect(standIn.received).toHaveLength(1);
  expect((await references.get(tenantId, address))?.value.unreachable).toBe('blocked');
  expect(lines[0]).toEqual({
    event: 'proactive.notDelivered',
    fields: { tenantId, kind: 'user', outcome: 'blocked', reasonCode: '403 ConversationBlockedByUser' },
  });
  expect(JSON.stringify(lines)).not.toContain('aad-1');

  // Adding the app again saves the reference anew, without the mark.
  await references.save({
    tenantId,
    address,
    channelName: null,
    reference: { serviceUrl: standIn.serviceUrl, conversation: { id: 'a:aad-1' } },
  });
  expect((await references.get(tenantId, address))?.value.unreachable ?? null).toBeNull();
});

test('posts to any channel of the team the bot is in, and replies into that post’s thread', async () => {
  const { tenantId, messenger, standIn } = await setUp({});

  const post = await messenger.send(
    tenantId,
    { kind: 'channel', teamId: TEAM, channelId: PLANNING },
    message,
  );
  if (post.status !== 'delivered') throw new Error(`not delivered: ${post.status}`);
  const reply = await messenger.send(
    tenantId,
    { kind: 'thread', teamId: TEAM, conversationId: post.conversationId },
    { type: 'message', text: 'Lisäys' },
  );

  expect(reply.status).toBe('delivered');
  expect(standIn.received[0]?.body).toMatchObject({
    isGroup: true,
    channelData: { channel: { id: PLANNING } },
  });
  expect(standIn.activities().map((a) => [a.text, a.conversationId])).toEqual([
    ['Kutsu', post.conversationId],
    ['Lisäys', post.conversationId],
  ]);
  const unknownTeam = await messenger.send(
    tenantId,
    { kind: 'channel', teamId: '19:x', channelId: '19:y' },
    message,
  );
  expect(unknownTeam).toEqual({ status: 'unreachable', reason: 'notInstalled' });
});

describe('a person with no chat stored', () => {
  /** A messenger that creates 1:1 chats at the stand-in, as the app does with BOT_SERVICE_URL set. */
  async function creatingMessenger(options: ConnectorStandInOptions) {
    const set = await setUp(options);
    const messenger = new ReferenceMessenger({
      references: set.references,
      sender: new ConnectorSender(null),
      logger: recordingLogger([]),
      settings: { retry: { maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 400 } },
      createConversationsAt: set.standIn.serviceUrl,
    });
    return { ...set, messenger };
  }

  test('gets their 1:1 chat created where the app is installed for them, the message in it, and the chat kept', async () => {
    const { tenantId, messenger, references, standIn } = await creatingMessenger({});
    const address = { kind: 'user', aadObjectId: 'aad-new' } as const;

    const first = await messenger.send(tenantId, address, message);
    const second = await messenger.send(tenantId, address, { type: 'message', text: 'Muistutus' });

    const created = standIn.conversationOf('aad-new');
    expect(first).toMatchObject({ status: 'delivered', conversationId: created });
    expect(second).toMatchObject({ status: 'delivered', conversationId: created });
    const creations = standIn.received.filter((r) => r.operation === 'createConversation');
    // Created once, as Teams documents it: a personal conversation with the person's Entra id as its one member.
    expect(creations).toHaveLength(1);
    expect(creations[0]?.body).toMatchObject({
      isGroup: false,
      members: [{ id: 'aad-new' }],
      tenantId,
    });
    expect(standIn.activities().map((a) => [a.conversationId, a.text])).toEqual([
      [created, 'Kutsu'],
      [created, 'Muistutus'],
    ]);
    expect((await references.get(tenantId, address))?.value.reference).toMatchObject({
      serviceUrl: standIn.serviceUrl,
      conversation: { id: created, conversationType: 'personal' },
    });
  });

  test('is "no app" when Teams refuses to create the chat because the app is not installed for them', async () => {
    const { tenantId, messenger, references, standIn } = await creatingMessenger({
      installedFor: (memberId) => memberId !== 'aad-without-app',
    });
    const address = { kind: 'user', aadObjectId: 'aad-without-app' } as const;

    const outcome = await messenger.send(tenantId, address, message);

    expect(outcome).toEqual({ status: 'unreachable', reason: 'notInstalled' });
    expect(standIn.received.map((r) => [r.operation, r.status])).toEqual([['createConversation', 403]]);
    // Not a mark against them: once they add the app, the next message creates the chat.
    expect(await references.get(tenantId, address)).toBeNull();
  });

  test('is "no app" without asking Teams when the app creates no chats (no Bot Connector endpoint set)', async () => {
    const { tenantId, messenger, standIn } = await setUp({});

    const outcome = await messenger.send(tenantId, { kind: 'user', aadObjectId: 'aad-new' }, message);

    expect(outcome).toEqual({ status: 'unreachable', reason: 'notInstalled' });
    expect(standIn.received).toEqual([]);
  });
});
