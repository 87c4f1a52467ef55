/**
 * Proactive messages through Microsoft's own client: the Agents Playground's connector (stricter than a hand-made
 * stand-in: it refuses an empty conversation name or type with 400 BadArgument) receives what the bot starts on
 * its own. Opening the personal chat installs the app and the welcome arrives; the supervisor schedules the
 * employee's development discussion in the tab's API and the invitation arrives in the employee's chat; the
 * supervisor starts the team's group discussion and its card is posted to a channel other than General.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { IN_WINDOW, meetingPath, NOW, ROUND_YEAR } from '../api/tabs-api-fixture';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { openPlaygroundChat, type PlaygroundChat } from '../support/playground';
import { newTenantId } from '../support/storage';
import { bearer, devToken, signInOrganisation } from '../support/tokens';

const GENERAL = '19:osaamiskello-team-general@thread.tacv2';
const CHANNEL = '19:osaamiskello-team-channel@thread.tacv2';

describe('Agents Playground: messages the bot starts on its own arrive', () => {
  const org = signInOrganisation(newTenantId());
  const { employee, supervisor } = org.people;
  let app: RunningApp;
  let chat: PlaygroundChat;
  let page: Page;

  const asSupervisor = async (method: string, path: string, body: unknown) => {
    const token = await devToken(app.url, org.tenantId, supervisor.id);
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => NOW });
    await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
    const others = [
      supervisor,
      org.people.director,
      org.people.hr,
      org.people.otherEmployee,
      org.people.cooperationMember,
    ];
    chat = await openPlaygroundChat({ app, tenantId: org.tenantId, currentUser: employee, users: others });
    page = chat.page;
  });

  afterAll(async () => {
    await chat?.close();
    await app?.stop();
  });

  it('welcomes the person in their own language when the app is installed in the personal chat', async () => {
    const welcome = page.locator('.ac-adaptiveCard', { hasText: 'Tervetuloa Osaamiskelloon' });
    await welcome.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath('playground-welcome.png') });
    // The commands as the menu names them (the help texts of the command table), in the person's language.
    expect(await welcome.first().innerText()).toContain('kehityskeskusteluni');
  });

  it('delivers the supervisor’s invitation to the employee’s chat, with the Teams meeting link and no file', async () => {
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Tervetuloa Osaamiskelloon' })
      .first()
      .waitFor({ timeout: 30_000 });

    const answer = await asSupervisor('PUT', meetingPath(employee.id), {
      scheduledAt: IN_WINDOW,
      durationMinutes: 45,
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invitation: 'delivered', fallback: null });
    const invitation = page.locator('.ac-adaptiveCard', { hasText: 'Kutsu kehityskeskusteluun' });
    await invitation.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath('playground-invitation.png') });
    expect(await invitation.first().innerText()).toContain('Lisää Teams-kalenteriin');
  });

  it('posts the group discussion’s card to a channel of the team other than General', async () => {
    // Opening the channel in the Playground installs the app in its team, as adding the app to a team does.
    await page
      .getByRole('treeitem', { name: /Demo - Osaamiskello/ })
      .first()
      .click();
    const teamAddress = { kind: 'team', teamId: GENERAL } as const;
    for (let waited = 0; waited < 20_000; waited += 200) {
      if (await app.repositories.conversationReferences.get(org.tenantId, teamAddress)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await app.repositories.conversationReferences.get(org.tenantId, teamAddress)).not.toBeNull();

    const started = await asSupervisor('POST', '/api/v1/team/group-discussions', {
      year: ROUND_YEAR,
      teamId: 't-team',
      channel: { teamId: GENERAL, channelId: CHANNEL },
    });

    expect(started.body).toMatchObject({ posted: 'delivered' });
    const card = page.locator('.ac-adaptiveCard', { hasText: `Ryhmäosaamiskeskustelu ${ROUND_YEAR}` });
    await card.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath('playground-channel-post.png') });
  });
});
