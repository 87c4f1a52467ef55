/**
 * The service-area director's journey in Microsoft's own chat client (the Agents Playground): "koulutussuunnitelma"
 * in the personal chat, the area's plan opened from the year's list, a row filled in and added, and the plan
 * submitted to HR — each card updating in place — for the round the tabs show (2027 in the planning season).
 */

import { NOW, ROUND_YEAR } from '../api/tabs-api-fixture';
import { artifactPath } from '../support/browser';
import { usePlaygroundJourney } from '../support/playground';
import { newTenantId } from '../support/storage';
import { signInOrganisation } from '../support/tokens';

describe('Agents Playground journey: the director fills and submits the area’s training plan', () => {
  const org = signInOrganisation(newTenantId());
  const { director } = org.people;
  const area = org.snapshot.serviceAreas[0];

  const { cityManager, supervisor, hr, employee, cooperationMember } = org.people;
  const journey = usePlaygroundJourney({
    org,
    now: NOW,
    currentUser: director,
    users: [cityManager, supervisor, hr, employee, cooperationMember],
  });

  it('opens the area’s plan from the list, adds a row and submits the plan to HR', async () => {
    await journey.page.getByRole('textbox').first().fill('koulutussuunnitelma');
    await journey.page.getByRole('button', { name: 'Send Message' }).click();
    await journey.latestCard().getByText(`Koulutussuunnitelmat ${ROUND_YEAR}`).waitFor({ timeout: 30_000 });

    const areaPlan = `Koulutussuunnitelma: ${area?.name ?? ''}`;
    await journey.latestCard().getByText(areaPlan).click();
    await journey.latestCard().getByText(`${areaPlan} ${ROUND_YEAR}`).waitFor({ timeout: 20_000 });

    await journey.latestCard().getByLabel('Tarve').fill('Ensiapukoulutus');
    await journey.latestCard().getByLabel('Kohderyhmä').fill('Koko palvelualue');
    await journey.latestCard().getByLabel('Henkilömäärä').fill('6');
    await journey.latestCard().getByRole('button', { name: 'Lisää rivi' }).click();
    await journey.latestCard().getByText('Tallennettu.').waitFor({ timeout: 20_000 });
    expect(await journey.latestCard().innerText()).toContain('Ensiapukoulutus');

    await journey.latestCard().getByRole('button', { name: 'Jätä henkilöstöpalveluille' }).click();
    await journey.latestCard().getByText('Suunnitelma jätettiin.').waitFor({ timeout: 20_000 });
    await journey.page.screenshot({ path: artifactPath('playground-journey-director.png') });

    const stored = await journey.app.repositories.trainingPlans.get(
      org.tenantId,
      ROUND_YEAR,
      area?.id ?? null,
    );
    expect(stored?.value.status).toBe('submitted');
    expect(stored?.value.items.map((item) => [item.need, item.audience, item.headcount])).toEqual([
      ['Ensiapukoulutus', 'Koko palvelualue', 6],
    ]);
  });
});
