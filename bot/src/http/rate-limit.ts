/**
 * Rate limits per user and per tenant, for the tabs' API and the bot endpoint together: a token bucket per
 * key that holds a minute's allowance (so a burst of that many passes) and refills evenly. The defaults
 * (config.ts) are far above what a supervisor with 15 reports clicking through their team, or HR on a busy
 * day, can make by hand; they stop scripts and floods, not people.
 */
import type { Request, Response } from 'restify';
import type { RateLimitConfig } from '../config';
import { ApiError, requestLocale, sendApiError } from '../api/api-error';
import type { Locale } from '../domain/locale';

/** Buckets kept at once per scope; the least recently used goes first (a full bucket is no loss). */
const MAX_BUCKETS = 50_000;

interface Bucket {
  tokens: number;
  at: number;
}

class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Seconds until `key` may try again; 0 when it may go now (and its token is taken). */
  take(key: string): number {
    const time = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const known = this.buckets.get(key);
    const bucket = known
      ? { tokens: Math.min(this.perMinute, known.tokens + (time - known.at) * ratePerMs), at: time }
      : { tokens: this.perMinute, at: time };
    this.buckets.delete(key);
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
  }
}

export interface RateLimiter {
  /** Seconds to wait before retrying, or 0 when the request may go; counts it against both limits. */
  take(tenantId: string, userId: string): number;
}

export function createRateLimiter(limits: RateLimitConfig, now: () => number = Date.now): RateLimiter {
  const users = new TokenBuckets(limits.userPerMinute, now);
  const tenants = new TokenBuckets(limits.tenantPerMinute, now);
  return {
    take(tenantId, userId) {
      const userWait = users.take(`${tenantId}\n${userId}`);
      if (userWait > 0) return userWait;
      return tenants.take(tenantId);
    },
  };
}

/** The localised 429 with Retry-After (seconds), in the API's error shape. */
export function rateLimitedError(retryAfterSeconds: number): ApiError {
  return ApiError.of(
    429,
    'request.rateLimited',
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

export function sendRateLimited(
  req: Request,
  res: Response,
  retryAfterSeconds: number,
  locale?: Locale,
): void {
  sendApiError(res, rateLimitedError(retryAfterSeconds), locale ?? requestLocale(req, 'fi'));
}
