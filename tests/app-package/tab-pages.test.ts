/**
 * The built tab pages in Chromium, outside Teams (teams-js falls back to standalone mode) and against a
 * stand-in service without a dev mode: the public annual clock in Finnish, Swedish and English, its loading,
 * empty and error states, year navigation, the pages that need a sign-in saying so, and an axe-core scan.
 * The signed-in views run against the real service in tests/e2e/tabs-app.test.ts. Needs
 * `npm run build -w tabs` (part of `npm test`) and Debian's Chromium (.ci/run installs it).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  EMPTY_YEAR,
  FAILING_YEAR,
  GARBLED_YEAR,
  startTabServer,
  requireBuiltTabs,
  type TabServer,
} from './tab-server';
import { axeViolations, waitUntil } from '../e2e/tabs-browser';

const CHROMIUM = '/usr/bin/chromium';

let browser: Browser;
let server: TabServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireBuiltTabs();
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  server = await startTabServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a tab page with the browser set to `locale`; nothing outside the test server is reached. */
async function open(hash: string, locale = 'fi-FI', query = ''): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  // teams-js asks a CDN for its list of valid origins; there is no network here, and none is needed.
  await context.route(
    (url) => !url.href.startsWith(server.origin),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}/tabs/index.html${query}${hash}`);
  return page;
}

describe('the annual clock', () => {
  test('in Finnish: calls the clock API for the year and shows the timeline and the phase table', async () => {
    const page = await open('#/clock?year=2026');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vuosikello');
    await page.getByRole('heading', { level: 2, name: 'Vuosikello 2026' }).waitFor();
    await page.getByRole('table').waitFor();

    expect(server.apiRequests).toContain('GET /api/v1/clock/default?year=2026');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi-FI');
    // The heading shows before the clock's rows: wait for the first data row, not only the page.
    await page.getByRole('row').nth(1).waitFor();
    const rows = await page.getByRole('row').allInnerTexts();
    expect(rows).toHaveLength(7); // header + six phases
    // Ties on dates follow the timeline's rows, top-down: the team's discussion before the individual's.
    expect(rows[1]?.split('\t').map((cell) => cell.trim())).toEqual([
      'Ryhmäosaamiskeskustelut',
      'Tiimi / vastuualue',
      '1.1.2026',
      '31.3.2026',
    ]);
    expect(rows[6]).toContain('Koulutussuunnitelmien vahvistus (YT-neuvottelukunta)');

    const timeline = page.getByRole('img', { name: /^Vuosikello 2026 aikajanana/ });
    await expect(timeline.isVisible()).resolves.toBe(true);
    for (const level of ['Organisaatio', 'Palvelualue', 'Tiimi / vastuualue', 'Yksilö']) {
      await expect(timeline.getByText(level, { exact: true }).count()).resolves.toBe(1);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  test('in Swedish with ?locale=sv, whatever the browser says', async () => {
    const page = await open('#/clock?year=2026&locale=sv', 'fi-FI');
    await page.getByRole('heading', { level: 2, name: 'Årsklocka 2026' }).waitFor();
    // The heading shows before the clock's rows: wait for the first data row, not only the page.
    await page.getByRole('row').nth(1).waitFor();
    const rows = await page.getByRole('row').allInnerTexts();
    expect(rows[1]?.split('\t').map((cell) => cell.trim())).toEqual([
      'Gruppsamtal om kompetens',
      'Team / ansvarsområde',
      '1.1.2026',
      '31.3.2026',
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv-FI');
  });

  test('in English for a browser language the app does not have', async () => {
    const page = await open('#/clock?year=2026', 'de-DE');
    await page.getByRole('heading', { level: 2, name: 'Annual clock 2026' }).waitFor();
    // The heading shows before the clock's rows: wait for the first data row, not only the page.
    await page.getByRole('row').nth(1).waitFor();
    const rows = await page.getByRole('row').allInnerTexts();
    expect(rows[1]?.split('\t').map((cell) => cell.trim())).toEqual([
      'Group competence discussions',
      'Team / responsibility area',
      '01/01/2026',
      '31/03/2026',
    ]);
  });

  test('moves between years with the keyboard', async () => {
    const page = await open('#/clock?year=2026');
    await page.getByRole('table').waitFor();
    // The views' navigation (My competence, Annual clock) comes first, then the year buttons.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(
      'Seuraava vuosi 2027',
    );
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Vuosikello 2027' }).waitFor();
    await page.getByRole('cell', { name: '31.3.2027' }).first().waitFor();
    expect(server.apiRequests).toContain('GET /api/v1/clock/default?year=2027');
    expect(new URL(page.url()).hash).toBe('#/clock?year=2027');
  });

  test('says so when the year has no phases', async () => {
    const page = await open(`#/clock?year=${EMPTY_YEAR}`);
    await page.getByText(`Vuodelle ${EMPTY_YEAR} ei ole vielä määritelty vuosikellon vaiheita.`).waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
  });

  test('explains a server error and tries again on request', async () => {
    const page = await open(`#/clock?year=${FAILING_YEAR}`);
    await page.getByText('Vuosikelloa ei voitu ladata').waitFor();
    await page.getByText('Palvelussa tapahtui virhe (HTTP 500). Yritä hetken kuluttua uudelleen.').waitFor();
    const before = server.apiRequests.filter((request) => request.endsWith(`year=${FAILING_YEAR}`)).length;
    await page.getByRole('button', { name: 'Yritä uudelleen' }).click();
    await waitUntil(
      () =>
        server.apiRequests.filter((request) => request.endsWith(`year=${FAILING_YEAR}`)).length ===
        before + 1,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  test('refuses a response it cannot read instead of drawing it', async () => {
    const page = await open(`#/clock?year=${GARBLED_YEAR}`);
    await page.getByText('Palvelu palautti vastauksen, jota ei voitu lukea.').waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
  });
});

describe('outside Teams, without a dev mode', () => {
  test('the personal tab asks to be opened in Teams and signs nobody in', async () => {
    const before = server.apiRequests.length;
    const page = await open('#/personal');
    await page.getByRole('heading', { level: 1, name: 'Oma osaaminen' }).waitFor();
    await page.getByText('Avaa Osaamiskello Teamsissa').waitFor();
    expect(server.apiRequests.slice(before)).toEqual(['GET /api/dev/personas']);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the configuration page says it saves nothing outside Teams', async () => {
    const page = await open('#/config');
    await page.getByRole('heading', { level: 1, name: 'Osaamiskello-välilehden asetukset' }).waitFor();
    await page.getByText('Avaa Microsoft Teamsissa').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('an unknown route gets a localised not-found page with a way back', async () => {
    const page = await open('#/no-such-page', 'sv-FI');
    await page.getByRole('heading', { level: 1, name: 'Sidan hittades inte' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Gå till Osaamiskellos startsida' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min kompetens' }).waitFor();
  });
});
