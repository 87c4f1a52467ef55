/**
 * The service's security headers and transport limits, on the real app: the tab pages' Content-Security-Policy
 * (framed only by Teams and Microsoft 365, scripts only from the service), nosniff, Referrer-Policy, HSTS
 * behind App Service's TLS; the API's headers; bodies too large, not JSON or compressed refused with the API's
 * localised error. In headless Chromium the built tab pages render without a single CSP violation, and a
 * page of another origin cannot frame them. Needs `npm run build -w tabs` and Debian's Chromium.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { MAX_BODY_BYTES } from '../../bot/src/tunables';
import { TAB_FRAME_ANCESTORS } from '../../bot/src/http/security-headers';
import { requireBuiltTabs } from '../app-package/tab-server';
import { startTestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';

let app: RunningApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('headers', () => {
  test('the tab page may be framed by Teams and Microsoft 365 only, and runs only its own scripts', async () => {
    const response = await fetch(`${app.url}/tabs/index.html`);
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toEqual([...TAB_FRAME_ANCESTORS]);
    expect(TAB_FRAME_ANCESTORS).toEqual(
      expect.arrayContaining([
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://*.cloud.microsoft',
        'https://*.office.com',
        'https://*.microsoft365.com',
        'https://outlook.office.com',
      ]),
    );
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // Framing is governed by frame-ancestors; X-Frame-Options cannot allow several hosts.
    expect(response.headers.get('x-frame-options')).toBeNull();
    // Plain HTTP (local): no HSTS, which browsers would ignore anyway.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  test('behind App Service’s TLS (X-Forwarded-Proto: https) every answer carries HSTS', async () => {
    for (const path of ['/tabs/index.html', '/api/v1/clock/default?year=2026', '/healthz']) {
      const response = await fetch(`${app.url}${path}`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(response.headers.get('strict-transport-security')).toMatch(
        /^max-age=31536000; includeSubDomains$/,
      );
    }
  });

  test('API answers, errors included, are data: nothing to run, nothing to frame', async () => {
    for (const path of [
      '/api/v1/clock/default?year=2026',
      '/api/v1/me',
      '/api/v1/no-such-route',
      '/healthz',
    ]) {
      const response = await fetch(`${app.url}${path}`);
      const csp = directives(response.headers.get('content-security-policy'));
      expect({ path, defaultSrc: csp.get('default-src'), frames: csp.get('frame-ancestors') }).toEqual({
        path,
        defaultSrc: ["'none'"],
        frames: ["'none'"],
      });
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('body limits and malformed bodies', () => {
  const post = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers, body });

  test.each(['/api/messages', '/api/dev/token'])(
    '%s refuses a body over the limit with 413, localised',
    async (path) => {
      const body = JSON.stringify({ type: 'message', text: 'x'.repeat(MAX_BODY_BYTES) });
      const response = await post(path, body, {
        'content-type': 'application/json',
        'accept-language': 'sv-FI',
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: { code: 'request.tooLarge', message: 'Begäran är för stor.' },
      });
    },
  );

  test('PUT /api/v1/hr/clock refuses a body over the limit before it signs anyone in', async () => {
    const response = await fetch(`${app.url}/api/v1/hr/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ phases: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'The request is too large.',
    );
  });

  test.each([
    ['malformed JSON', '{"type":', { 'content-type': 'application/json' }, 400, 'request.malformed'],
    ['JSON that is not an activity', '{}', { 'content-type': 'application/json' }, 400, 'request.invalid'],
    ['an array', '[]', { 'content-type': 'application/json' }, 400, 'request.invalid'],
    [
      'a form post',
      'type=message',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'request.unsupportedMediaType',
    ],
    [
      'a gzip body',
      '{}',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      415,
      'request.unsupportedMediaType',
    ],
  ])('/api/messages answers %s with a localised error', async (_name, body, headers, status, code) => {
    const response = await post('/api/messages', body, headers);
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe(code);
    expect(answer.error.message).toMatch(/\S/);
  });

  test.each(['0x7EA', '2026.0', 'abc', '1999', '2026&year=2027'])(
    'the public clock refuses ?year=%s with a localised 400',
    async (year) => {
      const response = await fetch(`${app.url}/api/v1/clock/default?year=${year}`, {
        headers: { 'accept-language': 'sv' },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 'clock.invalidYear',
          message: 'Begäran var ogiltig.',
          details: { field: 'year', min: 2000, max: 2100 },
        },
      });
    },
  );

  test('malformed JSON to the API is a 400 in the caller’s language, not a 500', async () => {
    const response = await post('/api/dev/token', '{', {
      'content-type': 'application/json',
      'accept-language': 'en',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'request.malformed', message: 'The request body was not valid JSON.' },
    });
  });
});

describe('in Chromium', () => {
  let browser: TestBrowser;

  beforeAll(async () => {
    requireBuiltTabs();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Every CSP violation the page reports, from the DOM event and from the console. */
  async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
    const violations: string[] = [];
    const page = await browser.context.newPage();
    await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation: (text: string) => void })
          .__reportCspViolation;
        report(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    return { page, violations };
  }

  test.each(['#/clock?year=2026', '#/personal', '#/hr', '#/config', '#/accessibility', '#/no-such-page'])(
    'the tab page %s renders with no CSP violation',
    async (hash) => {
      const { page, violations } = await watchedPage();
      await page.goto(`${app.url}/tabs/index.html${hash}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Let Griffel insert the styles of what rendered last, and the lazy pages load.
      await page.waitForTimeout(300);
      expect(violations).toEqual([]);
      await page.close();
    },
  );

  test('a page of another origin cannot frame a tab page', async () => {
    const page = await browser.context.newPage();
    const evil = 'http://evil.example.test/';
    await page.route(evil, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>x</title><iframe title="tab" src="${app.url}/tabs/index.html#/clock"></iframe>`,
      }),
    );
    await page.goto(evil);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    // Chromium replaces a frame its CSP refuses with its error page; loopback itself is reachable (above).
    const deadline = Date.now() + 5000;
    while (framed?.url() !== 'chrome-error://chromewebdata/' && Date.now() < deadline)
      await page.waitForTimeout(50);
    expect(framed?.url()).toBe('chrome-error://chromewebdata/');
    await page.close();
  });
});
