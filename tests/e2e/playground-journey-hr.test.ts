/**
 * HR's publishing journey in Microsoft's own chat client (the Agents Playground): the service area is linked to a
 * channel of the team the app is installed in; HR opens the area's summary from "koonnit", creates the draft,
 * publishes it, and the summary card arrives in the channel — through the Playground's own connector, which
 * refuses what a real Teams would refuse.
 */
import type { Locator } from 'playwright-core';
import { NOW, ROUND_YEAR } from '../api/tabs-api-fixture';
import { artifactPath } from '../support/browser';
import { usePlaygroundJourney } from '../support/playground';
import { newTenantId } from '../support/storage';
import { signInOrganisation } from '../support/tokens';

/** The team and its channel besides General, as tests/support/playground.ts configures the Playground. */
const TEAM = '19:osaamiskello-team-general@thread.tacv2';
const CHANNEL = '19:osaamiskello-team-channel@thread.tacv2';

describe('Agents Playground journey: HR publishes a summary that arrives in the area’s channel', () => {
  const org = signInOrganisation(newTenantId());
  const { hr } = org.people;
  const area = org.snapshot.serviceAreas[0];
  const areaName = area?.name ?? '';

  const { cityManager, director, supervisor, employee, cooperationMember } = org.people;
  const journey = usePlaygroundJourney({
    org,
    now: NOW,
    currentUser: hr,
    users: [cityManager, director, supervisor, employee, cooperationMember],
    prepare: async (app) => {
      await app.repositories.channelLinks.put({
        tenantId: org.tenantId,
        serviceAreaId: area?.id ?? '',
        teamId: TEAM,
        channelId: CHANNEL,
        tabEntityId: null,
        teamsAppId: null,
        linkedBy: hr.id,
        linkedAt: NOW.toISOString(),
      });
    },
  });

  const channelTreeItem = (): Locator =>
    journey.page.getByRole('treeitem', { name: /Demo - Osaamiskello/ }).first();

  /** Opening the channel installs the app in its team, as adding the app to a team does in Teams. */
  async function installInTeam(): Promise<void> {
    await journey.page
      .locator('.ac-adaptiveCard', { hasText: 'Tervetuloa Osaamiskelloon' })
      .first()
      .waitFor({ timeout: 30_000 });
    await channelTreeItem().click();
    const team = { kind: 'team', teamId: TEAM } as const;
    for (let waited = 0; waited < 20_000; waited += 200) {
      if (await journey.app.repositories.conversationReferences.get(org.tenantId, team)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('The app was not installed in the team');
  }

  it('drafts and publishes the area’s summary in chat, and the card arrives in the channel', async () => {
    await installInTeam();
    await journey.page
      .getByRole('treeitem', { name: /Personal Chat/ })
      .first()
      .click();

    await journey.page.getByRole('textbox').first().fill('koonnit');
    await journey.page.getByRole('button', { name: 'Send Message' }).click();
    await journey.latestCard().getByText(`Osaamiskoonnit ${ROUND_YEAR}`).waitFor({ timeout: 30_000 });
    await journey.latestCard().getByText(areaName, { exact: true }).click();
    await journey
      .latestCard()
      .getByText(`Osaamiskoonti ${ROUND_YEAR}: ${areaName}`)
      .waitFor({ timeout: 20_000 });

    await journey.latestCard().getByRole('button', { name: 'Luo luonnos' }).click();
    await journey.latestCard().getByText('Luonnos on valmis.').waitFor({ timeout: 20_000 });
    await journey.latestCard().getByRole('button', { name: 'Julkaise kanavalle' }).click();
    await journey
      .latestCard()
      .getByText('Julkaistu, ja koontikortti lähetettiin palvelualueen kanavalle.')
      .waitFor({ timeout: 20_000 });
    await journey.page.screenshot({ path: artifactPath('playground-journey-hr-published.png') });
    const stored = await journey.app.repositories.summaries.get(org.tenantId, ROUND_YEAR, area?.id ?? '');
    expect(stored?.value.status).toBe('published');

    await channelTreeItem().click();
    const posted = journey.page.locator('.ac-adaptiveCard', {
      hasText: `Osaamiskoonti ${ROUND_YEAR}: ${areaName}`,
    });
    await posted.first().waitFor({ timeout: 20_000 });
    await journey.page.screenshot({ path: artifactPath('playground-journey-hr-channel.png') });
  });
});
