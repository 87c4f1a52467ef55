/**
 * The privacy views in headless Chromium against the real service: the employee's "My data" (download of
 * everything held about them, and their audit log) and HR's "Privacy" (retention times, a person's log,
 * erasure with a confirmation dialog), each usable by label and passing axe-core. Needs `npm run build -w tabs`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { Person } from '../../bot/src/domain/organisation';
import { demoPersonas, generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import type { PersonalDataExport } from '../../bot/src/privacy/personal-data-export';
import { startTestApp } from '../support/app';
import { artifactPath } from '../support/browser';
import { newTenantId } from '../support/storage';
import { TABS_DIST } from '../app-package/tab-server';
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

let app: RunningApp;
let tabs: TabsBrowser;

beforeAll(async () => {
  if (!existsSync(join(TABS_DIST, 'index.html')))
    throw new Error('tabs/dist is missing: run `npm run build -w tabs`');
  app = await startTestApp({ DEMO_DATA: 'on', DEMO_TENANT_ID: tenantId }, { now: () => NOW });
  await app.repositories.developmentDiscussions.create({
    ...newDevelopmentDiscussion(employee, 2026, NOW.toISOString()),
    goals: [{ id: 'g1', text: 'Oma tavoite', status: 'open' }],
  });
  await app.repositories.people.createPerson(leaver);
  await app.repositories.developmentDiscussions.create(
    newDevelopmentDiscussion(leaver, 2026, NOW.toISOString()),
  );
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
  await lookup.getByRole('heading', { name: `Henkilö ${employee.id}` }).waitFor();
  await lookup.getByRole('button', { name: 'Lataa henkilön tiedot (JSON)' }).waitFor();

  const erasure = page.getByRole('region', { name: 'Henkilön tietojen poisto' });
  await erasure.getByLabel('Henkilönumero').fill(leaver.id);
  await erasure.getByRole('button', { name: 'Poista henkilön tiedot…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Poistetaanko henkilön ${leaver.id} tiedot?` });
  await dialog.waitFor();
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
