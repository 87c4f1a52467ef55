/**
 * Refused requests leave one JSON line with a reason code each — never what the request held — and a flood of
 * them leaves a bounded number of lines. The API and the bot endpoint limit each user and each tenant, with a
 * localised 429 and Retry-After; the defaults let a supervisor with 15 reports work without ever meeting them.
 */
import { randomUUID } from 'node:crypto';
import type { RunningApp } from '../../bot/src/app';
import { createLogger, createRefusalLog } from '../../bot/src/logging';
import { REFUSAL_LOG_LINES_PER_MINUTE } from '../../bot/src/tunables';
import { createRateLimiter } from '../../bot/src/http-kit/rate-limit';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { personalMessage, postActivity } from '../support/activities';
import { bearer, devToken, signInOrganisation } from '../support/tokens';

const PERSONAL_NAME = 'Tuija Suominen';

describe('logs of refused requests', () => {
  let app: RunningApp;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({}, { logger: createLogger('debug', (line) => lines.push(line)) });
  });

  afterAll(async () => {
    await app?.stop();
  });

  const postRaw = (path: string, body: string) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('log a reason code, never the body that was refused', async () => {
    lines.length = 0;
    const apiAnswer = await postRaw('/api/dev/token', `{"personId": ${PERSONAL_NAME}}`);
    const botAnswer = await postRaw('/api/messages', `{"type": "message", "text": ${PERSONAL_NAME}`);
    expect([apiAnswer.status, botAnswer.status]).toEqual([400, 400]);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain('Tuija');
      expect(line.trimEnd().split('\n')).toHaveLength(1);
      expect(JSON.parse(line)).toMatchObject({ reason: 'request.malformed' });
    }
  });

  it('stay bounded however many bad requests arrive', async () => {
    lines.length = 0;
    for (let i = 0; i < 150; i += 1) await postRaw('/api/messages', `{"text": ${PERSONAL_NAME} ${i}`);
    expect(lines.length).toBeLessThanOrEqual(REFUSAL_LOG_LINES_PER_MINUTE);
  });
});

describe('the bounded refusal log', () => {
  it('writes the first lines of each reason per minute and then how many it left out', () => {
    const lines: Array<Record<string, unknown>> = [];
    let now = 0;
    const log = createRefusalLog(
      createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
      { perMinute: 3, now: () => now },
    );
    for (let i = 0; i < 10; i += 1) log.refused('bot.refused', 'badSignature');
    log.refused('bot.refused', 'rateLimited');
    expect(lines.map((line) => line.reason)).toEqual([
      'badSignature',
      'badSignature',
      'badSignature',
      'rateLimited',
    ]);
    now = 61_000;
    log.refused('bot.refused', 'badSignature');
    expect(lines.slice(4)).toEqual([
      expect.objectContaining({
        event: 'log.suppressed',
        of: 'bot.refused',
        reason: 'badSignature',
        count: 7,
      }),
      expect.objectContaining({ event: 'bot.refused', reason: 'badSignature' }),
    ]);
  });
});

describe('rate limits', () => {
  it('let a burst of a minute’s allowance through, then refill evenly', () => {
    let now = 0;
    const limiter = createRateLimiter({ userPerMinute: 60, tenantPerMinute: 1000 }, () => now);
    for (let i = 0; i < 60; i += 1) expect(limiter.take('t', 'u')).toBe(0);
    expect(limiter.take('t', 'u')).toBe(1);
    expect(limiter.take('t', 'other user')).toBe(0);
    now += 1000;
    expect(limiter.take('t', 'u')).toBe(0);
    expect(limiter.take('t', 'u')).toBeGreaterThan(0);
  });

  it('count every user of a tenant against the tenant’s limit', () => {
    const limiter = createRateLimiter({ userPerMinute: 10, tenantPerMinute: 25 }, () => 0);
    const answers = Array.from({ length: 30 }, (_, i) => limiter.take('t', `user-${i % 5}`));
    expect(answers.filter((wait) => wait === 0)).toHaveLength(25);
    expect(limiter.take('another tenant', 'user-0')).toBe(0);
  });

  describe('over HTTP', () => {
    let app: RunningApp;
    let connector: ConnectorStandIn;
    const org = signInOrganisation(newTenantId());

    beforeAll(async () => {
      connector = await startConnectorStandIn({ limits: null });
      app = await startTestApp({ RATE_LIMIT_USER_PER_MINUTE: '5', RATE_LIMIT_TENANT_PER_MINUTE: '8' });
      await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
    });

    afterAll(async () => {
      await Promise.all([app?.stop(), connector?.close()]);
    });

    const me = (token: string, locale = 'sv') =>
      fetch(`${app.url}/api/v1/me`, { headers: { ...bearer(token), 'accept-language': locale } });

    it('answer the API’s sixth request of a minute with a localised 429 and Retry-After', async () => {
      const token = await devToken(app.url, org.tenantId, org.people.employee.id);
      for (let i = 0; i < 5; i += 1) expect((await me(token)).status).toBe(200);
      const limited = await me(token);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await limited.json()) as { error: unknown }).error).toMatchObject({
        code: 'request.rateLimited',
        message: 'För många förfrågningar på kort tid. Vänta en stund och försök igen.',
      });
      const finnish = await me(token, 'fi');
      expect(((await finnish.json()) as { error: { message: string } }).error.message).toMatch(
        /^Liian monta/,
      );
    });

    it('limit the tenant as a whole, and the bot endpoint by the same counts', async () => {
      const other = await devToken(app.url, org.tenantId, org.people.hr.id);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await me(other, 'en')).status);
      // The tenant's 8 were spent by the employee's 5 (and the refused ones) and these.
      expect(statuses).toContain(429);
      const activity = personalMessage({ tenantId: org.tenantId, aadObjectId: randomUUID() }, 'ohje', {
        serviceUrl: connector.serviceUrl,
        locale: 'en-US',
      });
      const response = await postActivity(app.url, activity);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    });

    it('limit each user of the bot endpoint', async () => {
      const tenantId = newTenantId();
      const user = randomUUID();
      const send = () =>
        postActivity(
          app.url,
          personalMessage({ tenantId, aadObjectId: user }, 'ohje', { serviceUrl: connector.serviceUrl }),
        ).then((response) => response.status);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push(await send());
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses[5]).toBe(429);
    });
  });

  describe('with the default limits', () => {
    let app: RunningApp;
    const org = signInOrganisation(newTenantId());

    beforeAll(async () => {
      app = await startTestApp();
      await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
    });

    afterAll(async () => {
      await app?.stop();
    });

    it('never stop a supervisor going through 15 reports’ pages quickly (20 requests each, in a minute)', async () => {
      const token = await devToken(app.url, org.tenantId, org.people.supervisor.id);
      const statuses = new Set<number>();
      for (let batch = 0; batch < 30; batch += 1) {
        const answers = await Promise.all(
          Array.from({ length: 10 }, () => fetch(`${app.url}/api/v1/me`, { headers: bearer(token) })),
        );
        for (const answer of answers) {
          statuses.add(answer.status);
          await answer.arrayBuffer();
        }
      }
      expect([...statuses]).toEqual([200]);
    }, 60_000);
  });
});
