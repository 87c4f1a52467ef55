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
  const create = (user: string) => post('/v3/conversations', { members: [{ id: user }], tenantId: 't' });

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
