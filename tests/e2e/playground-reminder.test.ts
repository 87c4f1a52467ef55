/**
 * An annual-clock reminder through Microsoft's own client: the app runs with its reminders on (REMINDERS=on, its
 * own storage, so the clock sees only this organisation), the employee opens the personal chat in the Agents
 * Playground (the app is installed and the bot keeps the conversation), and on the first day of the development
 * discussions' window the day's plan (due-reminders) becomes a campaign that the app's fan-out worker delivers
 * through the Playground's connector, which refuses what Teams would refuse.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { runRemindersForDay } from '../../bot/src/clock/daily-reminders';
import { linkedChannels } from '../../bot/src/clock/linked-channels';
import { storedAddresses } from '../../bot/src/clock/reminder-addresses';
import { openFanout } from '../../bot/src/fanout/fanout-engine';
import { createLogger } from '../../bot/src/logging';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { openPlaygroundChat, type PlaygroundChat } from '../support/playground';
import { newTenantId } from '../support/storage';
import { signInOrganisation } from '../support/tokens';

/** The default clock opens the development discussions' window on 1 January; 06:00 in Helsinki. */
const WINDOW_OPENS = '2027-01-01';
/** Before the schedule's hour (08:00): the test runs the day itself, when the chat exists, as the schedule does at 08. */
const EARLY_MORNING = new Date('2027-01-01T04:00:00Z');

describe('Agents Playground: the annual clock’s reminder arrives in the employee’s chat', () => {
  const org = signInOrganisation(newTenantId());
  const { employee } = org.people;
  let app: RunningApp;
  let chat: PlaygroundChat;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp(
      { REMINDERS: 'on', TABLE_PREFIX: `pgrem${randomBytes(5).toString('hex')}` },
      { now: () => EARLY_MORNING },
    );
    await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
    const others = [
      org.people.supervisor,
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

  it('delivers the window’s opening reminder, in Finnish, with its preparation button', async () => {
    // Opening the chat installs the app: the welcome arrives and the bot has the conversation to write to.
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Tervetuloa Osaamiskelloon' })
      .first()
      .waitFor({ timeout: 30_000 });
    const address = { kind: 'user', aadObjectId: employee.aadObjectId ?? '' } as const;
    for (let waited = 0; waited < 20_000; waited += 200) {
      if (await app.repositories.conversationReferences.get(org.tenantId, address)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // The day's plan, as the schedule runs it: the campaigns go to the fan-out, whose worker in the app sends.
    const runs = await runRemindersForDay(
      {
        repositories: app.repositories,
        fanout: await openFanout(app.storage),
        addresses: storedAddresses(
          app.repositories.conversationReferences,
          linkedChannels(app.repositories),
          null,
        ),
        logger: createLogger('error', () => undefined),
      },
      org.tenantId,
      WINDOW_OPENS,
    );
    expect(runs.map((run) => run.outcome)).not.toContain('alreadyStarted');

    const reminder = page.locator('.ac-adaptiveCard', { hasText: 'Kehityskeskustelujen aika on alkanut' });
    await reminder.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath('playground-reminder.png') });
    const text = await reminder.first().innerText();
    expect(text).toContain('viimeistään 31.3.');
    expect(text).toContain('Valmistaudu keskusteluun');
  });
});
