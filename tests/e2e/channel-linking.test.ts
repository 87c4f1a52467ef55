/**
 * Linking the channel the annual clock posts to, from the channel tab open in a Teams channel (the host's
 * channel comes in the tab's address, as channelContentUrl puts it): HR makes it the service area's channel, a
 * supervisor the channel of a team they lead, and the links land in the ChannelLinks repository; an employee
 * sees no link buttons, and outside a channel the section says it works only in one. The people who sign in are
 * the demo personas, placed in the known city. Needs `npm run build -w tabs`.
 */
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import type { Person, Team } from '../../bot/src/domain/organisation';
import { DEMO_PERSONAS } from '../../bot/src/organisation-data/demo-municipality';
import { requireBuiltTabs } from '../app-package/tab-server';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { AREA_A, knownCity, storeKnownCity } from '../summaries/support/known-city';
import { axeViolations, launchTabsBrowser, type TabsBrowser } from './tabs-browser';

const tenantId = newTenantId();
const city = knownCity(tenantId);
const TEAMS_TEAM_ID = '19:hyvinvointi-tiimi@thread.tacv2';
const CHANNEL_ID = '19:hyvinvointi-muistutukset@thread.tacv2';
/** The supervisor persona leads two teams of their own in the known city's first area. */
const OMEGA = 'omega';
const SIGMA = 'sigma';

let app: RunningApp;
let tabs: TabsBrowser;

const persona = (
  key: 'employee' | 'hr' | 'supervisor',
  index: number,
  overrides: Partial<Person>,
): Person => ({
  ...city.member('alfa', 2),
  id: DEMO_PERSONAS[key].personId,
  email: `${key}@testikaupunki.fi`,
  aadObjectId: `00000000-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`,
  ...overrides,
});

beforeAll(async () => {
  requireBuiltTabs();
  app = await startTestApp({ DEMO_TENANT_ID: tenantId });
  const supervisorId = DEMO_PERSONAS.supervisor.personId;
  const led = (id: string, name: string): Team => ({
    tenantId,
    id,
    serviceAreaId: AREA_A,
    name,
    kind: 'team',
    supervisorId,
  });
  const people: Person[] = [
    persona('employee', 1, {}),
    persona('hr', 2, { serviceAreaId: city.hr.serviceAreaId, teamId: city.hr.teamId, roles: city.hr.roles }),
    persona('supervisor', 3, {
      teamId: OMEGA,
      supervisorId: city.director.id,
      roles: ['employee', 'supervisor'],
    }),
    persona('employee', 4, { id: 'omega-2', email: 'omega-2@testikaupunki.fi', teamId: OMEGA, supervisorId }),
    persona('employee', 5, { id: 'sigma-2', email: 'sigma-2@testikaupunki.fi', teamId: SIGMA, supervisorId }),
  ];
  await storeKnownCity(app.repositories, {
    ...city,
    teams: [...city.teams, led(OMEGA, 'Omega'), led(SIGMA, 'Sigma')],
    people: [...city.people, ...people],
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

const inChannel = `#/channel?serviceAreaId=${AREA_A}&teamsTeamId=${encodeURIComponent(TEAMS_TEAM_ID)}&channelId=${encodeURIComponent(CHANNEL_ID)}`;

const open = (hash: string, persona: 'employee' | 'hr' | 'supervisor'): Promise<Page> =>
  tabs.open(app.url, persona, hash);

const linkSection = (page: Page) => page.getByRole('region', { name: 'Kanava julkaisuille' });

describe('the channel tab links the channel the annual clock posts to', () => {
  test('HR makes the channel the service area’s channel', async () => {
    const page = await open(inChannel, 'hr');
    const section = linkSection(page);
    await section.getByText('Palvelualueelle ei ole vielä liitetty kanavaa.').waitFor();
    // HR leads no team: only the area's button.
    await expect(section.getByRole('button').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await section.getByRole('button', { name: 'Tee tästä kanavasta palvelualueen kanava' }).click();
    await section
      .getByText('Tämä kanava on nyt palvelualueen kanava: muistutukset ja koonnit julkaistaan tänne.')
      .waitFor();
    const link = await app.repositories.channelLinks.get(tenantId, AREA_A);
    expect(link?.value).toMatchObject({
      serviceAreaId: AREA_A,
      teamId: TEAMS_TEAM_ID,
      channelId: CHANNEL_ID,
      linkedBy: DEMO_PERSONAS.hr.personId,
    });
    await section.getByText('Tämä kanava on palvelualueen kanava.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Opened again, the tab tells the link it stored.
    const again = await open(inChannel, 'hr');
    await linkSection(again).getByText('Tämä kanava on palvelualueen kanava.').waitFor();
  });

  test('a supervisor posts their team’s reminders to the channel, from the keyboard', async () => {
    const page = await open(inChannel, 'supervisor');
    const section = linkSection(page);
    const button = section.getByRole('button', {
      name: 'Julkaise tiimin Omega muistutukset tälle kanavalle',
    });
    await button.waitFor();
    // A button per team led; a supervisor neither in HR nor on the area's management team cannot link the area.
    await expect(section.getByRole('button').allInnerTexts()).resolves.toEqual([
      'Julkaise tiimin Omega muistutukset tälle kanavalle',
      'Julkaise tiimin Sigma muistutukset tälle kanavalle',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    await button.focus();
    await page.keyboard.press('Enter');
    await section.getByText('Tiimin Omega muistutukset julkaistaan nyt tälle kanavalle.').waitFor();
    const link = await app.repositories.channelLinks.getForTeam(tenantId, OMEGA);
    expect(link?.value).toMatchObject({
      organisationTeamId: OMEGA,
      teamsTeamId: TEAMS_TEAM_ID,
      channelId: CHANNEL_ID,
      linkedBy: DEMO_PERSONAS.supervisor.personId,
    });
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the service decides: a team that is no longer theirs is refused with the reason', async () => {
    const page = await open(inChannel, 'supervisor');
    const button = linkSection(page).getByRole('button', {
      name: 'Julkaise tiimin Sigma muistutukset tälle kanavalle',
    });
    await button.waitFor();
    // Meanwhile the HR system's sync gives Sigma another supervisor.
    const sigma = await app.repositories.teams.get(tenantId, SIGMA);
    if (!sigma) throw new Error('no Sigma');
    await app.repositories.teams.update(sigma, { supervisorId: city.director.id });

    await button.click();
    await linkSection(page)
      .getByText(
        'Sinulla ei ole oikeutta liittää tiimin kanavaa. Sen voi tehdä tiimin esihenkilö tai henkilöstöpalvelut.',
      )
      .waitFor();
    await expect(app.repositories.channelLinks.getForTeam(tenantId, SIGMA)).resolves.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('an employee sees no link buttons', async () => {
    const page = await open(inChannel, 'employee');
    await page.getByRole('heading', { level: 2, name: 'Koonnit' }).waitFor();
    await page
      .getByText('Henkilöstöpalvelut ei ole vielä julkaissut koonteja tälle palvelualueelle.')
      .waitFor();
    await expect(linkSection(page).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /kanava/i }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('outside a channel the section says it works only in a Teams channel', async () => {
    const page = await open(`#/channel?serviceAreaId=${AREA_A}`, 'hr');
    const section = linkSection(page);
    await section.getByText(/^Kanavan voi liittää vain, kun välilehti on avattu Teams-kanavalla\./).waitFor();
    await expect(section.getByRole('button').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
