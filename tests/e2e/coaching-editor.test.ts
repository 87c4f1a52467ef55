/**
 * HR's coaching-question editor in headless Chromium against the real service: the built-in questions shown
 * until HR saves, a refused save (an emptied field) that stores nothing and says where the problem is, a save
 * with an added question that survives a reload, another HR user's save winning over a stale form, a phone-wide
 * page and axe-core. Needs `npm run build -w tabs`.
 */
import type { Locator, Page } from 'playwright-core';
import { BUILT_IN_COACHING_BANK, MAX_QUESTION_LENGTH } from '../../bot/src/domain/coaching-bank';
import { artifactPath } from '../support/browser';
import { axeViolations, useDemoTabs } from './tabs-browser';

const NOW = new Date('2026-11-23T10:00:00Z');
const stack = useDemoTabs(NOW);

/** HR's page, on to the coaching questions by its link, as a user gets there. */
async function openCoachingQuestions(): Promise<Page> {
  const page = await stack.tabs.open(stack.app.url, 'hr', '#/hr');
  await page.getByRole('link', { name: 'Valmentavat kysymykset' }).click();
  await page.getByRole('heading', { level: 2, name: 'Valmentavat kysymykset' }).waitFor();
  return page;
}

/** A question of a step, as its group: "Hyvinvointi" → "Kysymys 2". */
const question = (page: Page, step: string, number: number): Locator =>
  page.getByRole('group', { name: step }).getByRole('group', { name: `Kysymys ${number}` });

/** What a screen reader reads after a field's label: its error message, if any. */
const description = (field: Locator): Promise<string> =>
  field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

const isFocused = (field: Locator): Promise<boolean> =>
  field.evaluate((element) => element === document.activeElement);

test('HR edits the coaching questions: a refused save stores nothing, a saved one survives a reload', async () => {
  const page = await openCoachingQuestions();
  await page.getByText('Käytössä ovat sovelluksen valmiit kysymykset').waitFor();
  const wellbeingFirst = question(page, 'Hyvinvointi', 1);
  expect(await wellbeingFirst.getByLabel('Suomeksi').inputValue()).toBe(
    BUILT_IN_COACHING_BANK.wellbeing[0]?.fi,
  );
  expect(await question(page, 'Hyvinvointi', 3).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  const swedish = wellbeingFirst.getByLabel('På svenska');
  await swedish.fill('');
  await page.getByRole('button', { name: 'Tallenna kysymykset' }).click();
  await page.getByText('Kysymyksiä ei tallennettu. Korjaa merkityt kentät.').waitFor();
  // The error, then the field's counter against its limit.
  expect(await description(swedish)).toBe(
    `Kirjoita kysymys tällä kielellä. 0 / ${MAX_QUESTION_LENGTH} merkkiä`,
  );
  expect(await swedish.getAttribute('aria-invalid')).toBe('true');
  expect(await isFocused(swedish)).toBe(true);
  expect(await stack.app.repositories.coachingBanks.get(stack.tenantId)).toBeNull();
  expect(await axeViolations(page)).toEqual([]);

  await swedish.fill('Vad i ditt arbete ger dig kraft?');
  expect(await description(swedish)).toBe(`32 / ${MAX_QUESTION_LENGTH} merkkiä`);
  await wellbeingFirst.getByLabel('Suomeksi').fill('Mikä työssäsi antaa sinulle voimia?');
  await page.getByRole('button', { name: 'Lisää kysymys vaiheeseen Hyvinvointi' }).click();
  const added = question(page, 'Hyvinvointi', 3);
  expect(await isFocused(added.getByLabel('Suomeksi'))).toBe(true);
  await added.getByLabel('Suomeksi').fill('Mistä tunnistat, että olet levännyt tarpeeksi?');
  await added.getByLabel('På svenska').fill('Hur märker du att du har vilat tillräckligt?');
  await added.getByLabel('In English').fill('How do you notice that you have rested enough?');
  expect(await page.getByRole('button', { name: 'Lisää kysymys vaiheeseen Hyvinvointi' }).isDisabled()).toBe(
    true,
  );
  await page.getByRole('button', { name: 'Tallenna kysymykset' }).click();
  await page.getByText('Valmentavat kysymykset tallennettu.').waitFor();
  await page.getByText(/^Tallennettu /).waitFor();
  const stored = (await stack.app.repositories.coachingBanks.get(stack.tenantId))?.value.questions;
  expect(stored?.wellbeing).toEqual([
    {
      fi: 'Mikä työssäsi antaa sinulle voimia?',
      sv: 'Vad i ditt arbete ger dig kraft?',
      en: BUILT_IN_COACHING_BANK.wellbeing[0]?.en,
    },
    BUILT_IN_COACHING_BANK.wellbeing[1],
    {
      fi: 'Mistä tunnistat, että olet levännyt tarpeeksi?',
      sv: 'Hur märker du att du har vilat tillräckligt?',
      en: 'How do you notice that you have rested enough?',
    },
  ]);
  expect(stored?.pastYear).toEqual(BUILT_IN_COACHING_BANK.pastYear);

  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Valmentavat kysymykset' }).waitFor();
  await page.getByText(/^Tallennettu /).waitFor();
  expect(await page.getByText('Käytössä ovat sovelluksen valmiit kysymykset').count()).toBe(0);
  expect(await question(page, 'Hyvinvointi', 1).getByLabel('Suomeksi').inputValue()).toBe(
    'Mikä työssäsi antaa sinulle voimia?',
  );
  expect(await question(page, 'Hyvinvointi', 1).getByLabel('På svenska').inputValue()).toBe(
    'Vad i ditt arbete ger dig kraft?',
  );
  expect(await question(page, 'Hyvinvointi', 3).getByLabel('In English').inputValue()).toBe(
    'How do you notice that you have rested enough?',
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('tabs-hr-coaching-questions.png'), fullPage: true });
});

test('a step keeps at least two questions, and the page fits a phone', async () => {
  const page = await openCoachingQuestions();
  await page.setViewportSize({ width: 360, height: 800 });
  const removeFirst = page.getByRole('button', { name: 'Poista kysymys 1 vaiheesta Muut asiat' });
  await removeFirst.waitFor();
  expect(await removeFirst.isDisabled()).toBe(true);
  const fitsWidth = await page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
  expect(fitsWidth).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('tabs-hr-coaching-questions-phone.png') });
});

test('when another HR user saved meanwhile, the form shows their questions and says the edits were not saved', async () => {
  const mine = await openCoachingQuestions();
  const theirs = await openCoachingQuestions();
  await question(theirs, 'Muut asiat', 1).getByLabel('Suomeksi').fill('Mitä muuta haluat ottaa puheeksi?');
  await theirs.getByRole('button', { name: 'Tallenna kysymykset' }).click();
  await theirs.getByText('Valmentavat kysymykset tallennettu.').waitFor();

  const field = question(mine, 'Muut asiat', 1).getByLabel('Suomeksi');
  await field.fill('Minun muutokseni, jota ei tallenneta');
  await mine.getByRole('button', { name: 'Tallenna kysymykset' }).click();
  await mine.getByText('Joku muu tallensi kysymyksiä sillä välin.', { exact: false }).waitFor();
  expect(await field.inputValue()).toBe('Mitä muuta haluat ottaa puheeksi?');
  expect(
    (await stack.app.repositories.coachingBanks.get(stack.tenantId))?.value.questions.otherMatters[0]?.fi,
  ).toBe('Mitä muuta haluat ottaa puheeksi?');

  // The form now holds what is stored, with its ETag: saving again goes through.
  await field.fill('Mitä muuta haluat kertoa?');
  await mine.getByRole('button', { name: 'Tallenna kysymykset' }).click();
  await mine.getByText('Valmentavat kysymykset tallennettu.').waitFor();
  expect(
    (await stack.app.repositories.coachingBanks.get(stack.tenantId))?.value.questions.otherMatters[0]?.fi,
  ).toBe('Mitä muuta haluat kertoa?');
});
