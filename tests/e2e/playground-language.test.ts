/**
 * A person's own language through Microsoft's chat client: the Agents Playground always sends Teams locale en-US,
 * yet the Swedish HR record's person is answered in Swedish; "språk" shows the language card, choosing English
 * on it updates the card in place, and the next answers are English.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import type { Person } from '../../bot/src/domain/organisation';
import { translate } from '../../bot/src/i18n/translate';
import { demoPersonas, generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { openPlaygroundChat, type PlaygroundChat } from '../support/playground';
import { newTenantId } from '../support/storage';

describe('Agents Playground: the person’s own language wins over the client’s en-US', () => {
  const tenantId = newTenantId();
  const demo = generateDemoMunicipality(tenantId);
  const personas = demoPersonas(demo);
  const swede = demo.people.find((person) => person.id === personas.swedishEmployee.personId) as Person;
  let app: RunningApp;
  let chat: PlaygroundChat;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp();
    await writeOrganisation(app.repositories, tenantId, {
      organisation: demo.organisation,
      serviceAreas: demo.serviceAreas,
      teams: demo.teams
        .filter((team) => team.id === swede.teamId)
        .map((team) => ({ ...team, supervisorId: null })),
      people: [{ ...swede, supervisorId: null }],
    });
    const others = Object.values(personas)
      .filter((persona) => persona.key !== 'swedishEmployee')
      .slice(0, 5)
      .map((persona) => demo.people.find((person) => person.id === persona.personId) as Person);
    chat = await openPlaygroundChat({ app, tenantId, currentUser: swede, users: others });
    page = chat.page;
  });

  afterAll(async () => {
    await chat?.close();
    await app?.stop();
  });

  const send = async (text: string): Promise<void> => {
    await page.getByRole('textbox').first().fill(text);
    await page.getByRole('button', { name: 'Send Message' }).click();
  };

  it('answers in Swedish, then in English once English is chosen on the language card', async () => {
    await send('hjälp');
    await page
      .locator('p', { hasText: translate('sv', 'help.title') })
      .first()
      .waitFor({ timeout: 20_000 });

    await send('språk');
    const card = page.locator('.ac-adaptiveCard', { hasText: translate('sv', 'language.title') }).last();
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'English' }).click();
    // Action.Execute: the card is replaced in place by the answer, in the new language.
    await page
      .locator('.ac-adaptiveCard', { hasText: translate('en', 'language.saved') })
      .first()
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('playground-language.png') });
    expect(await app.repositories.languageChoices.chosenLocale(tenantId, swede.id)).toBe('en');

    await send('hjälp');
    await page
      .locator('p', { hasText: translate('en', 'help.title') })
      .first()
      .waitFor({ timeout: 20_000 });
  });
});
