/**
 * The service-area director's journey in Microsoft's own chat client (the Agents Playground): "koulutussuunnitelma"
 * in the personal chat, the area's plan opened from the year's list, a row filled in and added, and the plan
 * submitted to HR — each card updating in place — for the round the tabs show (2027 in the planning season).
 */
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { NOW, ROUND_YEAR } from '../api/tabs-api-fixture';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { openPlaygroundChat, type PlaygroundChat } from '../support/playground';
import { newTenantId } from '../support/storage';
import { signInOrganisation } from '../support/tokens';

describe('Agents Playground journey: the director fills and submits the area’s training plan', () => {
  const org = signInOrganisation(newTenantId());
  const { director } = org.people;
  const area = org.snapshot.serviceAreas[0];
  let app: RunningApp;
  let chat: PlaygroundChat;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => NOW });
    await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
    const { cityManager, supervisor, hr, employee, cooperationMember } = org.people;
    chat = await openPlaygroundChat({
      app,
      tenantId: org.tenantId,
      currentUser: director,
      users: [cityManager, supervisor, hr, employee, cooperationMember],
    });
    page = chat.page;
  });

  afterAll(async () => {
    await chat?.close();
    await app?.stop();
  });

  const latestCard = (): Locator => page.locator('.ac-adaptiveCard').last();

  it('opens the area’s plan from the list, adds a row and submits the plan to HR', async () => {
    await page.getByRole('textbox').first().fill('koulutussuunnitelma');
    await page.getByRole('button', { name: 'Send Message' }).click();
    await latestCard().getByText(`Koulutussuunnitelmat ${ROUND_YEAR}`).waitFor({ timeout: 30_000 });

    const areaPlan = `Koulutussuunnitelma: ${area?.name ?? ''}`;
    await latestCard().getByText(areaPlan).click();
    await latestCard().getByText(`${areaPlan} ${ROUND_YEAR}`).waitFor({ timeout: 20_000 });

    await latestCard().getByLabel('Tarve').fill('Ensiapukoulutus');
    await latestCard().getByLabel('Kohderyhmä').fill('Koko palvelualue');
    await latestCard().getByLabel('Henkilömäärä').fill('6');
    await latestCard().getByRole('button', { name: 'Lisää rivi' }).click();
    await latestCard().getByText('Tallennettu.').waitFor({ timeout: 20_000 });
    expect(await latestCard().innerText()).toContain('Ensiapukoulutus');

    await latestCard().getByRole('button', { name: 'Jätä henkilöstöpalveluille' }).click();
    await latestCard().getByText('Suunnitelma jätettiin.').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('playground-journey-director.png') });

    const stored = await app.repositories.trainingPlans.get(org.tenantId, ROUND_YEAR, area?.id ?? null);
    expect(stored?.value.status).toBe('submitted');
    expect(stored?.value.items.map((item) => [item.need, item.audience, item.headcount])).toEqual([
      ['Ensiapukoulutus', 'Koko palvelualue', 6],
    ]);
  });
});
