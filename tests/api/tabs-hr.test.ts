/**
 * HR's API: the annual clock (default until saved, validated by the domain's rules, saved with ETags), the
 * service areas' alternating-year rule, the round's progress as aggregates only, and reminder-send progress.
 */
import { defaultAnnualClock } from '../../bot/src/domain/default-annual-clock';
import { newDevelopmentDiscussion, schedule } from '../../bot/src/domain/development-discussion-lifecycle';
import type { Person } from '../../bot/src/domain/organisation';
import { campaignId } from '../../bot/src/domain/reminder';
import { numberedRecipients, storeMaterialisedCampaign } from '../support/reminder-campaigns';
import type { SignInOrganisation } from '../support/tokens';
import {
  call,
  newOrganisation,
  NOW,
  ROUND_YEAR,
  startTabsApi,
  tokenOf,
  type TestApi,
} from './tabs-api-fixture';

type Json = Record<string, unknown>;

let api: TestApi;

beforeAll(async () => {
  api = await startTabsApi();
});

afterAll(async () => {
  await api?.stop();
});

async function asHr(org: SignInOrganisation) {
  const token = await tokenOf(api.app, org, org.people.hr);
  return (method: string, path: string, options: { body?: unknown; ifMatch?: string | null } = {}) =>
    call<Json>(api.app, token, method, path, options);
}

interface EditorAnswer {
  clock: ReturnType<typeof defaultAnnualClock>;
  etag: string | null;
  serviceAreas: Array<{ id: string; name: string; alternatingYearRule: unknown; etag: string }>;
}

describe('the annual clock', () => {
  test('is the default until HR saves one; a saved change is what everyone then reads', async () => {
    const org = await newOrganisation(api.app);
    const hr = await asHr(org);
    const before = (await hr('GET', '/api/v1/hr/clock')).body as unknown as EditorAnswer;
    expect(before.etag).toBeNull();
    expect(before.clock).toEqual(defaultAnnualClock());
    expect(before.serviceAreas).toEqual([
      expect.objectContaining({ id: 'sa-1', name: 'Palvelualue', alternatingYearRule: null }),
    ]);

    const changed = defaultAnnualClock();
    changed.phases[0] = { ...changed.phases[0]!, closes: '04-15' };
    changed.overrides = [
      { serviceAreaId: 'sa-1', phases: { 'development-discussions': { opens: '01-15' } } },
    ];
    const saved = await hr('PUT', '/api/v1/hr/clock', { body: changed });

    expect(saved.status).toBe(200);
    const stored = await api.app.repositories.annualClocks.get(org.tenantId);
    expect(stored?.value).toEqual({ tenantId: org.tenantId, ...changed });
    expect((saved.body as unknown as EditorAnswer).etag).toBe(stored?.etag);
    const employee = await tokenOf(api.app, org, org.people.employee);
    const mine = await call<{ upcoming: Json[] }>(api.app, employee, 'GET', '/api/v1/my/competence');
    expect(mine.body.upcoming).toContainEqual(
      expect.objectContaining({
        phaseId: 'development-discussions',
        opens: '2027-01-15',
        closes: '2027-04-15',
      }),
    );
  });

  test('refuses a clock the practice’s rules reject, naming each problem, and stores nothing', async () => {
    const org = await newOrganisation(api.app);
    const hr = await asHr(org);
    const broken = defaultAnnualClock();
    broken.phases[0] = { ...broken.phases[0]!, remindDaysBefore: [-1] };
    broken.phases[1] = { ...broken.phases[1]!, closes: '02-29' };
    broken.overrides = [{ serviceAreaId: 'no-such-area', phases: { 'no-such-phase': { opens: '01-02' } } }];

    const answer = await hr('PUT', '/api/v1/hr/clock', { body: broken });

    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      error: {
        code: 'clock.invalid',
        details: {
          errors: expect.arrayContaining([
            { code: 'clock.invalidReminder', phaseId: 'development-discussions', serviceAreaId: null },
            { code: 'clock.invalidDate', phaseId: 'group-discussions', serviceAreaId: null },
            { code: 'clock.unknownPhase', phaseId: 'no-such-phase', serviceAreaId: 'no-such-area' },
            { code: 'clock.unknownServiceArea', phaseId: null, serviceAreaId: 'no-such-area' },
          ]),
        },
      },
    });
    await expect(api.app.repositories.annualClocks.get(org.tenantId)).resolves.toBeNull();
  });

  test('a save based on an older read is refused with the clock as it now stands', async () => {
    const org = await newOrganisation(api.app);
    const hr = await asHr(org);
    const first = defaultAnnualClock();
    first.phases[0] = { ...first.phases[0]!, closes: '04-30' };
    const saved = (await hr('PUT', '/api/v1/hr/clock', { body: first })).body as unknown as EditorAnswer;

    const second = defaultAnnualClock();
    second.phases[0] = { ...second.phases[0]!, closes: '05-31' };
    const fromDefault = await hr('PUT', '/api/v1/hr/clock', { body: second });
    const fromOldEtag = await hr('PUT', '/api/v1/hr/clock', { body: second, ifMatch: '"stale"' });

    for (const answer of [fromDefault, fromOldEtag]) {
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        error: { code: 'edit.conflict', details: { latest: { clock: first, etag: saved.etag } } },
      });
    }
    const current = await hr('PUT', '/api/v1/hr/clock', { body: second, ifMatch: saved.etag });
    expect(current.status).toBe(200);
    expect((await api.app.repositories.annualClocks.get(org.tenantId))?.value.phases[0]?.closes).toBe(
      '05-31',
    );
  });

  test('an area’s alternating-year rule is saved with its ETag and decides who has which discussion', async () => {
    const org = await newOrganisation(api.app);
    const hr = await asHr(org);
    const editor = (await hr('GET', '/api/v1/hr/clock')).body as unknown as EditorAnswer;
    const path = '/api/v1/hr/service-areas/sa-1/alternating-year-rule';

    const saved = await hr('PUT', path, {
      body: { rule: { individualDiscussionYears: 'even' } },
      ifMatch: editor.serviceAreas[0]?.etag,
    });
    const stale = await hr('PUT', path, { body: { rule: null }, ifMatch: editor.serviceAreas[0]?.etag });
    const unknown = await hr('PUT', '/api/v1/hr/service-areas/nowhere/alternating-year-rule', {
      body: { rule: null },
      ifMatch: 'x',
    });

    expect(saved.body).toMatchObject({
      id: 'sa-1',
      alternatingYearRule: { individualDiscussionYears: 'even' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { details: { latest: { alternatingYearRule: { individualDiscussionYears: 'even' } } } },
    });
    expect(unknown.status).toBe(404);
    const supervisor = await tokenOf(api.app, org, org.people.supervisor);
    const team = await call<{ reports: Array<{ id: string; conversations: Json }> }>(
      api.app,
      supervisor,
      'GET',
      `/api/v1/team?year=${ROUND_YEAR}`,
    );
    expect(team.body.reports.find((r) => r.id === 'p-employee')?.conversations).toEqual({
      developmentDiscussion: false,
      groupDiscussion: true,
    });
  });
});

describe('progress of the round', () => {
  /** An organisation with a large area (seven people with a discussion) and a small one (two). */
  function twoAreas(org: SignInOrganisation): void {
    const { tenantId } = org;
    const extra = (id: string, serviceAreaId: string, teamId: string): Person => ({
      ...org.people.employee,
      id,
      aadObjectId: null,
      email: `${id}@example.test`,
      firstName: id,
      serviceAreaId,
      teamId,
    });
    const { snapshot } = org;
    org.snapshot = {
      ...snapshot,
      serviceAreas: [
        ...snapshot.serviceAreas,
        { tenantId, id: 'sa-small', name: 'Pieni alue', directorId: null, alternatingYearRule: null },
      ],
      teams: [
        ...snapshot.teams,
        {
          tenantId,
          id: 't-small',
          serviceAreaId: 'sa-small',
          name: 't-small',
          kind: 'team',
          supervisorId: 'p-supervisor',
        },
      ],
      people: [
        ...snapshot.people,
        extra('p-small-1', 'sa-small', 't-small'),
        extra('p-small-2', 'sa-small', 't-small'),
      ],
    };
  }

  test('counts due, scheduled and held discussions per area, and hides an area below the anonymity threshold', async () => {
    const org = await newOrganisation(api.app, twoAreas);
    const at = NOW.toISOString();
    const employee = org.people.employee;
    const scheduled = schedule(
      newDevelopmentDiscussion(employee, ROUND_YEAR, at),
      'p-supervisor',
      at,
      '2027-02-10T09:00:00+02:00',
    );
    await api.app.repositories.developmentDiscussions.create(scheduled);
    await api.app.repositories.developmentDiscussions.create({
      ...newDevelopmentDiscussion(org.people.cooperationMember, ROUND_YEAR, at),
      status: 'held',
    });
    const hr = await asHr(org);

    const answer = await hr('GET', '/api/v1/hr/progress');

    expect(answer.status).toBe(200);
    // Two people moved since the year began: fewer than the threshold, so no counts are released yet
    // (docs/anonymity.md, rule 9), and reading before and after one signing tells nothing.
    expect(answer.body).toEqual({
      year: ROUND_YEAR,
      anonymityThreshold: 5,
      serviceAreas: [
        // Everyone with a supervisor: all but the city manager.
        { id: 'sa-1', name: 'Palvelualue', due: 7, counts: null, releasedAt: null },
        { id: 'sa-small', name: 'Pieni alue', due: null, counts: null, releasedAt: null },
      ],
    });
    for (const person of [org.people.otherEmployee, org.people.supervisor, org.people.director]) {
      await api.app.repositories.developmentDiscussions.create({
        ...newDevelopmentDiscussion(person, ROUND_YEAR, at),
        status: 'held',
      });
    }

    const released = await hr('GET', '/api/v1/hr/progress');

    // Five people moved: the counts are released as they stand, with when.
    const areas = (released.body as { serviceAreas: Record<string, unknown>[] }).serviceAreas;
    expect(areas[0]).toEqual({
      id: 'sa-1',
      name: 'Palvelualue',
      due: 7,
      counts: { notScheduled: 0, scheduled: 1, prepared: 0, held: 4, signed: 0 },
      releasedAt: expect.any(String),
    });
    expect(areas[1]).toEqual({
      id: 'sa-small',
      name: 'Pieni alue',
      due: null,
      counts: null,
      releasedAt: null,
    });
    expect(JSON.stringify(released.body)).not.toContain('p-employee');
  });
});

describe('reminder sends', () => {
  /** A materialised campaign with its deliveries still pending (two named people by default), created at `createdAt`. */
  async function campaign(tenantId: string, id: string, createdAt: Date, total = 2): Promise<void> {
    await storeMaterialisedCampaign(api.app.storage, {
      tenantId,
      campaignId: id,
      label: 'reminder.preparationDue.developmentDiscussions.employee',
      createdAt,
      recipientKeys: total === 2 ? ['person:p-employee', 'person:p-coop'] : numberedRecipients(total),
      serviceUrl: api.connector.serviceUrl,
    });
  }

  test('lists the tenant’s sends with their counts by state', async () => {
    const org = await newOrganisation(api.app);
    const id = campaignId('2026-11-22', 'preparationDue', 'development-discussions', 'employee');
    await campaign(org.tenantId, id, NOW);
    const hr = await asHr(org);

    const answer = await hr('GET', '/api/v1/hr/sends');

    expect(answer.body).toEqual({
      sends: [
        {
          campaignId: id,
          date: '2026-11-22',
          kind: 'preparationDue',
          phaseId: 'development-discussions',
          scope: 'employee',
          label: 'reminder.preparationDue.developmentDiscussions.employee',
          createdAt: NOW.toISOString(),
          total: 2,
          counts: { pending: 2, sending: 0, sent: 0, blocked: 0, notInstalled: 0, failed: 0, noChannel: 0 },
          uncertain: 0,
          finished: false,
        },
      ],
    });
  });

  test('lists every send, newest first, a page at a time, and only the caller’s tenant’s', async () => {
    const org = await newOrganisation(api.app);
    const other = await newOrganisation(api.app);
    const days = Array.from({ length: 55 }, (_, i) => new Date(NOW.getTime() - i * 86_400_000));
    // Written oldest first: the list's order is the campaigns' creation, not the order of the writes.
    for (const day of [...days].reverse()) {
      const date = day.toISOString().slice(0, 10);
      await campaign(
        org.tenantId,
        campaignId(date, 'phaseOpened', 'development-discussions', 'employee'),
        day,
      );
    }
    await campaign(other.tenantId, campaignId('2026-11-23', 'overdue', 'development-discussions', 1), NOW);
    const hr = await asHr(org);

    type Page = { sends: Array<{ date: string }>; continuationToken?: string };
    const first = (await hr('GET', '/api/v1/hr/sends')).body as unknown as Page;
    expect(first.sends).toHaveLength(50);
    expect(first.continuationToken).toEqual(expect.any(String));
    const token = encodeURIComponent(first.continuationToken ?? '');
    const second = (await hr('GET', `/api/v1/hr/sends?continuationToken=${token}`)).body as unknown as Page;
    expect(second.continuationToken).toBeUndefined();
    expect([...first.sends, ...second.sends].map((send) => send.date)).toEqual(
      days.map((day) => day.toISOString().slice(0, 10)),
    );
  });

  test('show no counts of a reminder to those still open whose total moved by fewer than the threshold', async () => {
    const org = await newOrganisation(api.app);
    const day = (date: string) => new Date(`${date}T06:00:00Z`);
    const phase = 'development-discussions';
    // Everyone (12) at the opening; 10 still open 14 days before the deadline (2 finished: fewer than 5), then 5
    // (5 more finished since 12 was shown), then 3 (2 more since).
    await campaign(
      org.tenantId,
      campaignId('2026-01-01', 'phaseOpened', phase, 'employee'),
      day('2026-01-01'),
      12,
    );
    for (const [date, total] of [
      ['2026-03-17', 10],
      ['2026-03-28', 7],
      ['2026-03-29', 3],
    ] as const)
      await campaign(
        org.tenantId,
        campaignId(date, 'deadlineApproaching', phase, 'employee'),
        day(date),
        total,
      );
    const hr = await asHr(org);

    const answer = (await hr('GET', '/api/v1/hr/sends')).body as unknown as {
      sends: Array<{ date: string; total: number | null; counts: Record<string, number> | null }>;
    };

    expect(answer.sends.map((send) => [send.date, send.total, send.counts === null])).toEqual([
      ['2026-03-29', null, true],
      ['2026-03-28', 7, false],
      ['2026-03-17', null, true],
      ['2026-01-01', 12, false],
    ]);
  });

  test('are HR’s only', async () => {
    const org = await newOrganisation(api.app);
    await campaign(org.tenantId, campaignId('2026-11-22', 'overdue', 'development-discussions', 1), NOW);
    for (const key of ['employee', 'supervisor', 'director', 'cityManager'] as const) {
      const token = await tokenOf(api.app, org, org.people[key]);
      const answer = await call<Json>(api.app, token, 'GET', '/api/v1/hr/sends');
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).not.toContain('overdue');
    }
    expect((await call<Json>(api.app, null, 'GET', '/api/v1/hr/sends')).status).toBe(401);
  });
});
