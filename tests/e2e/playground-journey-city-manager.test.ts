/**
 * The city manager's journey in Microsoft's own chat client (the Agents Playground): the service area has
 * submitted its training plan and HR has combined the central plan; the city manager opens it from
 * "koulutussuunnitelma", sees the area's row with its origin, and marks the plan reviewed for the management team.
 */

import {
  combineCentralPlan,
  newItemId,
  openAreaPlan,
  replaceItems,
  submitAreaPlan,
} from '../../bot/src/training-plans/training-plan-service';
import { NOW, ROUND_YEAR } from '../api/tabs-api-fixture';
import { artifactPath } from '../support/browser';
import { usePlaygroundJourney } from '../support/playground';
import { newTenantId } from '../support/storage';
import { signInOrganisation } from '../support/tokens';

describe('Agents Playground journey: the city manager reviews the central training plan', () => {
  const org = signInOrganisation(newTenantId());
  const { cityManager, director, hr } = org.people;
  const area = org.snapshot.serviceAreas[0];

  /** The area's plan as its director submitted it, and the central plan HR combined from it. */
  async function plansUpToReview(): Promise<void> {
    const repos = journey.app.repositories;
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

  const { supervisor, employee, cooperationMember } = org.people;
  const journey = usePlaygroundJourney({
    org,
    now: NOW,
    currentUser: cityManager,
    users: [director, hr, supervisor, employee, cooperationMember],
    prepare: () => plansUpToReview(),
  });

  it('opens the central plan combined from the area’s plan and marks it reviewed', async () => {
    await journey.page.getByRole('textbox').first().fill('koulutussuunnitelma');
    await journey.page.getByRole('button', { name: 'Send Message' }).click();
    await journey.latestCard().getByText(`Koulutussuunnitelmat ${ROUND_YEAR}`).waitFor({ timeout: 30_000 });

    await journey.latestCard().getByText('Keskitetty koulutussuunnitelma', { exact: true }).click();
    await journey
      .latestCard()
      .getByText(`Keskitetty koulutussuunnitelma ${ROUND_YEAR}`)
      .waitFor({ timeout: 20_000 });
    const central = await journey.latestCard().innerText();
    expect(central).toContain('Asiakaspalvelun vuorovaikutus');
    expect(central).toContain(`${area?.name ?? ''}: Asiakaspalvelun vuorovaikutus`);

    await journey.latestCard().getByRole('button', { name: 'Merkitse käsitellyksi' }).click();
    await journey.latestCard().getByText('Merkitty käsitellyksi.').waitFor({ timeout: 20_000 });
    await journey.page.screenshot({ path: artifactPath('playground-journey-city-manager.png') });

    const stored = await journey.app.repositories.trainingPlans.get(org.tenantId, ROUND_YEAR, null);
    expect(stored?.value.status).toBe('reviewed');
    expect(await journey.latestCard().innerText()).toContain('Käsitelty kaupunginjohtajan johtoryhmässä');
    expect(await journey.latestCard().getByRole('button', { name: 'Merkitse käsitellyksi' }).count()).toBe(0);
  });
});
