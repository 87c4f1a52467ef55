/**
 * The supervisor's development discussion where both sign, in Microsoft's own chat client (the Agents
 * Playground): the meeting was held last week, so the discussion stands at "held" with no signatures. The
 * supervisor sends "tiimini", opens the employee's discussion from the team list and signs; the card now waits
 * for the employee. The employee then sends "kehityskeskusteluni", sees the supervisor's signature and signs,
 * and the card shows the record accepted by both.
 *
 * The Playground's "Me" is fixed by its configuration file when it starts (there is no user switch in its UI),
 * so the journey starts the Playground twice against the same app: once as the supervisor, then as the employee.
 */
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { formatDateTime } from '../../bot/src/domain/organisation-time';
import {
  markHeld,
  newDevelopmentDiscussion,
  schedule,
} from '../../bot/src/domain/development-discussion-lifecycle';
import type { Person } from '../../bot/src/domain/organisation';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { openPlaygroundChat, type PlaygroundChat } from '../support/playground';
import { newTenantId } from '../support/storage';
import { signInOrganisation } from '../support/tokens';

/** Early March: the 2026 round is under way and the meeting on 20 February has been held. */
const NOW = new Date('2026-03-02T08:00:00Z');
const YEAR = 2026;
const MEETING = '2026-02-20T09:00:00+02:00';

describe('Agents Playground journey: the supervisor and the employee both sign the development discussion', () => {
  const org = signInOrganisation(newTenantId());
  const { cityManager, director, hr, supervisor, employee, cooperationMember } = org.people;
  let app: RunningApp;
  let chat: PlaygroundChat | undefined;

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => NOW });
    await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
    const scheduledOn = '2026-02-02T08:00:00.000Z';
    const scheduled = schedule(
      newDevelopmentDiscussion(employee, YEAR, scheduledOn),
      supervisor.id,
      scheduledOn,
      MEETING,
    );
    await app.repositories.developmentDiscussions.create(
      markHeld(scheduled, supervisor.id, '2026-02-20T12:00:00.000Z'),
    );
  });

  afterAll(async () => {
    await chat?.close();
    await app?.stop();
  });

  const stored = async () =>
    (await app.repositories.developmentDiscussions.get(org.tenantId, YEAR, employee.id))?.value;

  async function chatAs(currentUser: Person, users: Person[]): Promise<Page> {
    await chat?.close();
    chat = undefined;
    chat = await openPlaygroundChat({ app, tenantId: org.tenantId, currentUser, users });
    return chat.page;
  }

  async function send(page: Page, text: string): Promise<void> {
    await page.getByRole('textbox').first().fill(text);
    await page.getByRole('button', { name: 'Send Message' }).click();
  }

  const latestCard = (page: Page): Locator => page.locator('.ac-adaptiveCard').last();

  it('the supervisor opens the held discussion from "tiimini" and signs; the card waits for the employee', async () => {
    expect((await stored())?.status).toBe('held');
    const page = await chatAs(supervisor, [cityManager, director, hr, employee, cooperationMember]);

    await send(page, 'tiimini');
    await latestCard(page).getByText(`Tiimisi kehityskeskustelut ${YEAR}`).waitFor({ timeout: 30_000 });
    const row = latestCard(page).getByText(`${employee.firstName} ${employee.lastName}`);
    expect(await latestCard(page).innerText()).toContain('Keskustelu käyty');
    await row.click();
    await latestCard(page).getByText('Tarkista kirjaukset ja hyväksy ne.', { exact: false }).waitFor({
      timeout: 20_000,
    });

    await latestCard(page).getByRole('button', { name: 'Hyväksy', exact: true }).click();
    await latestCard(page)
      .getByText('Olet hyväksynyt kirjaukset. Odotetaan työntekijän hyväksyntää.')
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('playground-journey-signing-supervisor.png') });

    const afterSupervisor = await stored();
    expect(afterSupervisor?.status).toBe('held');
    expect(afterSupervisor?.supervisorSignature?.personId).toBe(supervisor.id);
    expect(afterSupervisor?.employeeSignature).toBeNull();
    const text = await latestCard(page).innerText();
    expect(text).toContain(`Esihenkilö: ${formatDateTime(NOW.toISOString(), 'fi')}`);
    expect(text).toContain('Työntekijä: ei hyväksytty');
    await expect(
      latestCard(page).getByRole('button', { name: 'Hyväksy', exact: true }).count(),
    ).resolves.toBe(0);
  });

  it('the employee opens their discussion, sees the supervisor’s signature, signs, and both signatures stand', async () => {
    const page = await chatAs(employee, [cityManager, director, hr, supervisor, cooperationMember]);

    await send(page, 'kehityskeskusteluni');
    await latestCard(page).getByText(`Kehityskeskusteluni ${YEAR}`).waitFor({ timeout: 30_000 });
    const before = await latestCard(page).innerText();
    expect(before).toContain('Keskustelu on käyty. Tarkista kirjaukset ja hyväksy ne.');
    expect(before).toContain(`Esihenkilö: ${formatDateTime(NOW.toISOString(), 'fi')}`);
    expect(before).toContain('Työntekijä: ei hyväksytty');

    await latestCard(page).getByRole('button', { name: 'Hyväksy', exact: true }).click();
    await latestCard(page)
      .getByText(`Työntekijä: ${formatDateTime(NOW.toISOString(), 'fi')}`, {
        exact: false,
      })
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('playground-journey-signing-employee.png') });

    const after = await latestCard(page).innerText();
    expect(after).toContain('Hyväksytty');
    expect(after).not.toContain('ei hyväksytty');
    await expect(
      latestCard(page).getByRole('button', { name: 'Hyväksy', exact: true }).count(),
    ).resolves.toBe(0);

    const signed = await stored();
    expect(signed?.status).toBe('signed');
    expect(signed?.supervisorSignature).toEqual({ personId: supervisor.id, at: NOW.toISOString() });
    expect(signed?.employeeSignature).toEqual({ personId: employee.id, at: NOW.toISOString() });
  });
});
