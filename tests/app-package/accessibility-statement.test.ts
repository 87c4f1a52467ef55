/**
 * The accessibility statement (saavutettavuusseloste, Act 306/2019) in Chromium against the tab stand-in
 * server, as tests/app-package/tab-pages.test.ts runs the tabs: in Finnish, Swedish and English with the
 * content the law asks for, linked from every view (signed-in or not), and without axe-core violations.
 * Needs `npm run build -w tabs` and Debian's Chromium.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTabServer, requireBuiltTabs, type TabServer } from './tab-server';
import { axeViolations } from '../e2e/tabs-browser';

const CHROMIUM = '/usr/bin/chromium';

let browser: Browser;
let server: TabServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireBuiltTabs();
  server = await startTabServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash: string, locale = 'fi-FI'): Promise<Page> {
  const context = await browser.newContext({ locale });
  contexts.push(context);
  await context.route(
    (url) => !url.href.startsWith(server.origin),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}/tabs/index.html${hash}`);
  return page;
}

const LANGUAGES = [
  {
    locale: 'fi-FI',
    heading: 'Saavutettavuusseloste',
    sections: [
      'Saavutettavuuden tila',
      'Miten saavutettavuus on arvioitu',
      'Palaute ja yhteystiedot',
      'Valvontaviranomainen',
    ],
    compliance: 'osittain',
    authority: 'Liikenne- ja viestintävirasto Traficom',
    date: '23.11.2026',
  },
  {
    locale: 'sv-FI',
    heading: 'Tillgänglighetsutlåtande',
    sections: [
      'Tillgänglighetsstatus',
      'Hur tillgängligheten har bedömts',
      'Respons och kontaktuppgifter',
      'Tillsynsmyndighet',
    ],
    compliance: 'delvis',
    authority: 'Transport- och kommunikationsverket Traficom',
    date: '23.11.2026',
  },
  {
    locale: 'en-GB',
    heading: 'Accessibility statement',
    sections: [
      'Compliance status',
      'How accessibility was assessed',
      'Feedback and contact details',
      'Supervisory authority',
    ],
    compliance: 'partially',
    authority: 'Finnish Transport and Communications Agency Traficom',
    date: '23/11/2026',
  },
];

describe('the accessibility statement', () => {
  test.each(LANGUAGES)(
    'in $locale: scope, status, assessment, date, feedback channel and authority',
    async (language) => {
      const page = await open('#/accessibility', language.locale);
      await page.getByRole('heading', { level: 1, name: language.heading }).waitFor();
      for (const section of language.sections)
        await page.getByRole('heading', { level: 2, name: section }).waitFor();
      const text = await page.locator('main').innerText();
      expect(text).toContain('Osaamiskello');
      expect(text).toContain(language.compliance);
      expect(text).toContain('axe-core');
      expect(text).toContain(language.date);
      expect(text).toContain(language.authority);
      await expect(
        page.getByRole('link', { name: 'saavutettavuus@demokaupunki.fi' }).getAttribute('href'),
      ).resolves.toBe('mailto:saavutettavuus@demokaupunki.fi');
      await expect(page.getByRole('link', { name: 'saavutettavuus@traficom.fi' }).count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  test.each([
    ['#/clock?year=2026', 'fi-FI', 'Saavutettavuusseloste'],
    ['#/personal', 'fi-FI', 'Saavutettavuusseloste'],
    ['#/team', 'sv-FI', 'Tillgänglighetsutlåtande'],
    ['#/hr', 'en-GB', 'Accessibility statement'],
    ['#/channel?serviceAreaId=sa-1', 'fi-FI', 'Saavutettavuusseloste'],
    ['#/config', 'fi-FI', 'Saavutettavuusseloste'],
    ['#/no-such-page', 'fi-FI', 'Saavutettavuusseloste'],
  ])('%s links to it from its footer (%s)', async (hash, locale, name) => {
    const page = await open(hash, locale);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const link = page.getByRole('contentinfo').getByRole('link', { name });
    await expect(link.getAttribute('href')).resolves.toBe('#/accessibility');
    expect(await axeViolations(page)).toEqual([]);
    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  });
});
