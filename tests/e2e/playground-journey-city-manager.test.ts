/**
 * The city manager's journey in Microsoft's own chat client (the Agents Playground): the service area has
 * submitted its training plan and HR has combined the central plan; the city manager opens it from
 * "koulutussuunnitelma", sees the area's row with its origin, and marks the plan reviewed for the management team.
 */
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import {
  combineCentralPlan,
  newItemId,
  openAreaPlan,
  replaceItems,
  submitAreaPlan,
} from '../../bot/src/training-plans/training-plan-service';
import { NOW, ROUND_YEAR } from '../api/tabs-api-fixture';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { openPlaygroundChat, type PlaygroundChat } from '../support/playground';
import { newTenantId } from '../support/storage';
import { signInOrganisation } from '../support/tokens';

describe('Agents Playground journey: the city manager reviews the central training plan', () => {
  const org = signInOrganisation(newTenantId());
  const { cityManager, director, hr } = org.people;
  const area = org.snapshot.serviceAreas[0];
  let app: RunningApp;
  let chat: PlaygroundChat;
  let page: Page;

  /** The area's plan as its director submitted it, and the central plan HR combined from it. */
  async function plansUpToReview(): Promise<void> {
    const repos = app.repositories;
    const at = NOW.toISOString();
    const ref = { tenantId: org.tenantId, year: ROUND_YEAR, serviceAreaId: area?.id ?? null };
    const opened = await openAreaPlan(repos, director, ref, at);
    const filled = await replaceItems(repos, director, ref, opened.etag, () => [
      {
        id: newItemId(),
        need: 'Asiakaspalvelun vuorovaikutus',
        competenceId: null,
        way: '20',
        audience: 'Asiakaspalvelu',
        headcount: 4,
      },
    ]);
    await submitAreaPlan(repos, director, ref, filled.etag, at);
    await combineCentralPlan(repos, hr, { tenantId: org.tenantId, year: ROUND_YEAR }, '', at);
  }

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => NOW });
    await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
    await plansUpToReview();
    const { supervisor, employee, cooperationMember } = org.people;
    chat = await openPlaygroundChat({
      app,
      tenantId: org.tenantId,
      currentUser: cityManager,
      users: [director, hr, supervisor, employee, cooperationMember],
    });
    page = chat.page;
  });

  afterAll(async () => {
    await chat?.close();
    await app?.stop();
  });

  const latestCard = (): Locator => page.locator('.ac-adaptiveCard').last();

  it('opens the central plan combined from the area’s plan and marks it reviewed', async () => {
    await page.getByRole('textbox').first().fill('koulutussuunnitelma');
    await page.getByRole('button', { name: 'Send Message' }).click();
    await latestCard().getByText(`Koulutussuunnitelmat ${ROUND_YEAR}`).waitFor({ timeout: 30_000 });

    await latestCard().getByText('Keskitetty koulutussuunnitelma', { exact: true }).click();
    await latestCard().getByText(`Keskitetty koulutussuunnitelma ${ROUND_YEAR}`).waitFor({ timeout: 20_000 });
    const central = await latestCard().innerText();
    expect(central).toContain('Asiakaspalvelun vuorovaikutus');
    expect(central).toContain(`${area?.name ?? ''}: Asiakaspalvelun vuorovaikutus`);

    await latestCard().getByRole('button', { name: 'Merkitse käsitellyksi' }).click();
    await latestCard().getByText('Merkitty käsitellyksi.').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('playground-journey-city-manager.png') });

    const stored = await app.repositories.trainingPlans.get(org.tenantId, ROUND_YEAR, null);
    expect(stored?.value.status).toBe('reviewed');
    expect(await latestCard().innerText()).toContain('Käsitelty kaupunginjohtajan johtoryhmässä');
    expect(await latestCard().getByRole('button', { name: 'Merkitse käsitellyksi' }).count()).toBe(0);
  });
});
