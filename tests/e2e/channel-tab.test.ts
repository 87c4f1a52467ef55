/**
 * The channel tab end to end: HR publishes the known city's summaries (summaries/support/known-city.ts) the
 * way the bot does, and the built tab in headless Chromium shows them — the competences × teams heatmap with
 * the small teams rolled up, the needs ranking and the history by year — and passes axe-core. The person who
 * signs in is the demo employee persona, placed in the known city. HR (the demo HR persona) raises the
 * anonymity threshold on the progress view. Needs `npm run build -w tabs`.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import type { Person } from '../../bot/src/domain/organisation';
import { DEMO_PERSONAS } from '../../bot/src/organisation-data/demo-municipality';
import { draftSummary, publishSummary, type SummaryDeps } from '../../bot/src/summaries/summary-workflow';
import { requireBuiltTabs } from '../app-package/tab-server';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { newTenantId } from '../support/storage';
import {
  AREA_A,
  AREA_B,
  groupDiscussion,
  knownCity,
  storeKnownCity,
  YEAR,
} from '../summaries/support/known-city';
import { axeViolations, launchTabsBrowser, type TabsBrowser } from './tabs-browser';

const tenantId = newTenantId();
const city = knownCity(tenantId);

let app: RunningApp;
let tabs: TabsBrowser;

async function publish(serviceAreaId: string): Promise<void> {
  const deps: SummaryDeps = {
    repositories: app.repositories,
    messenger: { send: async () => ({ status: 'delivered', conversationId: 'c', activityId: 'a' }) },
    announcement: async () => ({}),
    now: () => new Date(`${YEAR}-10-15T09:00:00.000Z`),
  };
  await app.repositories.channelLinks.put({
    tenantId,
    serviceAreaId,
    teamId: `19:${serviceAreaId}@thread.tacv2`,
    channelId: `19:${serviceAreaId}-osaaminen@thread.tacv2`,
    tabEntityId: null,
    teamsAppId: null,
    linkedBy: city.hr.id,
    linkedAt: `${YEAR}-09-01T09:00:00.000Z`,
  });
  const target = { tenantId, year: YEAR, serviceAreaId };
  const draft = await draftSummary(deps, city.hr, target, '');
  await publishSummary(deps, city.hr, target, draft.etag);
}

beforeAll(async () => {
  requireBuiltTabs();
  app = await startTestApp({ DEMO_TENANT_ID: tenantId });
  // The demo employee persona (the dev sign-in's default) works in team Alfa; no discussion of theirs counts.
  const reader: Person = {
    ...city.member('alfa', 2),
    id: DEMO_PERSONAS.employee.personId,
    email: 'lukija@testikaupunki.fi',
    aadObjectId: '00000000-0000-4000-8000-0000000000aa',
  };
  // And the demo HR persona works in HR, to raise the anonymity threshold.
  const hr: Person = {
    ...city.hr,
    id: DEMO_PERSONAS.hr.personId,
    email: 'hr@testikaupunki.fi',
    aadObjectId: '00000000-0000-4000-8000-0000000000ab',
  };
  await storeKnownCity(app.repositories, { ...city, people: [...city.people, reader, hr] });
  await app.repositories.groupDiscussions.create(
    groupDiscussion(city, 'alfa', 'concluded', { futureNeeds: 'Digitaidot asiakastyössä' }),
  );
  await publish(AREA_A);
  await publish(AREA_B);
  // Last year's publication, for the history: the same figures under the year before.
  const published = await app.repositories.summaryPublications.get(tenantId, AREA_A, YEAR);
  if (!published) throw new Error('not published');
  await app.repositories.summaryPublications.put({
    ...published.value,
    year: YEAR - 1,
    conclusions: { futureNeeds: ['Viime vuoden painopiste'] },
    publishedAt: `${YEAR - 1}-10-15T09:00:00.000Z`,
  });
  tabs = await launchTabsBrowser();
}, 120_000);

afterEach(async () => {
  await tabs?.closePages();
});

afterAll(async () => {
  await tabs?.close();
  await app?.stop();
});

const open = (hash: string, persona: 'employee' | 'hr' = 'employee'): Promise<Page> =>
  tabs.open(app.url, persona, hash);

const heatmapOf = (page: Page) => page.getByRole('table', { name: /^Osaamiset tiimeittäin 2026/ });

describe('the channel tab shows the published summaries', () => {
  test('the heatmap has a row per team of at least five, the small teams combined, and text in every cell, a hidden one in words', async () => {
    const page = await open(`#/channel?serviceAreaId=${AREA_A}`);
    await page.getByRole('heading', { level: 3, name: `Koonti ${YEAR}` }).waitFor();
    await page.getByText('Digitaidot asiakastyössä').waitFor();
    const heatmap = heatmapOf(page);
    await heatmap.waitFor();

    const teams = await heatmap.getByRole('rowheader').allInnerTexts();
    // Beeta (4), Gamma (3) and the management team (1) are under 5: never a row of their own.
    expect(teams).toEqual(['Alfa', 'Delta', 'Pienet tiimit yhdessä (3)']);
    const columns = await heatmap.getByRole('columnheader').allInnerTexts();
    expect(columns.slice(0, 4)).toEqual([
      'Tiimi',
      'Vastaajia',
      'Itsensä johtamisen taidot',
      'Oppimisen ja uudistumisen osaaminen',
    ]);
    const alfa = heatmap.getByRole('row', { name: /^Alfa/ });
    const alfaCells = await alfa.getByRole('cell').allInnerTexts();
    // Respondents, then the own ratings' means: self-management 4, technology 2 for all five.
    expect(alfaCells[0]).toBe('5');
    expect(alfaCells[columns.indexOf('Itsensä johtamisen taidot') - 1]).toBe('4,0');
    expect(alfaCells[columns.indexOf('Teknologia- ja digiosaaminen') - 1]).toBe('2,0');
    // Competence management was rated by only three supervisors: shown as not shown, in words.
    expect(alfaCells[columns.indexOf('Osaamisen johtaminen') - 1]).toContain('ei näytetä');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Kehittämistarve' }).check();
    await heatmapOf(page).waitFor();
    const needs = await heatmapOf(page).getByRole('row', { name: /^Alfa/ }).getByRole('cell').allInnerTexts();
    // All five in Alfa need technology, but the area shows its 9 needs: Alfa's 5 beside them would give away
    // the other teams' 4, so Alfa's share is not shown, in words (docs/anonymity.md, rule 3).
    const alfaTechnology = needs[columns.indexOf('Teknologia- ja digiosaaminen') - 1];
    expect(alfaTechnology).toContain('ei näytetä');
    expect(alfaTechnology).not.toMatch(/%/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('tabs-channel-heatmap.png'), fullPage: true });
  });

  test('the needs ranking lists the competences by how many have a need, leaving out a count under five', async () => {
    const page = await open(`#/channel?serviceAreaId=${AREA_A}`);
    const heading = page.getByRole('heading', { level: 4, name: 'Kehittämistarpeet' });
    await heading.waitFor();
    const items = await page
      .getByRole('listitem')
      .filter({ hasText: /\d+\/\d+/ })
      .allInnerTexts();
    expect(items.map((item) => item.replace(/\s+/g, ' ').trim())).toEqual([
      'Teknologia- ja digiosaaminen 9/21 (43 %)',
    ]);
    // Self-management's 3 needs are under the threshold of five: not listed at all.
    expect(await page.getByRole('listitem').filter({ hasText: 'Itsensä johtamisen taidot' }).count()).toBe(0);
  });

  test('the history has a column per published year, and the year can be chosen or linked to', async () => {
    const page = await open(`#/channel?serviceAreaId=${AREA_A}`);
    const history = page.getByRole('table', { name: 'Osaamisten keskiarvot vuosittain' });
    await history.waitFor();
    const years = await history.getByRole('columnheader').allInnerTexts();
    expect(years).toEqual(['Osaaminen', String(YEAR - 1), String(YEAR)]);
    await page.getByLabel('Vuosi', { exact: true }).selectOption(String(YEAR - 1));
    await page.getByRole('heading', { level: 3, name: `Koonti ${YEAR - 1}` }).waitFor();
    await page.getByText('Viime vuoden painopiste').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const linked = await open(`#/channel?serviceAreaId=${AREA_A}&year=${YEAR - 1}`);
    await linked.getByRole('heading', { level: 3, name: `Koonti ${YEAR - 1}` }).waitFor();
  });

  test('a service area of four shows no figures at all', async () => {
    const page = await open(`#/channel?serviceAreaId=${AREA_B}`);
    await page.getByRole('heading', { level: 3, name: `Koonti ${YEAR}` }).waitFor();
    await page
      .getByText('Palvelualueelta on alle 5 allekirjoitettua kehityskeskustelua, joten lukuja ei näytetä.')
      .waitFor();
    await page.getByText('Vertailtavia lukuja ei ole vielä.').waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('HR sets the anonymity threshold', () => {
  test('raises it on the progress view; a lower value is refused with the reason', async () => {
    const page = await open('#/hr?view=progress', 'hr');
    const field = page.getByLabel('Anonymiteettiraja');
    await field.waitFor();
    await field.fill('4');
    await page.getByRole('button', { name: 'Nosta rajaa' }).click();
    await page.getByText('Anonymiteettiraja on kokonaisluku, vähintään 5.').waitFor();
    expect((await app.repositories.organisations.get(tenantId))?.value.anonymityThreshold).toBe(5);

    await field.fill('6');
    await page.getByRole('button', { name: 'Nosta rajaa' }).click();
    await page.getByText('Anonymiteettiraja on nyt 6.').waitFor();
    expect((await app.repositories.organisations.get(tenantId))?.value.anonymityThreshold).toBe(6);
    await expect(page.getByLabel('Anonymiteettiraja').inputValue()).resolves.toBe('6');
    expect(await axeViolations(page)).toEqual([]);
  });
});
