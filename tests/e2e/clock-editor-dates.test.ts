/**
 * The clock editor's phase dates repeat every year, so they are edited as day and month with no year; a day the
 * month does not always have is refused under the field that has it, not under its neighbour. In headless
 * Chromium against the real service. Needs `npm run build -w tabs`.
 */
import type { Page } from 'playwright-core';
import { defaultAnnualClock } from '../../bot/src/domain/default-annual-clock';
import { axeViolations, chooseMonthDay, shownMonthDay, useDemoTabs } from './tabs-browser';

const NOW = new Date('2026-11-23T10:00:00Z');
const stack = useDemoTabs(NOW);

/** What a screen reader reads after a control's name: its field's error, if any. */
const description = (page: Page, name: string): Promise<string> =>
  page.getByRole('combobox', { name, exact: true }).evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

const developmentPhase = async () =>
  (await stack.app.repositories.annualClocks.get(stack.tenantId))?.value.phases.find(
    (p) => p.id === 'development-discussions',
  );

test('phase dates are a day and a month, never a year', async () => {
  const page = await stack.tabs.open(stack.app.url, 'hr', '#/hr');
  await page.getByRole('heading', { level: 2, name: 'Vuosikello 2026: Koko organisaatio' }).waitFor();
  // Nothing saved yet: the organisation runs on the default clock.
  const opens = defaultAnnualClock().phases.find((p) => p.id === 'development-discussions')?.opens ?? '';
  const [month, day] = opens.split('-').map(Number);
  expect(await shownMonthDay(page, 'Kehityskeskustelut: alkaa')).toBe(`${day}.${month}.`);

  const editor = page.getByRole('table', {
    name: 'Koko organisaation vaiheet. Päivämäärät toistuvat joka vuosi.',
  });
  expect(await editor.locator('input[type="date"]').count()).toBe(0);
  const months = await page
    .getByRole('combobox', { name: 'Kehityskeskustelut: alkaa, kuukausi' })
    .locator('option')
    .allInnerTexts();
  expect(months).toHaveLength(12);
  expect(months[0]).toBe('tammikuu');
  expect(months[11]).toBe('joulukuu');
  // Nothing in the date controls names a year.
  expect((await editor.innerText()).match(/\b20\d\d\b/)).toBeNull();
  expect(await axeViolations(page)).toEqual([]);
});

test('31 April is refused under the closing date only; a real date saves as month and day', async () => {
  const page = await stack.tabs.open(stack.app.url, 'hr', '#/hr');
  await chooseMonthDay(page, 'Kehityskeskustelut: päättyy', 31, 4);
  const message = '31.4. ei ole päivämäärä joka vuosi. Valitse toinen päivä.';
  await page.getByText(message).waitFor();
  expect(await description(page, 'Kehityskeskustelut: päättyy, päivä')).toBe(message);
  expect(await description(page, 'Kehityskeskustelut: päättyy, kuukausi')).toBe(message);
  expect(
    await page
      .getByRole('combobox', { name: 'Kehityskeskustelut: päättyy, päivä' })
      .getAttribute('aria-invalid'),
  ).toBe('true');
  expect(await description(page, 'Kehityskeskustelut: alkaa, päivä')).toBe('');
  expect(await page.getByRole('button', { name: 'Tallenna vuosikello' }).isDisabled()).toBe(true);
  expect(await axeViolations(page)).toEqual([]);

  await chooseMonthDay(page, 'Kehityskeskustelut: päättyy', 30, 4);
  expect(await page.getByText(message).count()).toBe(0);
  await page.getByRole('button', { name: 'Tallenna vuosikello' }).click();
  await page.getByText('Vuosikello tallennettu.').waitFor();
  expect((await developmentPhase())?.closes).toBe('04-30');
});
