/**
 * What the tab tests share in the browser: one Chromium per test file that opens the tab pages as a persona
 * and closes them after each test, an axe-core scan of the page as it stands, and waiting until a condition
 * the page makes true holds (jest has no built-in poll).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { requireBuiltTabs } from '../app-package/tab-server';
import { startTestApp } from '../support/app';
import { launchBrowser } from '../support/browser';
import { newTenantId } from '../support/storage';

export interface TabsBrowser {
  /** The tabs' page at `app`'s URL as a dev-mode persona; `suffix`: more query parameters and the route. */
  open(appUrl: string, persona: string, suffix: string): Promise<Page>;
  /** Closes the pages opened since the last call (after each test). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** A Finnish-locale Chromium whose pages' clock, when `now` is given, stands still at the service's "now". */
export async function launchTabsBrowser(options: { now?: Date } = {}): Promise<TabsBrowser> {
  const browser = await launchBrowser({ locale: 'fi-FI' });
  if (options.now) await browser.context.clock.setFixedTime(options.now);
  const pages: Page[] = [];
  return {
    open: async (appUrl, persona, suffix) => {
      const page = await browser.context.newPage();
      pages.push(page);
      await page.goto(`${appUrl}/tabs/index.html?persona=${persona}${suffix}`);
      return page;
    },
    closePages: async () => {
      await Promise.all(pages.splice(0).map((page) => page.close()));
    },
    close: () => browser.close(),
  };
}

/** The service with the demo municipality as it stands at `now`, and the file's browser. */
export interface DemoTabs {
  readonly tenantId: string;
  readonly app: RunningApp;
  readonly tabs: TabsBrowser;
}

/**
 * Starts the service on a new tenant seeded with the demo municipality and a browser whose clock stands at `now`
 * before the file's tests, closes each test's pages after it, and stops both after the last test.
 */
export function useDemoTabs(now: Date): DemoTabs {
  const state = { tenantId: newTenantId() } as { tenantId: string; app: RunningApp; tabs: TabsBrowser };
  beforeAll(async () => {
    requireBuiltTabs();
    state.app = await startTestApp({ DEMO_DATA: 'on', DEMO_TENANT_ID: state.tenantId }, { now: () => now });
    state.tabs = await launchTabsBrowser({ now });
  }, 120_000);
  afterEach(async () => {
    await state.tabs?.closePages();
  });
  afterAll(async () => {
    await state.tabs?.close();
    await state.app?.stop();
  });
  return state;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; nodes: { target: unknown }[] }[];
}

/** The axe rules the page breaks, as "rule (where)", so a failing test says what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A dialog fading in has not reached its final colours yet: scan what the user ends up seeing.
  // (Endless ones, such as a spinner's, never finish and are not waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
  // Evaluated through the DevTools protocol, not as an inline <script>: the pages' CSP allows no inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document) => Promise<AxeResult> } }).axe.run(document),
  );
  return result.violations.map(
    (violation) =>
      `${violation.id} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
  );
}

export async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A date that repeats every year (the clock editor's phase dates), chosen as the page offers it: the day and the
 * month of the group named `label` ("Kehityskeskustelut: päättyy"), in the page's Finnish.
 */
export async function chooseMonthDay(page: Page, label: string, day: number, month: number): Promise<void> {
  const group = page.getByRole('group', { name: label, exact: true });
  await group.getByRole('combobox', { name: `${label}, päivä` }).selectOption(String(day));
  await group.getByRole('combobox', { name: `${label}, kuukausi` }).selectOption(String(month));
}

/** The day and month the group named `label` shows, as "D.M.". */
export async function shownMonthDay(page: Page, label: string): Promise<string> {
  const group = page.getByRole('group', { name: label, exact: true });
  const day = await group.getByRole('combobox', { name: `${label}, päivä` }).inputValue();
  const month = await group.getByRole('combobox', { name: `${label}, kuukausi` }).inputValue();
  return `${day}.${month}.`;
}
