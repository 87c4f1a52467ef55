/**
 * The privacy API over HTTP against real Azurite: a person's data export, the audit log of who read or changed
 * whose development discussion (from the cards and the tabs), HR's retention policy and erasure of a person.
 */
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { DevelopmentDiscussion } from '../../bot/src/domain/development-discussion';
import type { GroupCompetenceDiscussion } from '../../bot/src/domain/group-discussion';
import type { Person } from '../../bot/src/domain/organisation';
import { VERBS } from '../../bot/src/cards/verbs';
import type { AuditLogPage } from '../../bot/src/contract/privacy';
import type { PersonalDataExport } from '../../bot/src/privacy/personal-data-export';
import type { RetentionPolicyView } from '../../bot/src/contract/privacy';
import { cardAction, invokeCard } from '../support/activities';
import type { SignInOrganisation } from '../support/tokens';
import { button } from '../cards/card-helpers';
import {
  call,
  IN_WINDOW,
  meetingPath,
  newOrganisation,
  NOW,
  openPersonalChat,
  ROUND_YEAR,
  startTabsApi,
  tokenOf,
  type TestApi,
} from '../api/tabs-api-fixture';

let api: TestApi;

beforeAll(async () => {
  api = await startTabsApi();
});

afterAll(async () => {
  await api?.stop();
});

type ErrorBody = { error: { code: string; message: string } };

function discussion(
  person: Person,
  year: number,
  changes: Partial<DevelopmentDiscussion>,
): DevelopmentDiscussion {
  return { ...newDevelopmentDiscussion(person, year, NOW.toISOString()), ...changes };
}

function groupDiscussion(org: SignInOrganisation, texts: Record<string, string>): GroupCompetenceDiscussion {
  const at = NOW.toISOString();
  return {
    tenantId: org.tenantId,
    id: 'g-2026',
    year: 2026,
    level: 'team',
    teamId: 't-team',
    serviceAreaId: 'sa-1',
    chairId: org.people.supervisor.id,
    status: 'open',
    contributions: Object.entries(texts).map(([authorId, text], i) => ({
      id: `c${i}`,
      theme: 'futureNeeds',
      text,
      authorId,
      at,
    })),
    conclusions: {},
    updatedAt: at,
  };
}

/** An organisation whose employee and colleague have records of every kind. */
async function organisationWithRecords(): Promise<SignInOrganisation> {
  const org = await newOrganisation(api.app);
  const { employee, cooperationMember } = org.people;
  const repos = api.app.repositories;
  await Promise.all([
    repos.developmentDiscussions.create(
      discussion(employee, 2025, {
        status: 'signed',
        goals: [{ id: 'g1', text: 'Oma tavoite 2025', status: 'done' }],
      }),
    ),
    repos.developmentDiscussions.create(
      discussion(employee, 2026, {
        learningGoals: [{ id: 'l1', text: 'Oma oppimistavoite', status: 'open', way: '20' }],
      }),
    ),
    repos.developmentDiscussions.create(
      discussion(cooperationMember, 2026, { goals: [{ id: 'x', text: 'Kollegan tavoite', status: 'open' }] }),
    ),
    repos.groupDiscussions.create(
      groupDiscussion(org, {
        [employee.id]: 'Oma ryhmäpuheenvuoro',
        [cooperationMember.id]: 'Kollegan puheenvuoro',
      }),
    ),
    repos.developmentActionRequests.create({
      tenantId: org.tenantId,
      year: 2026,
      personId: employee.id,
      serviceAreaId: 'sa-1',
      kind: 'workSupervision',
      form: 'individual',
      status: 'requested',
      updatedAt: NOW.toISOString(),
    }),
  ]);
  await openPersonalChat(api, org.tenantId, employee);
  return org;
}

async function download(
  token: string,
  path: string,
): Promise<{ status: number; disposition: string | null; body: unknown }> {
  const response = await fetch(`${api.app.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
  });
  return {
    status: response.status,
    disposition: response.headers.get('content-disposition'),
    body: await response.json(),
  };
}

describe('data export', () => {
  test('holds everything about me and nothing about anyone else, nor another organisation', async () => {
    const org = await organisationWithRecords();
    const other = await organisationWithRecords(); // the same person ids in another tenant
    await api.app.repositories.developmentDiscussions.create(
      discussion(other.people.employee, 2024, {
        goals: [{ id: 'o', text: 'Toisen kunnan tavoite', status: 'open' }],
      }),
    );
    const { employee } = org.people;
    await api.app.repositories.languageChoices.create({
      tenantId: org.tenantId,
      personId: employee.id,
      locale: 'en',
      updatedAt: '2026-11-20T08:00:00.000Z',
    });

    const answer = await download(await tokenOf(api.app, org, employee), '/api/v1/me/data-export');

    expect(answer.status).toBe(200);
    expect(answer.disposition).toMatch(
      /^attachment; filename="osaamiskello-tiedot-p-employee-2026-11-23\.json"$/,
    );
    const data = answer.body as PersonalDataExport;
    expect(data.format).toBe('osaamiskello.personal-data');
    expect(data.tenantId).toBe(org.tenantId);
    expect(data.person?.id).toBe(employee.id);
    expect(data.roles).toEqual(['employee']);
    expect(data.developmentDiscussions.map((d) => d.year)).toEqual([2025, 2026]);
    expect(data.developmentDiscussions[0]?.goals[0]?.text).toBe('Oma tavoite 2025');
    expect(data.developmentDiscussions[1]?.learningGoals[0]?.text).toBe('Oma oppimistavoite');
    expect(data.groupDiscussionContributions.map((c) => c.text)).toEqual(['Oma ryhmäpuheenvuoro']);
    expect(data.developmentActionRequests.map((r) => r.kind)).toEqual(['workSupervision']);
    expect(data.languageChoice).toMatchObject({ personId: employee.id, locale: 'en' });
    expect(data.conversationReferences).toHaveLength(1);
    expect(data.conversationReferences[0]?.address).toEqual({
      kind: 'user',
      aadObjectId: employee.aadObjectId,
    });
    const text = JSON.stringify(data);
    expect(text).not.toContain('Kollegan');
    expect(text).not.toContain('Toisen kunnan');
    expect(text).not.toContain(other.tenantId);

    // The export itself is in my log.
    const log = await call<AuditLogPage>(
      api.app,
      await tokenOf(api.app, org, employee),
      'GET',
      '/api/v1/me/audit-log',
    );
    expect(log.body.entries.map((e) => [e.action, e.recordKind, e.actorId])).toContainEqual([
      'export',
      'personalData',
      employee.id,
    ]);
  });

  test('only HR exports another person’s data', async () => {
    const org = await organisationWithRecords();
    const { employee, cooperationMember, supervisor, hr } = org.people;
    const path = `/api/v1/people/${cooperationMember.id}/data-export`;

    for (const caller of [employee, supervisor]) {
      const refused = await download(await tokenOf(api.app, org, caller), path);
      expect(refused.status).toBe(403);
    }
    const answer = await download(await tokenOf(api.app, org, hr), path);
    expect(answer.status).toBe(200);
    const data = answer.body as PersonalDataExport;
    expect(data.person?.id).toBe(cooperationMember.id);
    expect(JSON.stringify(data)).toContain('Kollegan tavoite');
    expect(JSON.stringify(data)).not.toContain('Oma tavoite');

    const unknown = await call<ErrorBody>(
      api.app,
      await tokenOf(api.app, org, hr),
      'GET',
      '/api/v1/people/nobody/data-export',
      { locale: 'sv' },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Det finns inga uppgifter om personen i denna organisation.');
  });
});

describe('audit log', () => {
  test('reading and changing a discussion is logged for the person and HR, not for a colleague', async () => {
    const org = await organisationWithRecords();
    const { employee, supervisor, cooperationMember, hr } = org.people;
    const invoke = (p: Person, verb: string, data: Record<string, unknown>) =>
      invokeCard(
        api.app.url,
        cardAction({ tenantId: org.tenantId, aadObjectId: p.aadObjectId ?? '' }, verb, data, {
          serviceUrl: api.connector.serviceUrl,
        }),
      );

    // The supervisor reads the 2026 discussion on a card; the employee opens it and changes it on a card (the
    // change's entry stands for the read of the changed card too).
    await invoke(supervisor, VERBS.open, { employeeId: employee.id, year: 2026, view: { kind: 'summary' } });
    const step = await invoke(employee, VERBS.open, {
      employeeId: employee.id,
      year: 2026,
      view: { kind: 'step', step: 1 },
    });
    await invoke(employee, VERBS.savePreparation, {
      ...button(step, VERBS.savePreparation, 'Tallenna ja jatka'),
      s_pastYearReview: 'Vuosi meni hyvin.',
    });
    // The supervisor schedules next year's discussion in the team tab.
    const scheduled = await call(
      api.app,
      await tokenOf(api.app, org, supervisor),
      'PUT',
      meetingPath(employee.id),
      {
        body: { scheduledAt: IN_WINDOW, durationMinutes: 60 },
      },
    );
    expect(scheduled.status).toBe(200);

    const summary = (page: AuditLogPage) =>
      page.entries
        .filter((e) => e.recordKind === 'developmentDiscussion')
        .map((e) => `${e.action} ${e.year} by ${e.actorId} via ${e.channel}`)
        .sort();
    const expected = [
      `change ${ROUND_YEAR} by ${supervisor.id} via tab`,
      `change 2026 by ${employee.id} via card`,
      `read 2026 by ${employee.id} via card`,
      `read 2026 by ${supervisor.id} via card`,
    ].sort();

    const mine = await call<AuditLogPage>(
      api.app,
      await tokenOf(api.app, org, employee),
      'GET',
      '/api/v1/me/audit-log',
    );
    expect(mine.status).toBe(200);
    expect(summary(mine.body)).toEqual(expected);
    expect(mine.body.entries.find((e) => e.actorId === supervisor.id)?.actorName).toBe(
      'p-supervisor Testinen',
    );
    expect(JSON.stringify(mine.body)).not.toContain('Vuosi meni hyvin');

    const forHr = await call<AuditLogPage>(
      api.app,
      await tokenOf(api.app, org, hr),
      'GET',
      `/api/v1/people/${employee.id}/audit-log`,
    );
    expect(forHr.status).toBe(200);
    expect(summary(forHr.body)).toEqual(expected);

    const colleague = await tokenOf(api.app, org, cooperationMember);
    const refused = await call<ErrorBody>(
      api.app,
      colleague,
      'GET',
      `/api/v1/people/${employee.id}/audit-log`,
      {
        locale: 'fi',
      },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Sinulla ei ole oikeutta tähän.');
    const colleagueOwn = await call<AuditLogPage>(api.app, colleague, 'GET', '/api/v1/me/audit-log');
    expect(colleagueOwn.body.entries).toEqual([]);

    // HR's look at the log is itself in the log.
    const after = await call<AuditLogPage>(
      api.app,
      await tokenOf(api.app, org, employee),
      'GET',
      '/api/v1/me/audit-log',
    );
    expect(after.body.entries.map((e) => [e.action, e.recordKind, e.actorId])).toContainEqual([
      'read',
      'auditLog',
      hr.id,
    ]);
  });

  test('opening my competence page is logged as my own read', async () => {
    const org = await organisationWithRecords();
    const token = await tokenOf(api.app, org, org.people.employee);
    expect((await call(api.app, token, 'GET', '/api/v1/my/competence')).status).toBe(200);
    const log = await call<AuditLogPage>(api.app, token, 'GET', '/api/v1/me/audit-log');
    expect(log.body.entries.map((e) => [e.action, e.recordKind, e.count, e.channel])).toEqual([
      ['read', 'developmentDiscussion', 2, 'tab'],
    ]);
  });
});

describe('retention policy', () => {
  const path = '/api/v1/hr/privacy/retention';
  const years = { developmentDiscussions: 6, groupDiscussions: 4, developmentActionRequests: 2, auditLog: 3 };

  test('only HR reads and sets it', async () => {
    const org = await newOrganisation(api.app);
    for (const caller of [org.people.employee, org.people.supervisor, org.people.cityManager]) {
      const token = await tokenOf(api.app, org, caller);
      expect((await call(api.app, token, 'GET', path)).status).toBe(403);
      expect((await call(api.app, token, 'PUT', path, { body: { years } })).status).toBe(403);
    }
    expect(await api.app.repositories.retentionPolicies.get(org.tenantId)).toBeNull();
  });

  test('invalid bodies are refused in the user’s language and store nothing', async () => {
    const org = await newOrganisation(api.app);
    const token = await tokenOf(api.app, org, org.people.hr);
    const invalid: unknown[] = [
      {},
      { years: { ...years, auditLog: 0 } },
      { years: { ...years, developmentDiscussions: 31 } },
      { years: { ...years, groupDiscussions: 2.5 } },
      { years: { ...years, auditLog: '3' } },
      { years: { developmentDiscussions: 5, groupDiscussions: 5, developmentActionRequests: 5 } },
      { years: { ...years, summaries: 5 } },
      { years, extra: true },
    ];
    for (const body of invalid) {
      const answer = await call<ErrorBody>(api.app, token, 'PUT', path, { body, locale: 'fi' });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toBe('Pyyntö ei ollut kelvollinen.');
    }
    const sv = await call<ErrorBody>(api.app, token, 'PUT', path, { body: {}, locale: 'sv' });
    expect(sv.body.error.message).toBe('Begäran var ogiltig.');
    expect(await api.app.repositories.retentionPolicies.get(org.tenantId)).toBeNull();
    const view = await call<RetentionPolicyView>(api.app, token, 'GET', path);
    expect(view.body).toMatchObject({ stored: false, etag: null, limits: { min: 1, max: 30 } });
  });

  test('saves with the ETag it read; a stale save is a conflict and stores nothing', async () => {
    const org = await newOrganisation(api.app);
    const token = await tokenOf(api.app, org, org.people.hr);

    const first = await call<RetentionPolicyView>(api.app, token, 'PUT', path, { body: { years } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ years, stored: true });
    const staleEtag = first.body.etag;

    const changed = { ...years, auditLog: 10 };
    const second = await call<RetentionPolicyView>(api.app, token, 'PUT', path, {
      body: { years: changed },
      ifMatch: staleEtag,
    });
    expect(second.status).toBe(200);

    const stale = await call<ErrorBody & { error: { details: { latest: RetentionPolicyView } } }>(
      api.app,
      token,
      'PUT',
      path,
      { body: { years: { ...years, auditLog: 20 } }, ifMatch: staleEtag, locale: 'en' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('edit.conflict');
    expect(stale.body.error.details.latest.years.auditLog).toBe(10);
    const noEtag = await call(api.app, token, 'PUT', path, { body: { years } });
    expect(noEtag.status).toBe(409);
    expect((await api.app.repositories.retentionPolicies.get(org.tenantId))?.value.years).toEqual(changed);
  });
});

describe('erasure', () => {
  test('HR erases a person who has left: their records go, colleagues’ and aggregates stay', async () => {
    const org = await organisationWithRecords();
    const { employee, cooperationMember, supervisor, hr } = org.people;
    const repos = api.app.repositories;
    const hrToken = await tokenOf(api.app, org, hr);
    const path = `/api/v1/people/${employee.id}/erasure`;
    // Something in the employee's audit log.
    await call(api.app, await tokenOf(api.app, org, employee), 'GET', '/api/v1/my/competence');
    // And their own choice of language, which goes with them.
    await repos.languageChoices.create({
      tenantId: org.tenantId,
      personId: employee.id,
      locale: 'sv',
      updatedAt: new Date().toISOString(),
    });

    for (const caller of [employee, supervisor, cooperationMember]) {
      const refused = await call(api.app, await tokenOf(api.app, org, caller), 'POST', path, {
        body: { confirmPersonId: employee.id },
      });
      expect(refused.status).toBe(403);
    }
    const mismatch = await call<ErrorBody>(api.app, hrToken, 'POST', path, {
      body: { confirmPersonId: cooperationMember.id },
      locale: 'fi',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.message).toBe(
      'Vahvistus ei vastaa poistettavaa henkilöä. Mitään ei poistettu.',
    );
    const self = await call<ErrorBody>(api.app, hrToken, 'POST', `/api/v1/people/${hr.id}/erasure`, {
      body: { confirmPersonId: hr.id },
    });
    expect(self.status).toBe(422);
    expect(await repos.people.getPerson(org.tenantId, employee.id)).not.toBeNull();

    const erased = await call<{ erased: Record<string, number> }>(api.app, hrToken, 'POST', path, {
      body: { confirmPersonId: employee.id },
    });

    expect(erased.status).toBe(200);
    expect(erased.body.erased).toEqual({
      developmentDiscussion: 2,
      groupDiscussion: 1,
      developmentActionRequest: 1,
      conversationReference: 1,
      auditLog: 1,
      person: 1,
    });
    const { tenantId } = org;
    expect(await repos.people.getPerson(tenantId, employee.id)).toBeNull();
    expect(await repos.languageChoices.get(tenantId, employee.id)).toBeNull();
    expect(await repos.people.getPersonByAadObjectId(tenantId, employee.aadObjectId ?? '')).toBeNull();
    const reports = (await repos.people.listReports(tenantId, supervisor.id)).items.map((p) => p.id);
    expect(reports.sort()).toEqual([cooperationMember.id, org.people.unlinked.id].sort());
    expect(await repos.developmentDiscussions.listForEmployee(tenantId, employee.id)).toEqual([]);
    expect(await repos.developmentDiscussions.get(tenantId, 2026, cooperationMember.id)).not.toBeNull();
    const group = await repos.groupDiscussions.get(tenantId, 2026, 'g-2026');
    expect(group?.value.contributions.map((c) => c.text)).toEqual(['Kollegan puheenvuoro']);
    expect(await repos.developmentActionRequests.listAllForPerson(tenantId, employee.id)).toEqual([]);
    expect(
      await repos.conversationReferences.get(tenantId, {
        kind: 'user',
        aadObjectId: employee.aadObjectId ?? '',
      }),
    ).toBeNull();
    expect(await repos.auditLog.listAllForSubject(tenantId, employee.id)).toEqual([]);

    const log = await repos.auditLog.listForSubject(tenantId, null);
    expect(
      log.items.every(
        (entry) => entry.action === 'erase' && entry.actorId === hr.id && entry.subjectId === null,
      ),
    ).toBe(true);
    expect(log.items.map((entry) => [entry.recordKind, entry.count]).sort()).toEqual(
      Object.entries(erased.body.erased).sort(),
    );

    // Nothing left to export or erase.
    const again = await call(api.app, hrToken, 'POST', path, { body: { confirmPersonId: employee.id } });
    expect(again.status).toBe(404);
  });
});
