/**
 * The privacy views in headless Chromium against the real service: the employee's "My data" (download of
 * everything held about them, and their audit log) and HR's "Privacy" (retention times, a person's log,
 * erasure with a confirmation dialog, and allowing an erased person who returned to be imported again), each
 * usable by label and passing axe-core. Needs `npm run build -w tabs`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { Person } from '../../bot/src/domain/organisation';
import { demoPersonas, generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import type { PersonalDataExport } from '../../bot/src/privacy/personal-data-export';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { newTenantId } from '../support/storage';
import { requireBuiltTabs } from '../app-package/tab-server';
import { axeViolations, launchTabsBrowser, type TabsBrowser } from './tabs-browser';

const NOW = new Date('2026-11-23T10:00:00Z');
const tenantId = newTenantId();
const demo = generateDemoMunicipality(tenantId);
const personas = demoPersonas(demo);
const employee = demo.people.find((p) => p.id === personas.employee.personId) as Person;
/** Someone who has left, to be erased. */
const leaver: Person = {
  ...employee,
  id: 'leaver-1',
  firstName: 'Lähtenyt',
  lastName: 'Henkilö',
  email: 'leaver@example.test',
  aadObjectId: null,
};

/** Someone who left, is erased, and then returns to work. */
const returner: Person = {
  ...employee,
  id: 'returner-1',
  firstName: 'Palaava',
  lastName: 'Henkilö',
  email: 'returner@example.test',
  aadObjectId: null,
};

/** The person's service area and team as the organisation names them. */
const unitOf = (person: Person): { area: string; team: string } => ({
  area: demo.serviceAreas.find((area) => area.id === person.serviceAreaId)?.name ?? '',
  team: demo.teams.find((team) => team.id === person.teamId)?.name ?? '',
});

let app: RunningApp;
let tabs: TabsBrowser;

beforeAll(async () => {
  requireBuiltTabs();
  app = await startTestApp({ DEMO_DATA: 'on', DEMO_TENANT_ID: tenantId }, { now: () => NOW });
  await app.repositories.developmentDiscussions.create({
    ...newDevelopmentDiscussion(employee, 2026, NOW.toISOString()),
    goals: [{ id: 'g1', text: 'Oma tavoite', status: 'open' }],
  });
  for (const gone of [leaver, returner]) {
    await app.repositories.people.createPerson(gone);
    await app.repositories.developmentDiscussions.create(
      newDevelopmentDiscussion(gone, 2026, NOW.toISOString()),
    );
  }
  // The pages' clock agrees with the service's: the same "now" for what is past and which round is current.
  tabs = await launchTabsBrowser({ now: NOW });
}, 120_000);

afterEach(async () => {
  await tabs?.closePages();
});

afterAll(async () => {
  await tabs?.close();
  await app?.stop();
});

const open = (persona: keyof typeof personas, hash: string): Promise<Page> =>
  tabs.open(app.url, persona, hash);

test('the employee downloads their data and sees who has handled it', async () => {
  const page = await open('employee', '#/personal');
  await page.getByRole('heading', { level: 2, name: 'Omat tietoni' }).waitFor();
  // Opening the page read the discussion: that read is in the log.
  await page.getByRole('table', { name: 'Kuka on lukenut tai muuttanut tietoja, uusin ensin' }).waitFor();
  await page.getByRole('cell', { name: 'Luki' }).first().waitFor();
  expect(await axeViolations(page)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lataa tietoni (JSON)' }).click(),
  ]);
  const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as PersonalDataExport;
  expect(data.person?.id).toBe(employee.id);
  expect(data.developmentDiscussions.map((d) => d.goals[0]?.text)).toEqual(['Oma tavoite']);
  await page.getByText('Tiedosto on ladattu.').waitFor();
  await page.screenshot({ path: artifactPath('tabs-my-data.png'), fullPage: true });
});

test('at phone width (360 px) the audit log scrolls by keyboard and says that it scrolls', async () => {
  const page = await open('employee', '#/personal');
  await page.setViewportSize({ width: 360, height: 740 });
  const log = page.getByRole('region', { name: 'Kuka on lukenut tai muuttanut tietoja, uusin ensin' });
  await log.getByRole('cell', { name: 'Luki' }).first().waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByText('Taulukko jatkuu sivulle: vieritä vaakasuunnassa', { exact: false }).first().waitFor();
  // The region is a keyboard stop, and the arrow key scrolls it.
  await log.focus();
  expect(await log.evaluate((element) => element === document.activeElement)).toBe(true);
  const before = await log.evaluate((element) => element.scrollLeft);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  let after = before;
  for (let tries = 0; tries < 40 && after === before; tries++) {
    await page.waitForTimeout(50);
    after = await log.evaluate((element) => element.scrollLeft);
  }
  expect(after).toBeGreaterThan(before);
  await page.screenshot({ path: artifactPath('tabs-audit-log-360.png'), fullPage: true });
});

test('HR saves retention times, looks up a person’s log and erases a person who has left', async () => {
  const page = await open('hr', '#/hr?view=privacy');
  await page.getByRole('heading', { level: 2, name: 'Säilytysajat' }).waitFor();
  await page.getByText('Säilytysaikoja ei ole vielä tallennettu').waitFor();
  expect(await axeViolations(page)).toEqual([]);

  const field = page.getByLabel('Tapahtumaloki: vuotta merkinnästä');
  await field.fill('0');
  await page.getByRole('button', { name: 'Tallenna säilytysajat' }).click();
  await page.getByText('Anna kokonaisluku väliltä 1–30.').first().waitFor();
  expect(await app.repositories.retentionPolicies.get(tenantId)).toBeNull();
  await field.fill('4');
  await page.getByRole('button', { name: 'Tallenna säilytysajat' }).click();
  await page.getByText('Säilytysajat tallennettu.').waitFor();
  expect((await app.repositories.retentionPolicies.get(tenantId))?.value.years.auditLog).toBe(4);

  const lookup = page.getByRole('region', { name: 'Henkilön tiedot ja loki' });
  await lookup.getByLabel('Henkilönumero').fill(employee.id);
  await lookup.getByRole('button', { name: 'Näytä' }).click();
  // Whose data this is: the name and unit, not only "Henkilö 10026".
  await lookup
    .getByRole('heading', {
      name: `${employee.firstName} ${employee.lastName} (${employee.id}) – ${unitOf(employee).area}, ${unitOf(employee).team}`,
    })
    .waitFor();
  await lookup.getByRole('button', { name: 'Lataa henkilön tiedot (JSON)' }).waitFor();

  const erasure = page.getByRole('region', { name: 'Henkilön tietojen poisto' });
  await erasure.getByLabel('Henkilönumero').fill(leaver.id);
  await erasure.getByRole('button', { name: 'Poista henkilön tiedot…' }).click();
  const dialog = page.getByRole('alertdialog', {
    name: `Poistetaanko henkilön ${leaver.firstName} ${leaver.lastName} (${leaver.id}) tiedot?`,
  });
  await dialog.waitFor();
  await dialog.getByText(`Palvelualue: ${unitOf(leaver).area}. Tiimi: ${unitOf(leaver).team}.`).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  const confirm = dialog.getByRole('button', { name: 'Poista pysyvästi' });
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByLabel('Henkilönumero uudelleen').fill(leaver.id);
  await confirm.click();
  await page.getByText(`Henkilön ${leaver.id} tiedot poistettiin (2 tietuetta).`).waitFor();
  expect(await app.repositories.people.getPerson(tenantId, leaver.id)).toBeNull();
  expect(await app.repositories.developmentDiscussions.get(tenantId, 2026, leaver.id)).toBeNull();
  await page.screenshot({ path: artifactPath('tabs-hr-privacy.png'), fullPage: true });
});

const isBlocked = async (personId: string): Promise<boolean> =>
  (await app.repositories.erasedPeople.matcher(tenantId))(personId);

test('HR erases a person who left and, when they return, allows the import again', async () => {
  const page = await tabs.open(app.url, 'hr', '#/hr?view=privacy');

  // Erasure tells HR that the person will not come back with the next import.
  const erasure = page.getByRole('region', { name: 'Henkilön tietojen poisto' });
  await erasure.getByText('Poistettua henkilöä ei tuoda uudelleen HR-järjestelmän viennistä.').waitFor();
  await erasure.getByLabel('Henkilönumero').fill(returner.id);
  await erasure.getByRole('button', { name: 'Poista henkilön tiedot…' }).click();
  const dialog = page.getByRole('alertdialog', {
    name: `Poistetaanko henkilön ${returner.firstName} ${returner.lastName} (${returner.id}) tiedot?`,
  });
  await dialog.getByLabel('Henkilönumero uudelleen').fill(returner.id);
  await dialog.getByRole('button', { name: 'Poista pysyvästi' }).click();
  await page
    .getByText(`Henkilön ${returner.id} tiedot poistettiin (2 tietuetta). Häntä ei tuoda uudelleen.`)
    .waitFor();
  expect(await isBlocked(returner.id)).toBe(true);
  // The closed dialog leaves the page readable: nothing outside it stays hidden from screen readers.
  await page.getByRole('alertdialog').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.querySelector('#root[aria-hidden]') === null);
  expect(await axeViolations(page)).toEqual([]);

  // Later the person returns to work, and HR allows the import on the same page.
  const later = page;
  const lifts: string[] = [];
  later.on('request', (request) => {
    if (request.method() === 'DELETE') lifts.push(request.url());
  });

  const reimport = later.getByRole('region', { name: 'Salli poistetun henkilön tuonti uudelleen' });
  await reimport
    .getByText('Henkilöä, jonka tiedot on poistettu, ei tuoda uudelleen HR-järjestelmän viennistä.', {
      exact: false,
    })
    .waitFor();
  expect(await axeViolations(later)).toEqual([]);

  // Nothing typed: the field says what is missing, and the block stays.
  const field = reimport.getByLabel('Henkilönumero');
  const allow = reimport.getByRole('button', { name: 'Salli tuonti' });
  await allow.click();
  await reimport.getByText('Anna henkilönumero.').waitFor();
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(await reimport.getByRole('status').textContent()).toBe('');
  expect(lifts).toEqual([]);
  expect(await isBlocked(returner.id)).toBe(true);
  expect(await axeViolations(later)).toEqual([]);

  // The person returned: HR allows the import, and the next import no longer leaves them out.
  await field.fill(returner.id);
  expect(await reimport.getByText('Anna henkilönumero.').count()).toBe(0);
  await allow.click();
  await reimport
    .getByRole('status')
    .getByText(
      `Henkilön ${returner.id} tuonti sallittiin: seuraava henkilötietojen tuonti tuo hänet takaisin.`,
    )
    .waitFor();
  expect(await field.inputValue()).toBe('');
  expect(lifts).toEqual([`${app.url}/api/v1/hr/privacy/erased/${returner.id}`]);
  expect(await isBlocked(returner.id)).toBe(false);
  expect(await axeViolations(later)).toEqual([]);
  await later.screenshot({ path: artifactPath('tabs-hr-erasure-lift.png'), fullPage: true });

  // Again: there is nothing left to allow, and the service says so in the page's language.
  await field.fill(returner.id);
  await allow.click();
  await reimport
    .getByRole('status')
    .getByText('Tällä henkilönumerolla ei ole poistettua henkilöä, joten tuontia ei tarvitse sallia.')
    .waitFor();
  expect(await isBlocked(returner.id)).toBe(false);
  expect(await axeViolations(later)).toEqual([]);

  // The organisation's privacy log shows what was erased and the lifted block, by whom, never whose.
  await later.reload();
  const orgLog = later.getByRole('region', { name: 'Organisaation tietosuojaloki' });
  const rows = orgLog.getByRole('table').getByRole('row');
  await rows.filter({ hasText: 'Poistetun henkilön tuontiesto (1)' }).waitFor();
  const texts = await rows.allInnerTexts();
  expect(
    texts.some((text) => text.includes('Muutti') && text.includes('Poistetun henkilön tuontiesto (1)')),
  ).toBe(true);
  expect(texts.some((text) => text.includes('Poisti') && text.includes('Henkilötieto (1)'))).toBe(true);
  expect(texts.join('\n')).not.toContain(returner.id);
  expect(await axeViolations(later)).toEqual([]);
});
