/**
 * Rate limits per user and per tenant, for the tabs' API and the bot endpoint together: a token bucket per
 * key that holds a minute's allowance (so a burst of that many passes) and refills evenly. The defaults
 * (config.ts) are far above what a supervisor with 15 reports clicking through their team, or HR on a busy
 * day, can make by hand; they stop scripts and floods, not people.
 */
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';
import type { RateLimitConfig } from '../config';
import { ApiError, requestLocale, sendApiError } from './api-error';
import type { Locale } from '../domain/locale';
import { clientAddress } from './client-address';
import { RATE_LIMIT_BUCKETS } from '../tunables';

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
    const bucket = this.refilled(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.waitFor(bucket.tokens);
  }

  /** Seconds until `key` has a token again, without taking one; 0 when it has one now. */
  peek(key: string): number {
    const tokens = this.tokensAt(this.buckets.get(key), this.now());
    return tokens >= 1 ? 0 : this.waitFor(tokens);
  }

  private get ratePerMs(): number {
    return this.perMinute / 60_000;
  }

  /** The tokens a bucket holds at `time`: refilled evenly since it was last used, never above the limit. */
  private tokensAt(known: Bucket | undefined, time: number): number {
    return known
      ? Math.min(this.perMinute, known.tokens + (time - known.at) * this.ratePerMs)
      : this.perMinute;
  }

  private waitFor(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / this.ratePerMs / 1000));
  }

  private refilled(key: string): Bucket {
    const time = this.now();
    const bucket = { tokens: this.tokensAt(this.buckets.get(key), time), at: time };
    this.buckets.delete(key);
    if (this.buckets.size >= RATE_LIMIT_BUCKETS)
      this.buckets.delete(this.buckets.keys().next().value as string);
    this.buckets.set(key, bucket);
    return bucket;
  }
}

export interface RateLimiter {
  /** Seconds to wait before retrying, or 0 when the request may go; counts it against both limits. */
  take(tenantId: string, userId: string): number;
}

export function createRateLimiter(
  limits: Pick<RateLimitConfig, 'userPerMinute' | 'tenantPerMinute'>,
  now: () => number = Date.now,
): RateLimiter {
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

/**
 * The limit that applies before authentication, per client address: requests whose token was missing or
 * invalid use up the address's allowance, and once it is spent every request from that address is answered
 * 429 before its token is looked at, so a flood of forged tokens costs no signature checks. Only failures
 * count: a municipality's staff behind one NAT address, and the Bot Connector's few addresses that carry
 * every tenant's activities, make many valid requests from one address and must never meet this limit.
 */
export interface AddressGuard {
  /** Seconds the request's address must wait, or 0 when it may be authenticated. Takes nothing. */
  waitFor(req: IncomingMessage): number;
  /** Counts a request whose authentication failed against its address. */
  failed(req: IncomingMessage): void;
}

export function createAddressGuard(
  limits: Pick<RateLimitConfig, 'invalidTokensPerMinute' | 'trustedProxyHops'>,
  now: () => number = Date.now,
): AddressGuard {
  const addresses = new TokenBuckets(limits.invalidTokensPerMinute, now);
  const key = (req: IncomingMessage) => clientAddress(req, limits.trustedProxyHops);
  return {
    waitFor: (req) => addresses.peek(key(req)),
    failed: (req) => {
      addresses.take(key(req));
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
