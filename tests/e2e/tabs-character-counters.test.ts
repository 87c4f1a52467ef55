/**
 * Character counters in the tabs, in headless Chromium against the real service: every free-text field shows
 * "count / limit" in the page's language, says under the field when the text is too long, and a save with an
 * over-long text is refused in the page with what was typed kept (nothing is cut, nothing is stored).
 * Needs `npm run build -w tabs`.
 */
import type { Page } from 'playwright-core';
import { MAX_QUESTION_LENGTH } from '../../bot/src/domain/coaching-bank';
import { MAX_CONCLUSION_LENGTH } from '../../bot/src/domain/content-limits';
import { generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import { organisationYear } from '../../bot/src/domain/organisation-time';
import { axeViolations, useDemoTabs } from './tabs-browser';

const NOW = new Date('2026-11-23T10:00:00Z');
const stack = useDemoTabs(NOW);
const YEAR = organisationYear(NOW);
const demo = generateDemoMunicipality(stack.tenantId);
const [area] = [...demo.serviceAreas].sort((a, b) => a.name.localeCompare(b.name, 'fi'));

/** What a screen reader reads after a field's label: its hint (the counter) and its error message. */
const description = (page: Page, name: string): Promise<string> =>
  page.getByRole('textbox', { name }).evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

const digits = (value: string): string => value.replace(/\s/g, '');

test('a summary’s conclusions show the longest line against 800, and an over-long one is refused and kept', async () => {
  if (!area) throw new Error('the demo has service areas');
  const page = await stack.tabs.open(stack.app.url, 'hr', `#/hr?view=summaries&year=${YEAR}`);
  await page.getByRole('link', { name: `Avaa koonti: ${area.name}` }).click();
  await page.getByRole('button', { name: 'Luo luonnos' }).click();
  await page.getByText('Luonnos on valmis.').waitFor();

  const field = page.getByRole('textbox', { name: 'Nykyosaaminen' });
  await field.fill('Lyhyt johtopäätös\nToinen');
  await page.getByText('Pisin rivi 17 / 800 merkkiä').waitFor();
  expect(await description(page, 'Nykyosaaminen')).toContain('Pisin rivi 17 / 800 merkkiä');

  const tooLong = 'x'.repeat(MAX_CONCLUSION_LENGTH + 5);
  await field.fill(`Lyhyt\n${tooLong}`);
  await page
    .getByText(`Pisin rivi ${MAX_CONCLUSION_LENGTH + 5} / ${MAX_CONCLUSION_LENGTH} merkkiä`)
    .waitFor();
  expect(await description(page, 'Nykyosaaminen')).toContain('Pisin rivi on 5 merkkiä liian pitkä');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Tallenna johtopäätökset' }).click();
  await page
    .getByText('Ei tallennettu: lyhennä ensin punaisella merkityt tekstit. Kirjoittamasi teksti on tallessa.')
    .waitFor();
  expect(await field.inputValue()).toBe(`Lyhyt\n${tooLong}`);
  const stored = await stack.app.repositories.summaries.get(stack.tenantId, YEAR, area.id);
  expect(JSON.stringify(stored?.value.conclusions ?? {})).not.toContain(tooLong);

  // Shortened to the limit, it is saved whole.
  const atLimit = 'y'.repeat(MAX_CONCLUSION_LENGTH);
  await field.fill(atLimit);
  await page.getByRole('button', { name: 'Tallenna johtopäätökset' }).click();
  await page.getByText('Johtopäätökset tallennettu.').waitFor();
  const saved = await stack.app.repositories.summaries.get(stack.tenantId, YEAR, area.id);
  expect(Object.values(saved?.value.conclusions ?? {}).flat()).toContain(atLimit);
}, 120_000);

test('each coaching question shows its count against its limit, in Swedish on a Swedish page', async () => {
  const page = await stack.tabs.open(stack.app.url, 'hr', '&locale=sv#/hr');
  await page.getByRole('link', { name: 'Coachande frågor' }).click();
  await page.getByRole('heading', { level: 2, name: 'Coachande frågor' }).waitFor();
  const first = page
    .getByRole('group', { name: 'Det gångna arbetsåret' })
    .getByRole('group', { name: 'Fråga 1' })
    .getByRole('textbox', { name: 'På svenska' });
  await first.fill('Vad gick bra?');
  const counted = page
    .getByRole('group', { name: 'Det gångna arbetsåret' })
    .getByRole('group', { name: 'Fråga 1' })
    .getByTestId('character-count')
    .nth(1);
  expect(digits(await counted.innerText())).toBe(digits(`13 / ${MAX_QUESTION_LENGTH}tecken`));
  await first.fill('x'.repeat(MAX_QUESTION_LENGTH + 1));
  expect(digits(await counted.innerText())).toBe(
    digits(`${MAX_QUESTION_LENGTH + 1} / ${MAX_QUESTION_LENGTH}tecken`),
  );
  expect(await first.inputValue()).toHaveLength(MAX_QUESTION_LENGTH + 1);
});
