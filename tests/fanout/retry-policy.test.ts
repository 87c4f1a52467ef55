import { SendFailure, parseRetryAfter } from '../../bot/src/fanout/message-sender';
import { afterFailure, describeFailure, type RetrySettings } from '../../bot/src/fanout/retry-policy';

const settings: RetrySettings = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };
const failure = (status: number | null, retryAfterMs: number | null = null, code: string | null = null) =>
  new SendFailure(status, code, retryAfterMs);

test.each([
  [403, 'blocked'],
  [404, 'notInstalled'],
  [400, 'failed'],
  [401, 'failed'],
])('%i is final (%s), not retried', (status, state) => {
  expect(afterFailure(failure(status), 1, settings)).toEqual({ kind: 'final', state });
});

test.each([412, 429, 500, 502, 503, 504, null])('%s is retried', (status) => {
  expect(afterFailure(failure(status), 1, settings).kind).toBe('retry');
});

test('the backoff doubles with each attempt, with jitter, up to the cap', () => {
  const delay = (attempts: number, random: number) => {
    const outcome = afterFailure(failure(502), attempts, { ...settings, maxAttempts: 99 }, () => random);
    return outcome.kind === 'retry' ? outcome.delayMs : NaN;
  };
  expect([1, 2, 3].map((attempts) => delay(attempts, 0))).toEqual([500, 1000, 2000]);
  expect(delay(3, 0.999)).toBeLessThan(4000);
  expect(delay(3, 0.999)).toBeGreaterThan(3900);
  expect(delay(30, 0.999)).toBeLessThanOrEqual(60_000);
});

test('a retry never comes sooner than Retry-After', () => {
  const outcome = afterFailure(failure(429, 7000), 1, settings, () => 0);
  expect(outcome).toEqual({ kind: 'retry', delayMs: 7000 });
});

test('a delivery that keeps failing ends as failed after the last attempt', () => {
  expect(afterFailure(failure(502), 5, settings)).toEqual({ kind: 'final', state: 'failed' });
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-03-17T10:00:00Z');
  expect(parseRetryAfter('3', now)).toBe(3000);
  expect(parseRetryAfter('Tue, 17 Mar 2026 10:00:05 GMT', now)).toBe(5000);
  expect(parseRetryAfter('soon', now)).toBeNull();
  expect(parseRetryAfter(undefined, now)).toBeNull();
});

test('the reason kept for HR is the status and the connector code only', () => {
  expect(describeFailure(failure(403, null, 'ConversationBlockedByUser'))).toBe(
    '403 ConversationBlockedByUser',
  );
  expect(describeFailure(failure(null))).toBe('no answer');
});
