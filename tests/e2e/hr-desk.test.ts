/**
 * HR's desk in the HR tab, in headless Chromium against the real service on Azurite and the Bot Connector
 * stand-in: HR compiles a service area's summary, sees what anonymity held back and the channel card's preview,
 * links the channel from the tab, publishes — the first post is refused as Teams can refuse it, so the page says
 * NOT published with the reason and offers the retry, which publishes; a post Teams asks to wait for is kept
 * and sent again by itself, and the page then shows the summary published — and works with the central training
 * plan, whose rows name their service area, with CSV / XLSX downloads. Each view passes axe-core at 360 px.
 * Needs `npm run build -w tabs`.
 */
import { readFileSync } from 'node:fs';
import type { RunningApp } from '../../bot/src/app';
import {
  startConnectorStandIn,
  type ConnectorStandIn,
  type ScriptedFailure,
} from '../../bot/src/devstack/bot-connector-stand-in';
import type { TrainingPlan } from '../../bot/src/domain/training-plan';
import { DEMO_TEAM, demoChannels } from '../../bot/src/organisation-data/demo-channels';
import { demoPersonas, generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import { organisationYear } from '../../bot/src/domain/organisation-time';
import { campaignId } from '../../bot/src/domain/reminder';
import { requireBuiltTabs } from '../app-package/tab-server';
import { postActivity, teamInstallation } from '../support/activities';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { numberedRecipients, storeMaterialisedCampaign } from '../support/reminder-campaigns';
import { newTenantId } from '../support/storage';
import { axeViolations, launchTabsBrowser, type TabsBrowser } from './tabs-browser';
import { bearer, devToken } from '../support/tokens';
import { signDiscussion } from '../anonymity/support/scripted-org';

/** A moment as the Finnish tab writes it in the reader's time zone ("ma 23.11.2026 klo 12.00"). */
const formatDateTime = (iso: string, locale: 'fi'): string =>
  new Intl.DateTimeFormat(`${locale}-FI`, {
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const NOW = new Date('2026-11-23T10:00:00Z');
const YEAR = organisationYear(NOW);
const tenantId = newTenantId();
const demo = generateDemoMunicipality(tenantId);
const personas = demoPersonas(demo);
const hr = demo.people.find((person) => person.id === personas.hr.personId);
const [area, otherArea] = [...demo.serviceAreas].sort((a, b) => a.name.localeCompare(b.name, 'fi'));
const channel = demoChannels(demo.serviceAreas).find((candidate) => candidate.serviceAreaId === area?.id);

let app: RunningApp;
let connector: ConnectorStandIn;
let tabs: TabsBrowser;
/** How Teams answers the next post (e.g. 400, refused for good), instead of taking it. */
let nextPost: ScriptedFailure | null = null;

beforeAll(async () => {
  requireBuiltTabs();
  connector = await startConnectorStandIn({
    limits: null,
    fail: (call) => {
      // The summary starts a new post in the channel (createConversation).
      if (call.operation !== 'createConversation' || !nextPost) return null;
      const answer = nextPost;
      nextPost = null;
      return answer;
    },
  });
  app = await startTestApp({ DEMO_DATA: 'on', DEMO_TENANT_ID: tenantId }, { now: () => NOW });
  // The bot is added to the demo team's channel of the first area, as Teams tells it on installation.
  const installed = await postActivity(
    app.url,
    teamInstallation(
      { tenantId, aadObjectId: hr?.aadObjectId ?? '' },
      { teamId: DEMO_TEAM.id, channelId: channel?.id, channelName: channel?.name },
      'add',
      { serviceUrl: connector.serviceUrl },
    ),
  );
  expect(installed.status).toBe(200);
  // Six of the first area sign their discussions a week earlier: its figures and progress are released
  // (docs/anonymity.md, rules 6 and 9), so HR sees when.
  const signers = demo.people
    .filter((person) => person.serviceAreaId === area?.id && person.supervisorId && person.id !== hr?.id)
    .slice(0, 6);
  for (const [index, person] of signers.entries()) {
    const at = new Date(NOW.getTime() - 7 * 86_400_000 + index * 60_000).toISOString();
    await signDiscussion(app.repositories, person, YEAR, 'self-management', 3 + (index % 2), at);
  }
  tabs = await launchTabsBrowser({ now: NOW });
}, 120_000);

afterEach(async () => {
  await tabs?.closePages();
});

afterAll(async () => {
  await tabs?.close();
  await Promise.all([app?.stop(), connector?.close()]);
});

/** The posts the bot started in a channel (each a thread: `channel;messageid=…`), not its welcome. */
const channelPosts = () =>
  connector.activities().filter((activity) => String(activity.conversationId).includes(';messageid='));

const atPhoneWidth = async (page: import('playwright-core').Page): Promise<string[]> => {
  await page.setViewportSize({ width: 360, height: 740 });
  return axeViolations(page);
};

test('the demo links every service area to the demo team’s channel (the one the Playground shows)', async () => {
  for (const serviceArea of demo.serviceAreas) {
    const link = await app.repositories.channelLinks.get(tenantId, serviceArea.id);
    expect(link?.value.teamId).toBe(DEMO_TEAM.id);
    expect(link?.value.channelId).toBe(channel?.id);
  }
});

test('HR compiles a summary, and a publish whose post fails is shown as NOT published with a retry', async () => {
  if (!area || !otherArea || !channel) throw new Error('the demo has service areas');
  const page = await tabs.open(app.url, 'hr', `#/hr?view=summaries&year=${YEAR}`);
  const list = page.getByRole('table', { name: `Palvelualueiden koonnit ${YEAR}` });
  await list
    .getByRole('row', { name: new RegExp(area.name) })
    .getByText('Ei vielä luonnosta')
    .waitFor();
  expect(await atPhoneWidth(page)).toEqual([]);

  await page.getByRole('link', { name: `Avaa koonti: ${area.name}` }).click();
  await page.getByRole('heading', { level: 2, name: `${area.name}: koonti ${YEAR}` }).waitFor();
  await page.getByRole('button', { name: 'Luo luonnos' }).click();
  await page.getByText('Luonnos on valmis.').waitFor();
  await page.getByRole('heading', { name: 'Mitä anonymiteetti piilotti' }).waitFor();
  await page.getByText('Piilotettuja osaamislukuja:', { exact: false }).waitFor();
  // When the figures were released: the latest release of the area's teams, as the stored releases say.
  const releases = (await app.repositories.teamAggregates.listForYear(tenantId, YEAR))
    .map((row) => row.value)
    .filter((row) => row.serviceAreaId === area.id && row.releasedAt)
    .map((row) => row.releasedAt ?? '')
    .sort();
  const releasedAt = releases[releases.length - 1];
  if (!releasedAt) throw new Error('the demo area has released figures');
  await page
    .getByText(`Luvut ovat tilanteesta ${formatDateTime(releasedAt, 'fi')}.`, { exact: false })
    .waitFor();
  await page
    .getByText('uusi tilanne julkaistaan vasta, kun vähintään 5 henkilön', { exact: false })
    .waitFor();
  // And why, as counts only (one line per reason that hid anything).
  await page
    .getByText(/^Piilotettu(, koska|, jottei) .*: \d+$/)
    .first()
    .waitFor();
  const preview = page.getByRole('figure', { name: 'Kanavalle lähtevä kortti (esikatselu)' });
  // The adaptivecards SDK's own rendering with Teams' host config, as the channel will show the card.
  await preview.locator('.ac-adaptiveCard').getByText(`Osaamiskoonti ${YEAR}: ${area.name}`).waitFor();
  expect(await preview.getAttribute('data-card-preview')).toBe('default');

  // The channel the bot knows is chosen in the tab (outside Teams too).
  await page.getByLabel('Tiimi ja kanava, jotka Osaamiskello tuntee').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Liitä kanava' }).click();
  await page.getByText('Kanava liitetty palvelualueelle.').waitFor();

  // Refused for good (400; a 502 would be retried and arrive).
  nextPost = { status: 400, code: 'BadArgument' };
  await page.getByRole('button', { name: 'Julkaise kanavalle' }).click();
  await page.getByText('Ei julkaistu: lähetys kanavalle epäonnistui').waitFor({ timeout: 90_000 });
  await page
    .getByText(
      'Ei julkaistu. Teams ei ottanut korttia vastaan. Koonti on yhä luonnos; mitään ei näytetä kanavalla.',
    )
    .waitFor();
  expect(await page.getByText(/^Julkaistu/).count()).toBe(0);
  // No post reached the channel (the bot's welcome when it was added to the team is not a post).
  expect(channelPosts()).toHaveLength(0);
  expect(await app.repositories.summaryPublications.get(tenantId, area.id, YEAR)).toBeNull();
  await page.getByRole('cell', { name: 'Julkaisu epäonnistui: Teams ei ottanut korttia vastaan.' }).waitFor();
  expect(await atPhoneWidth(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('tabs-hr-summary-not-published.png'), fullPage: true });

  await page.getByRole('button', { name: 'Yritä julkaista uudelleen' }).first().click();
  await connector.waitForActivities(2, 90_000);
  expect(channelPosts().map((post) => String(post.conversationId).split(';')[0])).toEqual([channel.id]);
  for (let tries = 0; tries < 100; tries++) {
    if ((await app.repositories.summaries.get(tenantId, YEAR, area.id))?.value.status === 'published') break;
    await page.waitForTimeout(100);
  }
  expect((await app.repositories.summaries.get(tenantId, YEAR, area.id))?.value.status).toBe('published');
  // The published summary keeps the moment its figures were released.
  await page.reload();
  await page
    .getByRole('list', { name: 'Kanavan välilehden koonnit ja niiden lukujen tilanne' })
    .getByText(
      new RegExp(`^${YEAR}: kanavalle .*, luvut tilanteesta ${escaped(formatDateTime(releasedAt, 'fi'))}$`),
    )
    .waitFor();
}, 300_000);

test('HR’s progress says when each service area’s counts were released, or why they are not shown', async () => {
  const page = await tabs.open(app.url, 'hr', `#/hr?view=progress&year=${YEAR}`);
  const table = page.getByRole('table', { name: `Kehityskeskustelut ${YEAR} palvelualueittain` });
  await table.getByRole('columnheader', { name: 'Tilanne' }).waitFor();
  const hrToken = await devToken(app.url, tenantId, personas.hr.personId);
  const progress = (await (
    await fetch(`${app.url}/api/v1/hr/progress?year=${YEAR}`, { headers: bearer(hrToken) })
  ).json()) as { serviceAreas: { name: string; due: number | null; releasedAt: string | null }[] };
  expect(progress.serviceAreas.some((row) => row.releasedAt)).toBe(true);
  for (const row of progress.serviceAreas) {
    const cells = table.getByRole('row', { name: new RegExp(`^${escaped(row.name)}`) });
    const expected = row.releasedAt
      ? formatDateTime(row.releasedAt, 'fi')
      : row.due === null
        ? 'Liian pieni ryhmä näytettäväksi'
        : 'Ei vielä julkaistu: alle 5 henkilön tiedot ovat muuttuneet';
    await cells.getByRole('cell', { name: expected }).waitFor();
  }
  expect(await atPhoneWidth(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('tabs-hr-progress-released.png'), fullPage: true });
}, 120_000);

test('HR’s reminder sends withhold the counts of a send that would tell how few finished since the last one', async () => {
  const phase = 'development-discussions';
  // The phase's opening went to 12; 14 days before the deadline 10 were still open: 2 finished (fewer than 5).
  for (const [date, kind, total] of [
    ['2026-01-01', 'phaseOpened', 12],
    ['2026-03-17', 'deadlineApproaching', 10],
  ] as const) {
    await storeMaterialisedCampaign(app.storage, {
      tenantId,
      campaignId: campaignId(date, kind, phase, 'employee'),
      label: `reminder.${kind}.developmentDiscussions.employee`,
      createdAt: new Date(`${date}T06:00:00Z`),
      recipientKeys: numberedRecipients(total),
      serviceUrl: connector.serviceUrl,
    });
  }
  const page = await tabs.open(app.url, 'hr', '#/hr?view=sends');
  const table = page.getByRole('table', { name: 'Muistutusten lähetykset, uusimmat ensin' });
  await table
    .getByRole('row', { name: /Määräaika lähestyy/ })
    .getByText('Määriä ei näytetä: ne kertoisivat, kuinka moni (alle anonymiteettirajan)', { exact: false })
    .waitFor();
  await table
    .getByRole('row', { name: /Vaihe alkoi/ })
    .getByRole('progressbar')
    .waitFor();
  expect(await atPhoneWidth(page)).toEqual([]);
  await page.screenshot({ path: artifactPath('tabs-hr-sends-withheld.png'), fullPage: true });
}, 120_000);

test('a post Teams asks to wait for is kept: the page says so, and shows the summary published once it arrives', async () => {
  if (!otherArea) throw new Error('the demo has service areas');
  const page = await tabs.open(app.url, 'hr', `#/hr?view=summaries&year=${YEAR}`);
  await page.getByRole('link', { name: `Avaa koonti: ${otherArea.name}` }).click();
  await page.getByRole('heading', { level: 2, name: `${otherArea.name}: koonti ${YEAR}` }).waitFor();
  await page.getByRole('button', { name: 'Luo luonnos' }).click();
  await page.getByText('Luonnos on valmis.').waitFor();

  // Longer than the publish waits (8 s): the post is kept, and the service sends it again after 9 s.
  nextPost = { status: 429, code: 'Throttled', retryAfterSeconds: 9 };
  await page.getByRole('button', { name: 'Julkaise kanavalle' }).click();
  await page
    .getByText(
      'Ei julkaistu. Teams pyysi odottamaan. Kortti lähetetään uudelleen itsestään, ja koonti julkaistaan, kun se on perillä.',
      { exact: false },
    )
    .waitFor({ timeout: 90_000 });
  expect(await atPhoneWidth(page)).toEqual([]);

  for (let tries = 0; tries < 300; tries++) {
    if ((await app.repositories.summaries.get(tenantId, YEAR, otherArea.id))?.value.status === 'published')
      break;
    await page.waitForTimeout(100);
  }
  const later = await tabs.open(app.url, 'hr', `#/hr?view=summaries&year=${YEAR}`);
  await later
    .getByRole('table', { name: `Palvelualueiden koonnit ${YEAR}` })
    .getByRole('row', { name: new RegExp(otherArea.name) })
    .getByText(/^Julkaistu/)
    .waitFor();
  expect(await app.repositories.summaryPublications.get(tenantId, otherArea.id, YEAR)).not.toBeNull();
}, 120_000);

test('HR sees the central training plan with every row’s service area, and downloads it', async () => {
  if (!area || !otherArea) throw new Error('the demo has service areas');
  const central: TrainingPlan = {
    tenantId,
    year: YEAR,
    scope: 'central',
    serviceAreaId: null,
    status: 'draft',
    items: [
      {
        id: 'c1',
        need: 'Asiakaspalvelu',
        competenceId: null,
        way: '20',
        audience: 'Kaikki',
        headcount: 12,
        serviceAreaId: area.id,
      },
      {
        id: 'c2',
        need: 'Tietosuoja',
        competenceId: null,
        way: '10',
        audience: 'Esihenkilöt',
        headcount: 7,
        serviceAreaId: otherArea.id,
      },
      {
        id: 'c3',
        need: 'Digitaidot',
        competenceId: null,
        way: '10',
        audience: 'Kaikki',
        headcount: 30,
        serviceAreaId: null,
      },
    ],
    history: [{ status: 'draft', by: personas.hr.personId, at: NOW.toISOString() }],
    combinedAreas: [area.id, otherArea.id],
  };
  await app.repositories.trainingPlans.create(central);

  const page = await tabs.open(app.url, 'hr', `#/hr?view=trainingPlans&year=${YEAR}`);
  const table = page.getByRole('table', { name: 'Keskitetyn suunnitelman rivit ja mistä ne tulevat' });
  await table.getByRole('columnheader', { name: 'Palvelualue' }).waitFor();
  await table.getByRole('row', { name: new RegExp(`${area.name}.*Asiakaspalvelu`) }).waitFor();
  await table.getByRole('row', { name: new RegExp(`${otherArea.name}.*Tietosuoja`) }).waitFor();
  await table.getByRole('row', { name: /Koko kaupungin anonyymit tarpeet.*Digitaidot/ }).waitFor();
  await page
    .getByText(`Koottu 2/${demo.serviceAreas.length} palvelualueen suunnitelmasta.`, { exact: false })
    .waitFor();
  expect(await atPhoneWidth(page)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lataa keskitetty suunnitelma CSV-tiedostona' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('Palvelualue');
  expect(csv).toContain(area.name);
  await page.getByText(`Tiedosto ${download.suggestedFilename()} ladattiin.`).waitFor();
  await page.screenshot({ path: artifactPath('tabs-hr-training-plans.png'), fullPage: true });
}, 120_000);
