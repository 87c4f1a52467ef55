/**
 * The Swedish-speaking employee's journey in Microsoft's own chat client (the Agents Playground, which sends the
 * Teams locale en-US on every activity): the HR record says `sv`, so the welcome and the development-discussion
 * card are in Swedish, about the same round as the tabs (2027 in the planning season).
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { NOW, ROUND_YEAR } from '../api/tabs-api-fixture';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { openPlaygroundChat, type PlaygroundChat } from '../support/playground';
import { newTenantId } from '../support/storage';
import { signInOrganisation } from '../support/tokens';

describe('Agents Playground journey: a Swedish-speaking employee', () => {
  const org = signInOrganisation(newTenantId());
  const employee = { ...org.people.employee, locale: 'sv' as const };
  org.snapshot.people = org.snapshot.people.map((person) => (person.id === employee.id ? employee : person));
  let app: RunningApp;
  let chat: PlaygroundChat;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => NOW });
    await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
    const { supervisor, director, hr, otherEmployee, cooperationMember } = org.people;
    chat = await openPlaygroundChat({
      app,
      tenantId: org.tenantId,
      currentUser: employee,
      users: [supervisor, director, hr, otherEmployee, cooperationMember],
    });
    page = chat.page;
  });

  afterAll(async () => {
    await chat?.close();
    await app?.stop();
  });

  it('is welcomed and answered in Swedish, the language of the HR record, over the client’s en-US', async () => {
    const welcome = page.locator('.ac-adaptiveCard', { hasText: 'Välkommen till Osaamiskello' });
    await welcome.first().waitFor({ timeout: 30_000 });

    await page.getByRole('textbox').first().fill('mitt samtal');
    await page.getByRole('button', { name: 'Send Message' }).click();
    const card = page.locator('.ac-adaptiveCard', { hasText: `Mitt utvecklingssamtal ${ROUND_YEAR}` });
    await card.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath('playground-journey-swedish-employee.png') });

    const text = await card.first().innerText();
    expect(text).toContain('Ingen tid avtalad');
    expect(text).not.toContain('Kehityskeskusteluni');
    expect(text).not.toContain('My development discussion');
  });
});
