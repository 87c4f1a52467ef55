/**
 * What happens after a failed request: transient answers (429, 412, 5xx gateway errors, no answer) are retried
 * with exponential backoff and jitter, never sooner than Retry-After; 403 and 404 are final states that are
 * reported to HR, as is anything else, or a delivery that keeps failing.
 */
import type { DeliveryState } from './delivery';
import type { SendFailure } from './message-sender';
import { FANOUT_RETRY } from '../tunables';

export interface RetrySettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { ...FANOUT_RETRY };

const TRANSIENT = new Set([412, 429, 500, 502, 503, 504]);

export type AfterFailure =
  | { kind: 'retry'; delayMs: number }
  | { kind: 'final'; state: Extract<DeliveryState, 'blocked' | 'notInstalled' | 'failed'> };

/** `attempts` counts the failed attempt; `random` is in [0, 1). */
export function afterFailure(
  failure: SendFailure,
  attempts: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): AfterFailure {
  if (failure.status === 403) return { kind: 'final', state: 'blocked' };
  if (failure.status === 404) return { kind: 'final', state: 'notInstalled' };
  const transient = failure.status === null || TRANSIENT.has(failure.status);
  if (!transient || attempts >= settings.maxAttempts) return { kind: 'final', state: 'failed' };
  const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  // Jitter spreads the retries of a throttled burst so they do not return together.
  const backoff = exponential * (0.5 + random() / 2);
  const retryAfter = failure.retryAfterMs === null ? 0 : failure.retryAfterMs * (1 + random() / 4);
  return { kind: 'retry', delayMs: Math.round(Math.max(backoff, retryAfter)) };
}

/** The technical reason kept on the delivery: never the response body, which may name the user. */
export function describeFailure(failure: SendFailure): string {
  return `${failure.status ?? 'no answer'}${failure.code ? ` ${failure.code}` : ''}`.slice(0, 100);
}
