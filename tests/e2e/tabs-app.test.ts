/**
 * The tabs end to end: the built pages in headless Chromium against the real service (dev-mode sign-in with
 * the persona switcher, the suite's Azurite, the connector stand-in as Teams' Bot Connector). A supervisor
 * schedules a team member's development discussion and the invitation card reaches the employee's chat with
 * the bot; moves it past a stale edit and cancels it; HR edits the annual clock and the change is stored;
 * every view passes axe-core. Screenshots go to test-artifacts/. Needs `npm run build -w tabs`.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import {
  GROUP_POST_DELIVERED,
  groupPostDelivered,
} from '../../bot/src/group-discussions/group-discussion-start';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { Person } from '../../bot/src/domain/organisation';
import {
  demoPersonas,
  generateDemoMunicipality,
  type DemoPersona,
} from '../../bot/src/organisation-data/demo-municipality';
import { personalMessage, postActivity } from '../support/activities';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { newTenantId } from '../support/storage';
import { bearer, devToken } from '../support/tokens';
import { requireBuiltTabs } from '../app-package/tab-server';
import {
  axeViolations,
  chooseMonthDay,
  launchTabsBrowser,
  shownMonthDay,
  type TabsBrowser,
} from './tabs-browser';

/** 23 November 2026: the supervisor plans the 2027 round (January–March). */
const NOW = new Date('2026-11-23T10:00:00Z');
const ROUND_YEAR = 2027;
/** Reports added to the demo supervisor, so their list is a 500-person unit. */
const EXTRA_REPORTS = 485;

const tenantId = newTenantId();
const demo = generateDemoMunicipality(tenantId);
const personas = demoPersonas(demo);
const personOf = (persona: DemoPersona): Person =>
  demo.people.find((p) => p.id === persona.personId) as Person;
const employee = personOf(personas.employee);
const employeeName = personas.employee.name;

let app: RunningApp;
let connector: ConnectorStandIn;
let tabs: TabsBrowser;

async function seed(): Promise<void> {
  const at = NOW.toISOString();
  // Last year's signed discussion, so the personal tab has ratings, goals and history to show.
  await app.repositories.developmentDiscussions.create({
    ...newDevelopmentDiscussion(employee, 2026, at),
    status: 'signed',
    selfRatings: { 'self-management': 3, 'learning-and-renewal': 4 },
    supervisorRatings: { 'self-management': 4, 'learning-and-renewal': 4 },
    goals: [{ id: 'g1', text: 'Asiakaspalautteen käsittely sujuvaksi', status: 'inProgress' }],
    learningGoals: [{ id: 'l1', text: 'Palkkahallinnon verkkokurssi', status: 'open', way: '10' }],
  });
  await app.repositories.summaryPublications.put({
    tenantId,
    serviceAreaId: employee.serviceAreaId,
    year: 2026,
    serviceAreaName: demo.serviceAreas.find((a) => a.id === employee.serviceAreaId)?.name ?? '',
    conclusions: {
      futureNeeds: ['Digitaalisten palvelujen osaaminen'],
      developmentPriorities: ['Perehdytys'],
    },
    figures: {
      threshold: 5,
      respondents: null,
      competences: [],
      heatmap: [],
      needsRanking: [],
      learningWays: null,
      developmentActions: [],
    },
    publishedAt: '2026-10-15T09:00:00.000Z',
    publishedBy: personas.hr.personId,
  });
  const supervisor = personOf(personas.supervisor);
  const extra: Person[] = Array.from({ length: EXTRA_REPORTS }, (_, i) => ({
    ...employee,
    id: `extra-${i}`,
    firstName: 'Testi',
    lastName: `Henkilö ${String(i + 1).padStart(3, '0')}`,
    email: `extra-${i}@example.test`,
    aadObjectId: null,
    supervisorId: supervisor.id,
  }));
  for (let i = 0; i < extra.length; i += 25) {
    await Promise.all(extra.slice(i, i + 25).map((person) => app.repositories.people.createPerson(person)));
  }
}

beforeAll(async () => {
  requireBuiltTabs();
  connector = await startConnectorStandIn({ limits: null });
  app = await startTestApp({ DEMO_DATA: 'on', DEMO_TENANT_ID: tenantId }, { now: () => NOW });
  await seed();
  // The employee has written to the bot once: the bot now has their personal chat to send invitations to.
  const hello = personalMessage({ tenantId, aadObjectId: employee.aadObjectId ?? '' }, 'ohje', {
    serviceUrl: connector.serviceUrl,
  });
  if ((await postActivity(app.url, hello)).status >= 300) throw new Error('the bot refused the message');
  // The pages' clock agrees with the service's: the same "now" for what is past and which round is current.
  tabs = await launchTabsBrowser({ now: NOW });
}, 120_000);

afterEach(async () => {
  await tabs?.closePages();
});

afterAll(async () => {
  await tabs?.close();
  await app?.stop();
  await connector?.close();
});

const open = (persona: keyof typeof personas, hash: string): Promise<Page> =>
  tabs.open(app.url, persona, hash);

/** Invitations that reached the employee's personal chat (the bot's help answer has no attachments), newest last. */
function invitations() {
  const conversation = `a:${employee.aadObjectId}`;
  return connector
    .activities()
    .filter((activity) => activity.conversationId === conversation && Array.isArray(activity.attachments));
}

function cardText(activity: Record<string, unknown>): string {
  return JSON.stringify((activity.attachments as Array<{ content: unknown }>)[0]?.content);
}

/** The invitation card's button that opens Teams' meeting form pre-filled, as a URL (undefined: no such button). */
function teamsMeetingLinkOf(activity: Record<string, unknown>): URL | undefined {
  const content = (
    activity.attachments as Array<{ content: { actions?: Array<Record<string, unknown>> } }>
  )[0]?.content;
  const button = content?.actions?.find((action) => action.type === 'Action.OpenUrl');
  return button ? new URL(String(button.url)) : undefined;
}

/** The meeting's .ics as the tab API gives it to `persona` (the employee or their supervisor). */
async function meetingCalendarFor(persona: 'employee' | 'supervisor') {
  const token = await devToken(app.url, tenantId, personas[persona].personId);
  const answer = await fetch(`${app.url}/api/v1/discussions/${ROUND_YEAR}/${employee.id}/meeting.ics`, {
    headers: bearer(token),
  });
  return {
    status: answer.status,
    contentType: answer.headers.get('content-type'),
    text: await answer.text(),
  };
}

/** A datetime-local value as the page reads it: a time in the browser's own zone, as an instant. */
function instantOf(page: Page, local: string): Promise<string> {
  return page.evaluate((value) => new Date(value).toISOString(), local);
}

async function findEmployee(page: Page): Promise<void> {
  await page.getByLabel('Hae nimellä').fill(employeeName);
  await page.getByRole('rowheader', { name: employeeName, exact: true }).waitFor();
}

describe('a supervisor schedules development discussions', () => {
  test('previews the invitation for the chosen time as Teams renders it, before sending; nothing is sent or stored', async () => {
    const sent = invitations().length;
    const page = await open('supervisor', '#/team');
    await findEmployee(page);
    await page.getByRole('checkbox', { name: `Valitse ${employeeName}` }).check();
    await page.getByLabel('Ensimmäinen aika').fill('2027-02-10T09:00');
    await page.getByLabel('Kesto').selectOption('45');
    await page.getByRole('button', { name: 'Ehdota ajat (1)' }).click();
    await page.getByLabel(`Aika: ${employeeName}`).fill('2027-02-11T13:30');

    await page.getByRole('button', { name: `Esikatsele kutsua: ${employeeName}` }).click();
    const preview = page.getByRole('figure', { name: `Kutsu, jonka ${employeeName} saa Teamsiin` });
    // The adaptivecards SDK's own rendering: the title, and DATE()/TIME() as Teams shows them in the reader's
    // language and zone (the Finnish browser's), for the time chosen in the table, not the first proposal.
    const card = preview.locator('.ac-adaptiveCard');
    await card.getByText('Kutsu kehityskeskusteluun').waitFor();
    const shown = await card.innerText();
    expect(shown).toContain('11. helmikuuta 2027');
    expect(shown).toContain('13.30');
    expect(shown).toContain('45 min');
    expect(shown).not.toContain('{{');
    await card.getByRole('button', { name: 'Valmistaudu keskusteluun' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('tabs-team-invitation-preview.png'), fullPage: true });

    // Changing the time takes the stale preview away.
    await page.getByLabel(`Aika: ${employeeName}`).fill('2027-02-12T10:00');
    await preview.waitFor({ state: 'detached' });
    // A preview sends nothing and stores nothing.
    expect(invitations()).toHaveLength(sent);
    expect(await app.repositories.developmentDiscussions.get(tenantId, ROUND_YEAR, employee.id)).toBeNull();
  });

  test('schedules a team member: the invitation card with the time and the preparation button reaches the employee', async () => {
    const page = await open('supervisor', '#/team');
    await page.getByRole('heading', { level: 2, name: `Keskustelukierros ${ROUND_YEAR}` }).waitFor();
    await findEmployee(page);
    await page.getByRole('checkbox', { name: `Valitse ${employeeName}` }).check();
    // The first proposal lies inside the round's window (1.1.–31.3.2027), not "tomorrow" in December.
    await expect(page.getByLabel('Ensimmäinen aika').inputValue()).resolves.toBe('2027-01-01T09:00');
    await page.getByLabel('Ensimmäinen aika').fill('2027-02-10T09:00');
    await page.getByRole('button', { name: 'Ehdota ajat (1)' }).click();
    await expect(page.getByLabel(`Aika: ${employeeName}`).inputValue()).resolves.toBe('2027-02-10T09:00');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('tabs-team-proposal.png'), fullPage: true });

    await page.getByRole('button', { name: 'Lähetä kutsut (1)' }).click();
    await page.getByText(`${employeeName}: kutsu lähetetty Teamsiin.`).waitFor();
    // Keyboard focus moves to the result, not back to the page.
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain(
      `${employeeName}: kutsu lähetetty Teamsiin.`,
    );
    await page.screenshot({ path: artifactPath('tabs-team-invited.png'), fullPage: true });

    const start = await instantOf(page, '2027-02-10T09:00');
    const stored = await app.repositories.developmentDiscussions.get(tenantId, ROUND_YEAR, employee.id);
    expect(stored?.value).toMatchObject({ status: 'scheduled', scheduledAt: start });
    const [invitation] = invitations();
    const utc = start.replace(/\.000Z$/, 'Z');
    expect(cardText(invitation as Record<string, unknown>)).toContain('Kutsu kehityskeskusteluun');
    expect(cardText(invitation as Record<string, unknown>)).toContain(`{{DATE(${utc}, LONG)}}`);
    expect(cardText(invitation as Record<string, unknown>)).toContain('"title":"Valmistaudu keskusteluun"');
    // No inline file (Teams shows none): the card alone, with a button opening Teams' meeting form at that time.
    expect((invitation?.attachments as Array<{ contentType: string }>).map((a) => a.contentType)).toEqual([
      'application/vnd.microsoft.card.adaptive',
    ]);
    const link = teamsMeetingLinkOf(invitation as Record<string, unknown>);
    expect(link && `${link.origin}${link.pathname}`).toBe('https://teams.microsoft.com/l/meeting/new');
    expect(link?.searchParams.get('startTime')).toBe(start);
    // The .ics for another calendar comes from the API, to the employee and to the supervisor alike.
    for (const persona of ['employee', 'supervisor'] as const) {
      const file = await meetingCalendarFor(persona);
      expect(file.status).toBe(200);
      expect(file.contentType).toBe('text/calendar; charset=utf-8');
      expect(file.text).toContain(`DTSTART:${utc.replace(/[-:]/g, '')}\r\n`);
      expect(file.text).toContain('METHOD:REQUEST');
    }
    await expect(page.getByRole('row', { name: new RegExp(employeeName) }).innerText()).resolves.toContain(
      'Aika sovittu',
    );
  });

  test('the employee sees the meeting coming in their personal tab, with last year’s ratings and goals', async () => {
    const page = await open('employee', '#/personal');
    await page.getByRole('heading', { level: 1, name: 'Oma osaaminen' }).waitFor();
    await page.getByText(/^Keskustelusi: /).waitFor();
    await page.getByRole('img', { name: /^Arviot osaamisesta Itsensä johtamisen taidot/ }).waitFor();
    await page.getByRole('cell', { name: '3 / 4' }).waitFor();
    await page.getByText('Asiakaspalautteen käsittely sujuvaksi').waitFor();
    await page.getByText('10 – koulutus ja valmennus').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('tabs-personal.png'), fullPage: true });
  });

  test('moving the meeting after someone else moved it shows the latest instead of overwriting it', async () => {
    const page = await open('supervisor', '#/team');
    await findEmployee(page);
    await page.getByRole('button', { name: `Siirrä henkilön ${employeeName} keskustelu` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Meanwhile the meeting is moved elsewhere (the same supervisor in another window).
    const token = await devToken(app.url, tenantId, personas.supervisor.personId);
    const read = await app.repositories.developmentDiscussions.get(tenantId, ROUND_YEAR, employee.id);
    const elsewhere = await fetch(`${app.url}/api/v1/team/discussions/${ROUND_YEAR}/${employee.id}/meeting`, {
      method: 'PUT',
      headers: { ...bearer(token), 'content-type': 'application/json', 'if-match': read?.etag ?? '' },
      body: JSON.stringify({ scheduledAt: '2027-02-11T10:00:00+02:00' }),
    });
    expect(elsewhere.status).toBe(200);

    await dialog.getByLabel('Uusi aika').fill('2027-02-12T12:00');
    await dialog.getByRole('button', { name: 'Siirrä ja lähetä tieto' }).click();
    await dialog.getByText(/^Keskustelua muutettiin sillä välin toisaalla/).waitFor();
    await page.screenshot({ path: artifactPath('tabs-team-conflict.png'), fullPage: true });
    const unchanged = await app.repositories.developmentDiscussions.get(tenantId, ROUND_YEAR, employee.id);
    expect(unchanged?.value.scheduledAt).toBe('2027-02-11T08:00:00.000Z');

    // Having seen the latest, the supervisor moves it again: now it goes through.
    await dialog.getByRole('button', { name: 'Siirrä ja lähetä tieto' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${employeeName}: kutsu lähetetty Teamsiin.`).waitFor();
    const moved = await app.repositories.developmentDiscussions.get(tenantId, ROUND_YEAR, employee.id);
    expect(moved?.value.scheduledAt).toBe(await instantOf(page, '2027-02-12T12:00'));
    expect(cardText(invitations().at(-1) as Record<string, unknown>)).toContain(
      'Kehityskeskustelusi aika on muuttunut',
    );
  });

  test('cancels the meeting; the employee is told to remove it from their calendar, and its .ics cancels the event', async () => {
    const page = await open('supervisor', '#/team');
    await findEmployee(page);
    await page.getByRole('button', { name: `Peru henkilön ${employeeName} keskustelu` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Peru keskustelu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // The closed dialog gives the page back to screen readers.
    await page.waitForFunction(() => document.querySelector('#root[aria-hidden]') === null, undefined, {
      timeout: 3000,
    });
    const stored = await app.repositories.developmentDiscussions.get(tenantId, ROUND_YEAR, employee.id);
    expect(stored?.value).toMatchObject({ status: 'notScheduled', scheduledAt: null });
    const last = invitations().at(-1) as Record<string, unknown>;
    expect(cardText(last)).toContain('Kehityskeskustelusi on peruttu');
    // No .ics rides along (nor a button to add the meeting); the card tells the employee to remove it instead.
    expect((last.attachments as Array<{ contentType: string }>).map((a) => a.contentType)).toEqual([
      'application/vnd.microsoft.card.adaptive',
    ]);
    expect(teamsMeetingLinkOf(last)).toBeUndefined();
    expect(cardText(last)).toContain('Poista tapaaminen kalenteristasi');
    // The meeting's .ics is now its cancellation (RFC 5546 METHOD:CANCEL), for another calendar to remove it.
    for (const persona of ['employee', 'supervisor'] as const) {
      const file = await meetingCalendarFor(persona);
      expect(file.status).toBe(200);
      expect(file.text).toContain('METHOD:CANCEL\r\n');
      expect(file.text).toContain('STATUS:CANCELLED\r\n');
    }
  });

  test('a 500-person unit is paged and searchable, and the page stays small', async () => {
    const page = await open('supervisor', '#/team');
    await page.getByText(/^Sivu 1\/\d+ \(\d+ henkilöä\)$/).waitFor();
    const status = await page.getByText(/^Sivu 1\//).innerText();
    const total = Number(/\((\d+) henkilöä\)/.exec(status)?.[1]);
    expect(total).toBeGreaterThanOrEqual(500);
    expect(status).toBe(`Sivu 1/${Math.ceil(total / 25)} (${total} henkilöä)`);
    await expect(page.getByRole('row').count()).resolves.toBe(26);

    await page.getByRole('button', { name: 'Seuraava sivu' }).click();
    await page.getByText(`Sivu 2/${Math.ceil(total / 25)} (${total} henkilöä)`).waitFor();
    await page.getByLabel('Hae nimellä').fill('Henkilö 250');
    await page.getByText(`Sivu 1/1 (1 henkilöä)`).waitFor();
    await expect(page.getByRole('row').count()).resolves.toBe(2);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the group discussion card is previewed as Teams renders it, in the page’s theme, before anything is posted', async () => {
    const team = demo.teams.find((t) => t.supervisorId === personas.supervisor.personId && t.kind === 'team');
    const posted = connector.activities().length;
    for (const [hash, theme] of [
      ['#/team', 'default'],
      ['#/team?theme=dark', 'dark'],
      ['#/team?theme=contrast', 'contrast'],
    ] as const) {
      const page = await open('supervisor', hash);
      await page
        .getByRole('button', { name: `Esikatsele korttia: tiimin ${team?.name} ryhmäkeskustelu` })
        .click();
      const preview = page.getByRole('figure', { name: `Kanavalle julkaistava kortti, tiimi ${team?.name}` });
      // The adaptivecards SDK's own rendering, with the card's title and themes.
      await preview
        .locator('.ac-adaptiveCard')
        .getByText(`Ryhmäosaamiskeskustelu ${ROUND_YEAR}: ${team?.name}`)
        .waitFor();
      // The themes are a Markdown list, as in Teams, not "- " lines.
      await preview.getByRole('listitem').filter({ hasText: 'Nykyosaaminen' }).waitFor();
      expect(await preview.getAttribute('data-card-preview')).toBe(theme);
      expect(await axeViolations(page)).toEqual([]);
    }
    // A preview posts nothing and starts nothing.
    expect(connector.activities()).toHaveLength(posted);
    const started = await app.repositories.groupDiscussions.listForTeam(tenantId, ROUND_YEAR, team?.id ?? '');
    expect(started.items).toEqual([]);
  }, 180_000);

  test('the group discussion is started from the team view; without a channel it says where to post the card', async () => {
    const page = await open('supervisor', '#/team');
    const team = demo.teams.find((t) => t.supervisorId === personas.supervisor.personId && t.kind === 'team');
    await page.getByRole('button', { name: `Aloita tiimin ${team?.name} ryhmäkeskustelu` }).click();
    await page
      .getByText(
        `Tiimin ${team?.name} ryhmäkeskustelu on aloitettu. Julkaise kortti tiimin kanavan Osaamiskello-välilehdeltä.`,
      )
      .waitFor();
    const started = await app.repositories.groupDiscussions.listForTeam(tenantId, ROUND_YEAR, team?.id ?? '');
    expect(started.items.map((read) => read.value.status)).toEqual(['open']);
    expect(await page.getByText('Kortti kanavalla').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Its card posted in the channel later (as the fan-out's retry records it): the team view says so.
    const discussion = started.items[0]?.value;
    if (!discussion) throw new Error('the discussion was started');
    await groupPostDelivered(app.repositories, () => new Date())(
      tenantId,
      { kind: GROUP_POST_DELIVERED, keys: { year: discussion.year, id: discussion.id } },
      { conversationId: '19:kehitys@thread.tacv2;messageid=1701', activityId: '1701' },
    );
    const later = await open('supervisor', '#/team');
    await later.getByText('Kortti kanavalla').waitFor();
    expect(await axeViolations(later)).toEqual([]);
  });
});

describe('HR runs the annual clock', () => {
  const closesOfDevelopment = async () =>
    (await app.repositories.annualClocks.get(tenantId))?.value.phases.find(
      (p) => p.id === 'development-discussions',
    )?.closes;

  test('edits a phase on the clock editor and the change is stored', async () => {
    const page = await open('hr', '#/hr');
    await page.getByRole('heading', { level: 2, name: 'Vuosikello 2026: Koko organisaatio' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await chooseMonthDay(page, 'Kehityskeskustelut: päättyy', 15, 4);
    // The timeline follows the draft before anything is saved.
    await page.locator('[title="Kehityskeskustelut: 1.1.2026–15.4.2026"]').waitFor();
    await page.getByRole('button', { name: 'Tallenna vuosikello' }).click();
    await page.getByText('Vuosikello tallennettu.').waitFor();
    await page.screenshot({ path: artifactPath('tabs-hr-clock.png'), fullPage: true });
    await expect(closesOfDevelopment()).resolves.toBe('04-15');
  });

  test('a phase may cross New Year (15.11.–28.2.): no error, and the clock saves it', async () => {
    const before = await app.repositories.annualClocks.get(tenantId);
    const page = await open('hr', '#/hr');
    await chooseMonthDay(page, 'Kehityskeskustelut: alkaa', 15, 11);
    await chooseMonthDay(page, 'Kehityskeskustelut: päättyy', 28, 2);
    await page.getByRole('button', { name: 'Tallenna vuosikello' }).click();
    await page.getByText('Vuosikello tallennettu.').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Vaihe alkaa vasta päättymisensä jälkeen.');
    const clock = await app.repositories.annualClocks.get(tenantId);
    expect(clock?.value.phases.find((p) => p.id === 'development-discussions')).toMatchObject({
      opens: '11-15',
      closes: '02-28',
    });
    // The journeys after this one run on the clock as it was.
    if (clock && before) await app.repositories.annualClocks.update(clock, { phases: before.value.phases });
  });

  test('a service area’s own window becomes its override; its alternating-year rule is saved too', async () => {
    const area = demo.serviceAreas.find((a) => a.alternatingYearRule) ?? demo.serviceAreas[0];
    const page = await open('hr', '#/hr');
    await page.getByLabel('Kenen vuosikello').selectOption({ label: area?.name ?? '' });
    await page.getByRole('heading', { level: 2, name: `Vuosikello 2026: ${area?.name}` }).waitFor();
    await chooseMonthDay(page, 'Ryhmäosaamiskeskustelut: alkaa', 15, 1);
    await page.getByText('Oma ajankohta').waitFor();
    await page.getByRole('button', { name: 'Tallenna vuosikello' }).click();
    await page.getByText('Vuosikello tallennettu.').waitFor();
    const clock = await app.repositories.annualClocks.get(tenantId);
    expect(clock?.value.overrides).toEqual([
      { serviceAreaId: area?.id, phases: { 'group-discussions': { opens: '01-15' } } },
    ]);

    const opposite =
      area?.alternatingYearRule?.individualDiscussionYears === 'even' ? 'parittomina' : 'parillisina';
    await page.getByRole('radio', { name: new RegExp(`^Kehityskeskustelut ${opposite} vuosina`) }).click();
    await page.getByText(`Palvelualueen ${area?.name} vuorovuosimalli tallennettu.`).waitFor();
    const stored = await app.repositories.serviceAreas.get(tenantId, area?.id ?? '');
    expect(stored?.value.alternatingYearRule).toEqual({
      individualDiscussionYears: opposite === 'parittomina' ? 'odd' : 'even',
    });
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a save after someone else’s is refused with a conflict message, and the latest can be loaded', async () => {
    const page = await open('hr', '#/hr');
    await page.getByRole('group', { name: 'Kehityskeskustelut: päättyy', exact: true }).waitFor();
    // Another HR person saves first.
    const read = await app.repositories.annualClocks.get(tenantId);
    const theirs = {
      phases: read?.value.phases.map((p) =>
        p.id === 'development-discussions' ? { ...p, closes: '05-31' } : p,
      ),
      overrides: read?.value.overrides,
    };
    const token = await devToken(app.url, tenantId, personas.hr.personId);
    const saved = await fetch(`${app.url}/api/v1/hr/clock`, {
      method: 'PUT',
      headers: { ...bearer(token), 'content-type': 'application/json', 'if-match': read?.etag ?? '' },
      body: JSON.stringify(theirs),
    });
    expect(saved.status).toBe(200);

    await page.getByLabel('Kehityskeskustelut: muistutukset päivää ennen määräaikaa').fill('21, 7, 1');
    await page.getByRole('button', { name: 'Tallenna vuosikello' }).click();
    await page.getByText('Joku muu tallensi sillä välin').waitFor();
    await page.screenshot({ path: artifactPath('tabs-hr-conflict.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await expect(closesOfDevelopment()).resolves.toBe('05-31');

    await page.getByRole('button', { name: 'Lataa uusin versio' }).click();
    await expect(shownMonthDay(page, 'Kehityskeskustelut: päättyy')).resolves.toBe('31.5.');
    await expect(
      page.getByLabel('Kehityskeskustelut: muistutukset päivää ennen määräaikaa').inputValue(),
    ).resolves.toBe('14, 3');
  });

  test('progress per service area and the reminder sends, as charts and tables', async () => {
    const page = await open('hr', '#/hr?view=progress');
    await page.getByRole('table', { name: `Kehityskeskustelut ${ROUND_YEAR} palvelualueittain` }).waitFor();
    const rows = await page.getByRole('row').allInnerTexts();
    expect(rows).toHaveLength(demo.serviceAreas.length + 1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('tabs-hr-progress.png'), fullPage: true });

    await page.getByRole('link', { name: 'Muistutukset' }).click();
    await page.getByText('Muistutuksia ei ole vielä lähetetty.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a person without the HR role is not shown the editor or its link', async () => {
    const page = await open('employee', '#/hr');
    await page.getByText('Tämä näkymä ei ole käytettävissäsi').waitFor();
    await expect(page.getByRole('link', { name: 'Vuosikellon hallinta' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the channel tab and the other views', () => {
  test('the configuration page lists the service areas and builds the channel tab’s address', async () => {
    const area = demo.serviceAreas.find((a) => a.id === employee.serviceAreaId);
    const page = await open('employee', '#/config');
    await page.getByRole('combobox', { name: 'Palvelualue' }).selectOption({ label: area?.name ?? '' });
    await page
      .getByText(`${app.url}/tabs/index.html#/channel?serviceAreaId=${area?.id}`, { exact: false })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the channel tab shows the area’s published summaries; an area without any says so', async () => {
    const page = await open('employee', `#/channel?serviceAreaId=${employee.serviceAreaId}`);
    await page.getByRole('heading', { level: 3, name: 'Koonti 2026' }).waitFor();
    await page.getByText('Digitaalisten palvelujen osaaminen').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('tabs-channel.png'), fullPage: true });

    const other = demo.serviceAreas.find((a) => a.id !== employee.serviceAreaId);
    const empty = await open('employee', `#/channel?serviceAreaId=${other?.id}`);
    await empty
      .getByText('Henkilöstöpalvelut ei ole vielä julkaissut koonteja tälle palvelualueelle.')
      .waitFor();
    expect(await axeViolations(empty)).toEqual([]);
  });

  test('the persona switcher signs in as someone else, in their language', async () => {
    const page = await open('employee', '#/personal');
    await page.getByRole('heading', { level: 1, name: 'Oma osaaminen' }).waitFor();
    await page.getByLabel('Toimi henkilönä').selectOption(personas.swedishEmployee.personId);
    await page.getByRole('heading', { level: 1, name: 'Min kompetens' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv-FI');
    expect(await axeViolations(page)).toEqual([]);
  });

  test.each(['dark', 'contrast'])('the views pass axe-core in the %s theme too', async (theme) => {
    for (const [persona, hash, heading] of [
      ['employee', '#/personal', 'Tulossa sinulle'],
      ['supervisor', '#/team', `Keskustelukierros ${ROUND_YEAR}`],
      ['hr', '#/hr', 'Vaiheiden ajankohdat'],
    ] as const) {
      const page = await tabs.open(app.url, persona, `&theme=${theme}${hash}`);
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  test('the clock view and a reminder’s deep link into the team view', async () => {
    const clock = await open('employee', '#/clock');
    await clock.getByRole('heading', { level: 2, name: 'Vuosikello 2026' }).waitFor();
    expect(await axeViolations(clock)).toEqual([]);
    const linked = await open('supervisor', '#/personal?page=team');
    await linked.getByRole('heading', { level: 1, name: 'Tiimini' }).waitFor();
  });
});
