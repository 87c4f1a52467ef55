/**
 * The limit that applies before authentication: requests with a missing or forged token use up their client
 * address's allowance (RATE_LIMIT_INVALID_TOKENS_PER_MINUTE), and then that address is answered 429 with
 * Retry-After (RFC 6585 §4, RFC 9110 §10.2.3) before its token costs a signature check, while everyone else
 * is served. Behind App Service the client is in X-Forwarded-For (TRUSTED_PROXY_HOPS=1); without a trusted
 * proxy the header is ignored, so forging it does not escape the limit.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { RunningApp } from '../../bot/src/app';
import { createLogger } from '../../bot/src/logging';
import { clientAddress } from '../../bot/src/http-kit/client-address';
import { createAddressGuard } from '../../bot/src/http-kit/rate-limit';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startOpenIdStandIn, type OpenIdStandIn } from '../../bot/src/devstack/openid-stand-in';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { personalMessage } from '../support/activities';
import { bearer, devToken, hs256Token, signInOrganisation, tampered } from '../support/tokens';

/** A request as Node hands it over: the socket's peer and the headers. */
function request(peer: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress: peer } as Socket,
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as IncomingMessage;
}

describe('the client address', () => {
  it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('::ffff:192.0.2.10', '198.51.100.1'), 0)).toBe('192.0.2.10');
  });

  it('is the entry App Service’s front end appended, with its port removed, when one proxy is trusted', () => {
    expect(clientAddress(request('10.0.0.4', '198.51.100.7:52114'), 1)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.4', '[2001:db8::7]:443'), 1)).toBe('2001:db8::7');
    // Entries to the left of the trusted ones are the client's own and may be forged.
    expect(clientAddress(request('10.0.0.4', '203.0.113.99, 198.51.100.7:52114'), 1)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.4', '203.0.113.99, 198.51.100.7, 10.1.1.1'), 2)).toBe(
      '198.51.100.7',
    );
  });

  it('is the socket’s peer when a trusted proxy added nothing', () => {
    expect(clientAddress(request('10.0.0.4'), 1)).toBe('10.0.0.4');
  });
});

describe('the per-address guard', () => {
  it('counts failures only, refills evenly and keeps addresses apart', () => {
    let now = 0;
    const guard = createAddressGuard({ invalidTokensPerMinute: 6, trustedProxyHops: 0 }, () => now);
    const attacker = request('192.0.2.66');
    for (let i = 0; i < 6; i += 1) {
      expect(guard.waitFor(attacker)).toBe(0);
      guard.failed(attacker);
    }
    expect(guard.waitFor(attacker)).toBe(10);
    expect(guard.waitFor(request('192.0.2.67'))).toBe(0);
    now += 10_000;
    expect(guard.waitFor(attacker)).toBe(0);
  });
});

describe('a flood of invalid tokens over HTTP', () => {
  const LIMIT = 8;
  const ATTACKER = '198.51.100.66';
  const COLLEAGUE = '203.0.113.20';
  const lines: string[] = [];
  let app: RunningApp;
  let identity: OpenIdStandIn;
  const org = signInOrganisation(newTenantId());

  beforeAll(async () => {
    identity = await startOpenIdStandIn();
    app = await startTestApp(
      {
        RATE_LIMIT_INVALID_TOKENS_PER_MINUTE: String(LIMIT),
        TRUSTED_PROXY_HOPS: '1',
        BOT_ID: 'b0b0b0b0-0000-4000-8000-000000000001',
        BOT_TYPE: 'UserAssignedMSI',
        BOT_TENANT_ID: 'b0b0b0b0-0000-4000-8000-0000000000aa',
      },
      {
        logger: createLogger('debug', (line) => lines.push(line)),
        botAuthOverrides: { openIdMetadataUrl: identity.openIdMetadataUrl },
      },
    );
    await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), identity?.close()]);
  });

  /** As App Service forwards it: the client's address and port appended to X-Forwarded-For. */
  const from = (address: string, forged = '') => ({
    'x-forwarded-for': `${forged}${address}:${40_000 + Math.floor(Math.random() * 20_000)}`,
  });
  const me = (token: string, headers: Record<string, string>, locale = 'en') =>
    fetch(`${app.url}/api/v1/me`, { headers: { ...bearer(token), ...headers, 'accept-language': locale } });

  it('is answered 429 with Retry-After after the limit, while a valid user elsewhere is served', async () => {
    const valid = await devToken(app.url, org.tenantId, org.people.employee.id);
    const forged = tampered(valid, { oid: randomUUID() });
    lines.length = 0;
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i += 1) statuses.push((await me(forged, from(ATTACKER))).status);
    expect(statuses).toEqual(Array(LIMIT).fill(401));

    const limited = await me(forged, from(ATTACKER), 'fi');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({
      error: {
        code: 'request.rateLimited',
        message: expect.stringMatching(/^Liian monta/),
        details: { retryAfterSeconds: Number(limited.headers.get('retry-after')) },
      },
    });
    // Even a valid token from that address waits: the address is refused before any token is read.
    expect((await me(valid, from(ATTACKER))).status).toBe(429);
    // Forging an entry to the left of the one App Service appended changes nothing.
    expect((await me(forged, from(ATTACKER, `${COLLEAGUE}, `))).status).toBe(429);

    expect((await me(valid, from(COLLEAGUE))).status).toBe(200);

    const refusals = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(refusals).toContainEqual(expect.objectContaining({ reason: 'addressRateLimited' }));
    for (const line of lines) {
      expect(line).not.toContain(ATTACKER);
      expect(line).not.toContain(forged.slice(-20));
      expect(line.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('counts forged bot tokens and missing tokens, and limits the bot endpoint the same way', async () => {
    const address = '198.51.100.77';
    const activity = personalMessage({ tenantId: org.tenantId, aadObjectId: randomUUID() }, 'ohje', {
      serviceUrl: 'https://smba.trafficmanager.net/teams/',
    });
    const forgedBotToken = await hs256Token({ aud: 'b0b0b0b0-0000-4000-8000-000000000001' }, 'guess');
    const post = (headers: Record<string, string>) =>
      fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from(address), ...headers },
        body: JSON.stringify(activity),
      });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT / 2; i += 1) statuses.push((await post(bearer(forgedBotToken))).status);
    for (let i = 0; i < LIMIT / 2; i += 1)
      statuses.push((await fetch(`${app.url}/api/v1/me`, { headers: from(address) })).status);
    expect(statuses).toEqual(Array(LIMIT).fill(401));

    const limited = await post(bearer(forgedBotToken));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('request.rateLimited');
  });
});

describe('without a trusted proxy', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_INVALID_TOKENS_PER_MINUTE: '5' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('ignores X-Forwarded-For, so a new forged address per request does not escape the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const answer = await fetch(`${app.url}/api/v1/me`, {
        headers: { ...bearer('not.a.token'), 'x-forwarded-for': `192.0.2.${i + 1}` },
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
