/**
 * HR's privacy view in headless Chromium against the real service: a person erased on request is blocked from
 * the next people import, and when they return to work HR allows the import again in "Salli poistetun henkilön
 * tuonti uudelleen" — told when there is nothing to allow, or when the id is missing. Needs
 * `npm run build -w tabs`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningApp } from '../../bot/src/app';
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { Person } from '../../bot/src/domain/organisation';
import { demoPersonas, generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
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
/** Someone who left, is erased, and then returns to work. */
const returner: Person = {
  ...employee,
  id: 'returner-1',
  firstName: 'Palaava',
  lastName: 'Henkilö',
  email: 'returner@example.test',
  aadObjectId: null,
};

let app: RunningApp;
let tabs: TabsBrowser;

beforeAll(async () => {
  if (!existsSync(join(TABS_DIST, 'index.html')))
    throw new Error('tabs/dist is missing: run `npm run build -w tabs`');
  app = await startTestApp({ DEMO_DATA: 'on', DEMO_TENANT_ID: tenantId }, { now: () => NOW });
  await app.repositories.people.createPerson(returner);
  await app.repositories.developmentDiscussions.create(
    newDevelopmentDiscussion(returner, 2026, NOW.toISOString()),
  );
  tabs = await launchTabsBrowser({ now: NOW });
}, 120_000);

afterAll(async () => {
  await tabs?.closePages();
  await tabs?.close();
  await app?.stop();
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
  const dialog = page.getByRole('alertdialog', { name: `Poistetaanko henkilön ${returner.id} tiedot?` });
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
