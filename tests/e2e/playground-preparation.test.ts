/**
 * The employee's preparation end to end in the Agents Playground (a Teams-like web client) in headless
 * Chromium: "oma keskustelu" in the personal chat, the preparation card, a field filled and submitted, and the
 * card updated in place, as the demo employee whose supervisor has already set the meeting time.
 */
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { newDevelopmentDiscussion, schedule } from '../../bot/src/domain/development-discussion-lifecycle';
import type { Person } from '../../bot/src/domain/organisation';
import { demoPersonas, generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { openPlaygroundChat, type PlaygroundChat } from '../support/playground';
import { newTenantId } from '../support/storage';

const NOW = new Date('2026-02-02T08:00:00Z');

describe('Agents Playground: an employee prepares their development discussion', () => {
  const tenantId = newTenantId();
  const demo = generateDemoMunicipality(tenantId);
  const personas = demoPersonas(demo);
  const byId = new Map(demo.people.map((person) => [person.id, person]));
  const employee = byId.get(personas.employee.personId) as Person;
  const supervisor = { ...(byId.get(personas.supervisor.personId) as Person), supervisorId: null };
  let app: RunningApp;
  let chat: PlaygroundChat;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => NOW });
    await writeOrganisation(app.repositories, tenantId, {
      organisation: demo.organisation,
      serviceAreas: demo.serviceAreas,
      teams: demo.teams
        .filter((team) => team.id === employee.teamId || team.id === supervisor.teamId)
        .map((team) => ({ ...team, supervisorId: null })),
      people: [employee, supervisor],
    });
    const at = NOW.toISOString();
    const planned = schedule(
      newDevelopmentDiscussion(employee, 2026, at),
      supervisor.id,
      at,
      '2026-02-20T09:00:00+02:00',
    );
    await app.repositories.developmentDiscussions.create(planned);
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

  const latestCard = (): Locator => page.locator('.ac-adaptiveCard').last();

  async function press(name: string, thenShows: string): Promise<void> {
    await latestCard().getByRole('button', { name }).click();
    await latestCard().getByText(thenShows).first().waitFor({ timeout: 20_000 });
  }

  // The Playground sends Teams locale en-US; the employee's own language (Finnish) wins.
  it('opens the preparation with "oma keskustelu", fills a field, submits and sees the card updated', async () => {
    await page.getByRole('textbox').first().fill('oma keskustelu');
    await page.getByRole('button', { name: 'Send Message' }).click();
    await latestCard().getByText('Kehityskeskusteluni 2026').waitFor({ timeout: 20_000 });

    await press('Muokkaa valmistelua', 'Vaihe 1 / 6: Kulunut työvuosi');
    await latestCard().locator('textarea').first().fill('Otin uuden palkkajärjestelmän käyttöön.');
    await press('Tallenna ja näytä yhteenveto', 'Otin uuden palkkajärjestelmän käyttöön.');
    await press('Valmis keskusteluun', 'Valmisteltu');
    await page.screenshot({ path: artifactPath('playground-preparation.png') });

    const stored = await app.repositories.developmentDiscussions.get(tenantId, 2026, employee.id);
    expect(stored?.value.status).toBe('prepared');
    expect(stored?.value.preparation.pastYearReview).toBe('Otin uuden palkkajärjestelmän käyttöön.');
    expect(await latestCard().innerText()).toContain('Valmistelusi on esihenkilösi nähtävissä.');
  });
});
