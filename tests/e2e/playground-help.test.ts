/**
 * The local chat client end to end: the Agents Playground (a real Teams-like web client) talks to the
 * real bot endpoint; a demo employee asks for help in Finnish and reads the answer in the browser.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { generateDemoMunicipality, demoPersonas } from '../../bot/src/organisation-data/demo-municipality';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import type { Person } from '../../bot/src/domain/organisation';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { artifactPath } from '../support/browser';
import { openPlaygroundChat, type PlaygroundChat } from '../support/playground';

describe('Agents Playground: chatting with the bot in a browser', () => {
  const tenantId = newTenantId();
  const demo = generateDemoMunicipality(tenantId);
  const personas = demoPersonas(demo);
  const byId = new Map(demo.people.map((person) => [person.id, person]));
  let app: RunningApp;
  let chat: PlaygroundChat;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp();
    const employee = byId.get(personas.employee.personId) as Person;
    await writeOrganisation(app.repositories, tenantId, {
      organisation: demo.organisation,
      serviceAreas: demo.serviceAreas,
      teams: demo.teams
        .filter((team) => team.id === employee.teamId)
        .map((team) => ({ ...team, supervisorId: null })),
      people: [{ ...employee, supervisorId: null }],
    });
    const others = Object.values(personas)
      .filter((persona) => persona.key !== 'employee')
      .slice(0, 5)
      .map((persona) => byId.get(persona.personId) as Person);
    chat = await openPlaygroundChat({ app, tenantId, currentUser: employee, users: others });
    page = chat.page;
  });

  afterAll(async () => {
    await chat?.close();
    await app?.stop();
  });

  // The Playground always sends Teams locale en-US; the linked employee's own language (Finnish) wins.
  it('understands the Finnish command "ohje" and answers with help, as the linked demo employee', async () => {
    const box = page.getByRole('textbox').first();
    await box.fill('ohje');
    await page.getByRole('button', { name: 'Send Message' }).click();
    const answer = page.locator('p', { hasText: 'Osaamiskello auttaa' });
    await answer.first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('playground-help.png') });
    const conversation = await page.locator('body').innerText();
    expect(conversation).not.toContain('En tunnistanut');
    expect(conversation).not.toContain('Osaamiskello helps you');
    expect(conversation).not.toContain('Henkilötietojasi ei löytynyt');
  });
});
