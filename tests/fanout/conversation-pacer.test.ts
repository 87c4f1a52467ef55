import { TableStore } from '../../bot/src/storage/table-store';
import {
  ConversationPacer,
  earliestSlot,
  TEAMS_CONVERSATION_LIMITS,
} from '../../bot/src/fanout/conversation-pacer';
import { FANOUT_TABLES } from '../../bot/src/fanout/fanout-keys';
import { newTenantId, testStorageAccount } from '../support/storage';

const T0 = 1_800_000_000_000;

describe('earliestSlot', () => {
  test('a quiet conversation takes a message at once', () => {
    expect(earliestSlot([T0 - 60_000], T0, TEAMS_CONVERSATION_LIMITS)).toBe(T0);
  });

  test('the eighth message within a second waits until the first has left the window', () => {
    const seven = Array.from({ length: 7 }, (_, i) => T0 + i * 10);
    const at = earliestSlot(seven, T0 + 100, TEAMS_CONVERSATION_LIMITS);
    expect(at).toBeGreaterThanOrEqual(T0 + 1000);
  });

  test('60 messages in 30 seconds hold the 61st until the window has room', () => {
    const sixty = Array.from({ length: 60 }, (_, i) => T0 + i * 450);
    const at = earliestSlot(sixty, T0 + 27_000, TEAMS_CONVERSATION_LIMITS);
    expect(at).toBeGreaterThanOrEqual(T0 + 30_000);
  });
});

test('two processes reserving for one conversation at once never exceed 7 messages in a second', async () => {
  const store = await TableStore.open(testStorageAccount(), FANOUT_TABLES.pacing);
  const tenantId = newTenantId();
  const pacers = [new ConversationPacer(store), new ConversationPacer(store)];
  const at = Date.now();

  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      (pacers[i % 2] as ConversationPacer).reserve(tenantId, '19:channel', at),
    ),
  );

  expect(answers.filter((answer) => answer.reserved)).toHaveLength(7);
  for (const answer of answers)
    if (!answer.reserved) expect(answer.earliest).toBeGreaterThanOrEqual(at + 1000);
});
