/** The fan-out's sender on the Bot Framework connector client, against the connector stand-in over HTTP. */
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { SendFailure } from '../../bot/src/fanout/message-sender';
import { ConnectorSender } from '../../bot/src/teams/connector-sender';

let standIn: ConnectorStandIn | null = null;

afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

async function failureOf(call: () => Promise<unknown>): Promise<SendFailure> {
  try {
    await call();
  } catch (error) {
    if (error instanceof SendFailure) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

test('creates the 1:1 conversation, sends into it and updates the message', async () => {
  standIn = await startConnectorStandIn();
  const sender = new ConnectorSender(null);

  const conversationId = await sender.createPersonalConversation(standIn.serviceUrl, 'tenant-1', 'aad-1');
  const activityId = await sender.send(standIn.serviceUrl, 'tenant-1', conversationId, {
    type: 'message',
    text: 'Muistutus',
  });
  await sender.update(standIn.serviceUrl, 'tenant-1', conversationId, activityId, {
    type: 'message',
    text: 'Päivitetty',
  });

  expect(standIn.conversationOf('aad-1')).toBe(conversationId);
  expect(standIn.received.map((r) => [r.operation, r.tenantId, r.status])).toEqual([
    ['createConversation', 'tenant-1', 201],
    ['sendToConversation', 'tenant-1', 201],
    ['updateActivity', 'tenant-1', 200],
  ]);
  expect(standIn.activities().map((a) => a.text)).toEqual(['Muistutus', 'Päivitetty']);
  expect(standIn.received[2]?.activityId).toBe(activityId);
});

test('a 429 comes back at once with its Retry-After: the SDK does not retry it out of sight', async () => {
  standIn = await startConnectorStandIn({ fail: () => ({ status: 429, retryAfterSeconds: 3 }) });
  const sender = new ConnectorSender(null);

  const failure = await failureOf(() =>
    sender.send(standIn?.serviceUrl ?? '', 't', 'a:1', { type: 'message' }),
  );

  expect([failure.status, failure.retryAfterMs]).toEqual([429, 3000]);
  expect(standIn.received).toHaveLength(1);
});

test('a 502 is one request too, and the error keeps only the status and the connector code', async () => {
  standIn = await startConnectorStandIn({ fail: () => ({ status: 502, code: 'ServiceError' }) });
  const sender = new ConnectorSender(null);

  const failure = await failureOf(() =>
    sender.send(standIn?.serviceUrl ?? '', 't', 'a:1', { type: 'message' }),
  );

  expect([failure.status, failure.code]).toEqual([502, 'ServiceError']);
  expect(standIn.received).toHaveLength(1);
});

test('no answer at all is a failure without a status, which the fan-out treats as uncertain', async () => {
  standIn = await startConnectorStandIn();
  const serviceUrl = standIn.serviceUrl;
  await standIn.close();
  standIn = null;

  const failure = await failureOf(() =>
    new ConnectorSender(null).send(serviceUrl, 't', 'a:1', { type: 'message' }),
  );

  expect(failure.status).toBeNull();
});

test('addresses a proactive message as Teams requires: no empty name or conversationType (the Playground 400)', async () => {
  standIn = await startConnectorStandIn();
  const sender = new ConnectorSender(null);

  const conversationId = await sender.createPersonalConversation(standIn.serviceUrl, 't', 'aad-1');
  await sender.send(standIn.serviceUrl, 't', conversationId, { type: 'message', text: 'Kutsu' }, 'personal');

  expect(standIn.received.map((r) => r.status)).toEqual([201, 201]);
  expect(standIn.received[1]?.body.conversation).toEqual({
    id: conversationId,
    tenantId: 't',
    isGroup: false,
    conversationType: 'personal',
  });
});

test('starts a post in any channel of the team as a group conversation and replies in its thread', async () => {
  standIn = await startConnectorStandIn();
  const sender = new ConnectorSender(null);

  const post = await sender.createChannelPost(standIn.serviceUrl, 't', '19:planning@thread.tacv2', {
    type: 'message',
    text: 'Yhteenveto',
  });
  await sender.send(
    standIn.serviceUrl,
    't',
    post.conversationId,
    { type: 'message', text: 'Lisäys' },
    'channel',
  );

  const created = standIn.received[0]?.body ?? {};
  expect(created.isGroup).toBe(true);
  expect(created.channelData).toEqual({ channel: { id: '19:planning@thread.tacv2' }, tenant: { id: 't' } });
  expect(post.conversationId).toBe(`19:planning@thread.tacv2;messageid=${post.activityId}`);
  expect(standIn.activities().map((a) => [a.text, a.conversationId])).toEqual([
    ['Yhteenveto', post.conversationId],
    ['Lisäys', post.conversationId],
  ]);
});
