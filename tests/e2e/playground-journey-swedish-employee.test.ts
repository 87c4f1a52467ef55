/**
 * The Swedish-speaking employee's journey in Microsoft's own chat client (the Agents Playground, which sends the
 * Teams locale en-US on every activity): the HR record says `sv`, so the welcome and the development-discussion
 * card are in Swedish, about the same round as the tabs (2027 in the planning season).
 */

import { NOW, ROUND_YEAR } from '../api/tabs-api-fixture';
import { artifactPath } from '../support/browser';
import { usePlaygroundJourney } from '../support/playground';
import { newTenantId } from '../support/storage';
import { signInOrganisation } from '../support/tokens';

describe('Agents Playground journey: a Swedish-speaking employee', () => {
  const org = signInOrganisation(newTenantId());
  const employee = { ...org.people.employee, locale: 'sv' as const };
  org.snapshot.people = org.snapshot.people.map((person) => (person.id === employee.id ? employee : person));

  const { supervisor, director, hr, otherEmployee, cooperationMember } = org.people;
  const journey = usePlaygroundJourney({
    org,
    now: NOW,
    currentUser: employee,
    users: [supervisor, director, hr, otherEmployee, cooperationMember],
  });

  it('is welcomed and answered in Swedish, the language of the HR record, over the client’s en-US', async () => {
    const welcome = journey.page.locator('.ac-adaptiveCard', { hasText: 'Välkommen till Osaamiskello' });
    await welcome.first().waitFor({ timeout: 30_000 });

    await journey.page.getByRole('textbox').first().fill('mitt samtal');
    await journey.page.getByRole('button', { name: 'Send Message' }).click();
    const card = journey.page.locator('.ac-adaptiveCard', {
      hasText: `Mitt utvecklingssamtal ${ROUND_YEAR}`,
    });
    await card.first().waitFor({ timeout: 30_000 });
    await journey.page.screenshot({ path: artifactPath('playground-journey-swedish-employee.png') });

    const text = await card.first().innerText();
    expect(text).toContain('Ingen tid avtalad');
    expect(text).not.toContain('Kehityskeskusteluni');
    expect(text).not.toContain('My development discussion');
  });
});
