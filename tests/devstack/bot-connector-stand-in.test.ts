/** The stand-in answers like Teams' Bot Connector: its rate limits, Retry-After, and scripted failures. */
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';

let standIn: ConnectorStandIn | null = null;

afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

async function post(
  path: string,
  body: unknown,
): Promise<{ status: number; retryAfter: string | null; json: Record<string, unknown> }> {
  const response = await fetch(new URL(path, standIn?.serviceUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    json: (await response.json()) as Record<string, unknown>,
  };
}

const message = (tenantId: string) => ({ type: 'message', text: 'hei', conversation: { tenantId } });

test('an eighth message to one conversation within a second gets 429 with Retry-After', async () => {
  standIn = await startConnectorStandIn();

  const answers = [];
  for (let i = 0; i < 8; i++)
    answers.push(await post('/v3/conversations/19%3Achannel/activities', message('t')));

  expect(answers.slice(0, 7).map((a) => a.status)).toEqual(Array(7).fill(201));
  expect(answers[7]?.status).toBe(429);
  expect(Number(answers[7]?.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(standIn.activities()).toHaveLength(7);
});

test("a tenant's requests beyond its rate per second get 429, other tenants are not affected", async () => {
  standIn = await startConnectorStandIn({ limits: { tenantPerSecond: 5, perConversation: [] } });

  const statuses = [];
  for (let i = 0; i < 6; i++)
    statuses.push((await post(`/v3/conversations/c${i}/activities`, message('a'))).status);
  const otherTenant = await post('/v3/conversations/c9/activities', message('b'));

  expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  expect(otherTenant.status).toBe(201);
});

test('a user gets the same 1:1 conversation each time, and scripted failures answer as Teams would', async () => {
  standIn = await startConnectorStandIn({
    fail: (call) =>
      call.memberId === 'blocked-user' ? { status: 403, code: 'ConversationBlockedByUser' } : null,
  });
  const create = (user: string) =>
    post('/v3/conversations', { isGroup: false, members: [{ id: user }], tenantId: 't' });

  const first = await create('user-1');
  const again = await create('user-1');
  const blocked = await create('blocked-user');

  expect(first.status).toBe(201);
  expect(again.json.id).toBe(first.json.id);
  expect(standIn.conversationOf('user-1')).toBe(first.json.id);
  expect(blocked.status).toBe(403);
  expect(blocked.json).toEqual({ error: { code: 'ConversationBlockedByUser', message: expect.any(String) } });
  expect(standIn.received.map((r) => [r.operation, r.status])).toEqual([
    ['createConversation', 201],
    ['createConversation', 201],
    ['createConversation', 403],
  ]);
});

describe('refuses what Teams and the Agents Playground refuse', () => {
  test('an activity whose conversation has an empty name or conversationType is a 400 BadArgument', async () => {
    standIn = await startConnectorStandIn();
    const sent = (conversation: Record<string, unknown>) =>
      post('/v3/conversations/a%3A1/activities', { type: 'message', text: 'hei', conversation });

    const emptyName = await sent({ id: 'a:1', tenantId: 't', name: '', conversationType: 'personal' });
    const emptyType = await sent({ id: 'a:1', tenantId: 't', conversationType: '' });
    const complete = await sent({ id: 'a:1', tenantId: 't', isGroup: false, conversationType: 'personal' });

    expect([emptyName.status, emptyType.status, complete.status]).toEqual([400, 400, 201]);
    expect(emptyName.json).toEqual({ error: { code: 'BadArgument', message: expect.any(String) } });
    expect(standIn.activities()).toHaveLength(1);
  });

  test('an inline file (an .ics as text/calendar) is refused; cards and media by URL are accepted', async () => {
    standIn = await startConnectorStandIn();
    const withAttachment = (attachment: Record<string, unknown>) =>
      post('/v3/conversations/a%3A1/activities', { type: 'message', attachments: [attachment] });

    const ics = await withAttachment({
      contentType: 'text/calendar',
      name: 'x.ics',
      content: 'BEGIN:VCALENDAR',
    });
    const card = await withAttachment({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5', body: [] },
    });
    const image = await withAttachment({ contentType: 'image/png', contentUrl: 'https://example.org/a.png' });

    expect([ics.status, card.status, image.status]).toEqual([400, 201, 201]);
  });

  test('a channel post is a group conversation with the channel in channelData, answered with its thread', async () => {
    standIn = await startConnectorStandIn();
    const channelData = { channel: { id: '19:other@thread.tacv2' }, tenant: { id: 't' } };
    const activity = { type: 'message', text: 'Uusi kierros' };

    const notGroup = await post('/v3/conversations', { isGroup: false, channelData, activity });
    const noActivity = await post('/v3/conversations', { isGroup: true, channelData });
    const posted = await post('/v3/conversations', { isGroup: true, channelData, activity });
    const reply = await post(`/v3/conversations/${encodeURIComponent(String(posted.json.id))}/activities`, {
      type: 'message',
      text: 'Vastaus ketjuun',
    });

    expect([notGroup.status, noActivity.status, posted.status, reply.status]).toEqual([400, 400, 201, 201]);
    expect(posted.json.id).toBe(`19:other@thread.tacv2;messageid=${String(posted.json.activityId)}`);
    expect(standIn.activities().map((a) => [a.text, a.conversationId])).toEqual([
      ['Uusi kierros', posted.json.id],
      ['Vastaus ketjuun', posted.json.id],
    ]);
  });

  test('a user who blocked the bot or removed the app gets 403 with the code Teams uses', async () => {
    standIn = await startConnectorStandIn();
    const create = (user: string) =>
      post('/v3/conversations', {
        isGroup: false,
        members: [{ id: user, aadObjectId: user }],
        tenantId: 't',
      });
    const conversation = String((await create('u-1')).json.id);
    standIn.refuseUser('u-1', 'blocked');
    standIn.refuseUser('u-2', 'removed');

    const toBlocked = await post(`/v3/conversations/${encodeURIComponent(conversation)}/activities`, {
      type: 'message',
      text: 'hei',
    });
    const toRemoved = await create('u-2');

    expect([toBlocked.status, toRemoved.status]).toEqual([403, 403]);
    expect((toBlocked.json.error as { code: string }).code).toBe('ConversationBlockedByUser');
    expect((toRemoved.json.error as { code: string }).code).toBe('BotNotInConversationRoster');
  });
});
