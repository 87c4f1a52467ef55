/**
 * The personal tab's language setting in headless Chromium against the real service: it shows the person's
 * stored choice (made in chat), changes it, and the page and the bot then speak the new language; a choice
 * made meanwhile elsewhere is shown instead of overwritten. Needs `npm run build -w tabs`.
 */
import type { Page } from 'playwright-core';
import { translate } from '../../bot/src/i18n/translate';
import { demoPersonas, generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import { cardAction, invokeCard } from '../support/activities';
import { axeViolations, useDemoTabs } from './tabs-browser';

const NOW = new Date('2026-11-23T10:00:00Z');
const stack = useDemoTabs(NOW);
const personas = demoPersonas(generateDemoMunicipality(stack.tenantId));
const swede = { tenantId: stack.tenantId, aadObjectId: personas.swedishEmployee.aadObjectId };
const swedeId = personas.swedishEmployee.personId;

/** Presses a language on the bot's language card (an unknown one only shows the card), as Teams would. */
const pressInChat = (locale: string): Promise<Record<string, unknown>> =>
  invokeCard(
    stack.app.url,
    cardAction(swede, 'language.choose', { locale }, { serviceUrl: 'http://127.0.0.1:9', locale: 'en-US' }),
  );

/** The language the bot speaks to the person now: the card it shows without a valid choice. */
async function botLanguage(): Promise<string> {
  const card = JSON.stringify(await pressInChat('none'));
  return (
    (['fi', 'sv', 'en'] as const).find((locale) => card.includes(translate(locale, 'language.now'))) ?? '?'
  );
}

const open = (): Promise<Page> => stack.tabs.open(stack.app.url, 'swedishEmployee', '#/personal');

test('the Swedish HR record speaks Swedish in the tab until the person chooses, even in a Finnish browser', async () => {
  const page = await open();
  await page.getByRole('heading', { level: 1, name: 'Min kompetens' }).waitFor();
  const group = page.getByRole('radiogroup', { name: 'Språket som Osaamiskello talar med dig' });
  await group.waitFor();
  expect(await group.getByRole('radio', { name: 'Svenska' }).isChecked()).toBe(true);
  await page
    .getByText('Du har inte valt språk, så språket i dina personuppgifter används (Svenska).')
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);
});

test('shows the choice made in chat, and a change in the tab changes the page and the bot’s replies', async () => {
  await pressInChat('en');
  const page = await open();
  await page.getByRole('heading', { level: 1, name: 'My competence' }).waitFor();
  const group = page.getByRole('radiogroup', { name: 'The language Osaamiskello speaks to you' });
  expect(await group.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
  await page.getByText(/^Your own choice\./).waitFor();

  await group.getByRole('radio', { name: 'Suomi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Oma osaaminen' }).waitFor();
  await page.getByText('Kieli vaihdettu: Suomi.').waitFor();
  expect(await stack.app.repositories.languageChoices.chosenLocale(stack.tenantId, swedeId)).toBe('fi');
  expect(await botLanguage()).toBe('fi');
  expect(await axeViolations(page)).toEqual([]);
});

test('a choice made in chat while the tab is open is shown and followed, not overwritten', async () => {
  const page = await open();
  const group = page.getByRole('radiogroup', { name: 'Kieli, jolla Osaamiskello puhuu sinulle' });
  await group.waitFor();
  await pressInChat('sv');
  await group.getByRole('radio', { name: 'English' }).click();
  // The page follows the stored choice and says why.
  await page
    .getByText('Språket ändrades nyss på annat håll (till exempel i chatten). Du ser nu det sparade valet.')
    .waitFor();
  const now = page.getByRole('radiogroup', { name: 'Språket som Osaamiskello talar med dig' });
  expect(await now.getByRole('radio', { name: 'Svenska' }).isChecked()).toBe(true);
  expect(await stack.app.repositories.languageChoices.chosenLocale(stack.tenantId, swedeId)).toBe('sv');
});
