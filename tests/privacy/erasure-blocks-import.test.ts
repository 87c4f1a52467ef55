/**
 * An erased person stays erased: the next people import from an HR export that still lists them is refused at
 * their row (or, skipping bad rows, leaves them out), until HR lifts the block because the person returned.
 * Over HTTP and the import against real Azurite.
 */
import { formatImportError } from '../../bot/src/organisation-data/import-messages';
import { importPeopleCsv } from '../../bot/src/organisation-data/people-import';
import { toPeopleCsv } from '../../bot/src/organisation-data/people-csv-writer';
import type { SignInOrganisation } from '../support/tokens';
import { call, newOrganisation, startTabsApi, tokenOf, type TestApi } from '../api/tabs-api-fixture';

type ErrorBody = { error: { code: string; message: string } };

let api: TestApi;

beforeAll(async () => {
  api = await startTabsApi();
});

afterAll(async () => {
  await api?.stop();
});

/** HR's export: everyone in the organisation, the erased employee included. */
const exportOf = (org: SignInOrganisation): string =>
  toPeopleCsv(Object.values(org.people), [...org.snapshot.serviceAreas], [...org.snapshot.teams]);

const importExport = (org: SignInOrganisation, skipBadRows = false) =>
  importPeopleCsv(api.app.repositories, org.tenantId, exportOf(org), { skipBadRows });

test('an erased person is not imported again until HR allows it', async () => {
  const org = await newOrganisation(api.app);
  const { employee, hr, supervisor } = org.people;
  const people = api.app.repositories.people;
  const hrToken = await tokenOf(api.app, org, hr);
  expect((await importExport(org)).kind).toBe('written');

  const erased = await call(api.app, hrToken, 'POST', `/api/v1/people/${employee.id}/erasure`, {
    body: { confirmPersonId: employee.id },
  });
  expect(erased.status).toBe(200);

  const refused = await importExport(org);
  expect(refused.kind).toBe('refused');
  const row = Object.values(org.people).findIndex((p) => p.id === employee.id) + 2;
  expect(refused.errors).toEqual([
    expect.objectContaining({ row, code: 'erasedPerson', params: { value: employee.id } }),
  ]);
  expect(formatImportError(refused.errors[0]!, 'fi')).toContain(
    `Henkilön "${employee.id}" tiedot on poistettu tietosuojapyynnöstä`,
  );
  expect(await people.getPerson(org.tenantId, employee.id)).toBeNull();

  // Skipping bad rows imports everyone else.
  const skipped = await importExport(org, true);
  expect(skipped).toMatchObject({ kind: 'written', skippedRows: [row] });
  expect(await people.getPerson(org.tenantId, employee.id)).toBeNull();

  // Only HR lifts the block; lifting one that is not there says so.
  const notHr = await call(
    api.app,
    await tokenOf(api.app, org, supervisor),
    'DELETE',
    `/api/v1/hr/privacy/erased/${employee.id}`,
  );
  expect(notHr.status).toBe(403);
  const lifted = await call(api.app, hrToken, 'DELETE', `/api/v1/hr/privacy/erased/${employee.id}`);
  expect(lifted.status).toBe(200);
  const again = await call<ErrorBody>(
    api.app,
    hrToken,
    'DELETE',
    `/api/v1/hr/privacy/erased/${employee.id}`,
    {
      locale: 'fi',
    },
  );
  expect(again.status).toBe(404);
  expect(again.body.error.message).toBe(
    'Tällä henkilönumerolla ei ole poistettua henkilöä, joten tuontia ei tarvitse sallia.',
  );

  expect((await importExport(org)).kind).toBe('written');
  expect((await people.getPerson(org.tenantId, employee.id))?.value.email).toBe(employee.email);
});

test('a block names nobody and stays in its organisation', async () => {
  const org = await newOrganisation(api.app);
  const other = await newOrganisation(api.app);
  const { employee, hr } = org.people;
  await call(api.app, await tokenOf(api.app, org, hr), 'POST', `/api/v1/people/${employee.id}/erasure`, {
    body: { confirmPersonId: employee.id },
  });

  // The other organisation has a person with the same id: its import is not blocked.
  expect(
    (await importPeopleCsv(api.app.repositories, other.tenantId, exportOf(other), { skipBadRows: false }))
      .kind,
  ).toBe('written');
  const isErased = await api.app.repositories.erasedPeople.matcher(org.tenantId);
  expect(isErased(employee.id)).toBe(true);
  expect(isErased(org.people.supervisor.id)).toBe(false);
});

test('the organisation’s privacy log shows erasures, lifted blocks and retention changes to HR only', async () => {
  type LogPage = {
    entries: Array<{
      action: string;
      recordKind: string;
      count: number | null;
      actorId: string | null;
      subjectId: string | null;
    }>;
  };
  const org = await newOrganisation(api.app);
  const other = await newOrganisation(api.app);
  const { employee, hr, supervisor } = org.people;
  const hrToken = await tokenOf(api.app, org, hr);
  await call(api.app, hrToken, 'POST', `/api/v1/people/${employee.id}/erasure`, {
    body: { confirmPersonId: employee.id },
  });
  await call(api.app, hrToken, 'DELETE', `/api/v1/hr/privacy/erased/${employee.id}`);
  const years = { developmentDiscussions: 5, groupDiscussions: 5, developmentActionRequests: 3, auditLog: 2 };
  expect(
    (await call(api.app, hrToken, 'PUT', '/api/v1/hr/privacy/retention', { body: { years } })).status,
  ).toBe(200);

  const log = await call<LogPage>(api.app, hrToken, 'GET', '/api/v1/hr/privacy/organisation-log');
  expect(log.status).toBe(200);
  const summary = log.body.entries
    .map((e) => `${e.action} ${e.recordKind} ${e.count} by ${e.actorId}`)
    .sort();
  expect(summary).toEqual(
    [
      `change erasureBlock 1 by ${hr.id}`,
      `change retentionPolicy null by ${hr.id}`,
      `erase person 1 by ${hr.id}`,
    ].sort(),
  );
  expect(log.body.entries.every((e) => e.subjectId === null)).toBe(true);

  const refused = await call(
    api.app,
    await tokenOf(api.app, org, supervisor),
    'GET',
    '/api/v1/hr/privacy/organisation-log',
  );
  expect(refused.status).toBe(403);
  const theirs = await call<LogPage>(
    api.app,
    await tokenOf(api.app, other, other.people.hr),
    'GET',
    '/api/v1/hr/privacy/organisation-log',
  );
  expect(theirs.body.entries).toEqual([]);
});
