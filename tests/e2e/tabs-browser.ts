/**
 * What the tab tests share in the browser: one Chromium per test file that opens the tab pages as a persona
 * and closes them after each test, an axe-core scan of the page as it stands, and waiting until a condition
 * the page makes true holds (jest has no built-in poll).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';

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
