/**
 * One round everywhere: in the planning season (23 November 2026, the 2026 round closed on 31 March) the chat
 * and the tabs both work on the 2027 round. The supervisor schedules in the tab; the employee's chat card shows
 * that meeting and their preparation lands in the same record; the supervisor's "tiimini" card names the year
 * the team tab names; the coaching card ("valmennus") keeps the employee's requests in that round too.
 */
import { VERBS } from '../../bot/src/cards/verbs';
import type { Person } from '../../bot/src/domain/organisation';
import { cardAction, invokeCard, personalMessage, postActivity } from '../support/activities';
import type { SignInOrganisation } from '../support/tokens';
import { button, buttons, cardText, errorNextTo, input } from '../cards/card-helpers';
import {
  call,
  IN_WINDOW,
  meetingPath,
  newOrganisation,
  openPersonalChat,
  ROUND_YEAR,
  startTabsApi,
  tokenOf,
  type TestApi,
} from '../api/tabs-api-fixture';

type Json = Record<string, unknown>;

let api: TestApi;

beforeAll(async () => {
  api = await startTabsApi();
});

afterAll(async () => {
  await api?.stop();
});

function teamsUser(org: SignInOrganisation, person: Person) {
  return { tenantId: org.tenantId, aadObjectId: person.aadObjectId ?? '', name: person.firstName };
}

/** What the bot answers in the person's chat to `text`: the card of its first reply. */
async function chat(org: SignInOrganisation, person: Person, text: string): Promise<Json> {
  const before = api.connector.activities().length;
  const response = await postActivity(
    api.app.url,
    personalMessage(teamsUser(org, person), text, { serviceUrl: api.connector.serviceUrl }),
  );
  expect(response.status).toBe(200);
  await api.connector.waitForActivities(before + 1);
  const reply = api.connector
    .activities()
    .slice(before)
    .find((a) => Array.isArray(a.attachments)) as Json;
  return ((reply.attachments as Json[])[0] as { content: Json }).content;
}

function press(org: SignInOrganisation, person: Person, verb: string, data: Json): Promise<Json> {
  return invokeCard(
    api.app.url,
    cardAction(teamsUser(org, person), verb, data, { serviceUrl: api.connector.serviceUrl }),
  );
}

describe('between April and December, chat and tabs are about the same round', () => {
  test('the preparation typed in chat lands in the discussion the supervisor scheduled in the tab', async () => {
    const org = await newOrganisation(api.app);
    const { employee, supervisor } = org.people;
    await openPersonalChat(api, org.tenantId, employee);
    const supervisorToken = await tokenOf(api.app, org, supervisor);
    const scheduled = await call(api.app, supervisorToken, 'PUT', meetingPath(employee.id), {
      body: { scheduledAt: IN_WINDOW, durationMinutes: 45 },
    });
    expect(scheduled.status).toBe(200);

    const mine = await call<{ roundYear: number }>(
      api.app,
      await tokenOf(api.app, org, employee),
      'GET',
      '/api/v1/my/competence',
    );
    expect(mine.body.roundYear).toBe(ROUND_YEAR);

    const card = await chat(org, employee, 'oma keskustelu');
    expect(cardText(card)).toContain(`Kehityskeskusteluni ${ROUND_YEAR}`);
    expect(cardText(card)).not.toContain('Aikaa ei ole sovittu');

    const step = await press(org, employee, VERBS.open, {
      ...button(card, VERBS.open, 'Muokkaa valmistelua'),
    });
    await press(org, employee, VERBS.savePreparation, {
      ...button(step, VERBS.savePreparation, 'Tallenna ja jatka'),
      s_pastYearReview: 'Uusi palkkajärjestelmä otettiin käyttöön.',
    });
    const { developmentDiscussions } = api.app.repositories;
    const record = await developmentDiscussions.get(org.tenantId, ROUND_YEAR, employee.id);
    expect(record?.value).toMatchObject({
      status: 'scheduled',
      preparation: { pastYearReview: 'Uusi palkkajärjestelmä otettiin käyttöön.' },
    });
    expect(await developmentDiscussions.get(org.tenantId, ROUND_YEAR - 1, employee.id)).toBeNull();
  });

  test('the supervisor’s "tiimini" card names the round the team tab shows, with the meeting in it', async () => {
    const org = await newOrganisation(api.app);
    const { employee, supervisor } = org.people;
    const token = await tokenOf(api.app, org, supervisor);
    await call(api.app, token, 'PUT', meetingPath(employee.id), {
      body: { scheduledAt: IN_WINDOW, durationMinutes: 45 },
    });
    const tab = await call<{ year: number }>(api.app, token, 'GET', '/api/v1/team');
    expect(tab.body.year).toBe(ROUND_YEAR);

    const card = await chat(org, supervisor, 'tiimini');
    expect(cardText(card)).toContain(`Tiimisi kehityskeskustelut ${tab.body.year}`);
    expect(cardText(card)).not.toContain(`kehityskeskustelut ${ROUND_YEAR - 1}`);
  });
});

describe('coaching and work supervision ("valmennus") follow the same round', () => {
  test('the request card names and stores the round the personal tab names, not the calendar year', async () => {
    const org = await newOrganisation(api.app);
    const { employee } = org.people;
    await openPersonalChat(api, org.tenantId, employee);
    const mine = await call<{ roundYear: number }>(
      api.app,
      await tokenOf(api.app, org, employee),
      'GET',
      '/api/v1/my/competence',
    );
    expect(mine.body.roundYear).toBe(ROUND_YEAR);

    const card = await chat(org, employee, 'valmennus');
    expect(button(card, 'developmentActions.request')).toEqual({ year: ROUND_YEAR });
    const answered = await press(org, employee, 'developmentActions.request', {
      ...button(card, 'developmentActions.request'),
      choice: 'coaching:individual',
    });
    expect(cardText(answered)).toContain(`Pyyntösi ${ROUND_YEAR}`);
    const { developmentActionRequests } = api.app.repositories;
    const stored = await developmentActionRequests.listForPerson(org.tenantId, ROUND_YEAR, employee.id);
    expect(stored.map((request) => [request.kind, request.form])).toEqual([['coaching', 'individual']]);
    expect(await developmentActionRequests.listForPerson(org.tenantId, ROUND_YEAR - 1, employee.id)).toEqual(
      [],
    );
  });

  test('HR’s demand is about the round the summaries desk works on', async () => {
    const org = await newOrganisation(api.app);
    const demand = await call<{ year: number }>(
      api.app,
      await tokenOf(api.app, org, org.people.hr),
      'GET',
      '/api/v1/development-actions/demand',
    );
    expect(demand.status).toBe(200);
    expect(demand.body.year).toBe(ROUND_YEAR);
  });
});

describe('scheduling from the card follows the same rules as the tab and the API', () => {
  async function supervisorSummary(org: SignInOrganisation): Promise<Json> {
    const { employee, supervisor } = org.people;
    return press(org, supervisor, VERBS.open, {
      employeeId: employee.id,
      year: ROUND_YEAR,
      view: { kind: 'summary' },
    });
  }

  test('a 2027 discussion cannot be stored at 1.1.2020 01:00: the card says why under the date and keeps it', async () => {
    const org = await newOrganisation(api.app);
    const summary = await supervisorSummary(org);
    const refused = await press(org, org.people.supervisor, VERBS.schedule, {
      ...button(summary, VERBS.schedule),
      meetingDate: '2020-01-01',
      meetingTime: '01:00',
    });
    expect(errorNextTo(refused, 'meetingDate')).toBe('Aika on jo mennyt. Valitse tuleva aika.');
    expect(input(refused, 'meetingDate')?.value).toBe('2020-01-01');
    const stored = await api.app.repositories.developmentDiscussions.get(
      org.tenantId,
      ROUND_YEAR,
      org.people.employee.id,
    );
    expect(stored?.value.scheduledAt).toBeNull();

    const outside = await press(org, org.people.supervisor, VERBS.schedule, {
      ...button(summary, VERBS.schedule),
      meetingDate: '2026-12-08',
      meetingTime: '09:00',
    });
    expect(errorNextTo(outside, 'meetingDate')).toBe(
      'Valitse päivä kehityskeskustelujen ajalta 1.1.2027–31.3.2027.',
    );
  });

  test('the card proposes a first day inside the window and bounds its date input to the window', async () => {
    const org = await newOrganisation(api.app);
    const summary = await supervisorSummary(org);
    expect(input(summary, 'meetingDate')).toMatchObject({
      value: '2027-01-01',
      min: '2027-01-01',
      max: '2027-03-31',
    });
    expect(input(summary, 'meetingTime')?.value).toBe('09:00');
    expect(cardText(summary)).toContain('Kehityskeskustelut käydään 1.1.2027–31.3.2027.');
  });

  test('"held" is offered only from the meeting day, and the refusal holds for a stale card', async () => {
    const org = await newOrganisation(api.app);
    const { employee, supervisor } = org.people;
    const token = await tokenOf(api.app, org, supervisor);
    await call(api.app, token, 'PUT', meetingPath(employee.id), {
      body: { scheduledAt: IN_WINDOW, durationMinutes: 45 },
    });
    const summary = await supervisorSummary(org);
    expect(buttons(summary).map((b) => b.verb)).not.toContain(VERBS.markHeld);
    const early = await press(org, supervisor, VERBS.markHeld, button(summary, VERBS.schedule));
    expect(cardText(early)).toContain('Keskustelun voi merkitä käydyksi tapaamispäivänä tai sen jälkeen.');
    const stored = await api.app.repositories.developmentDiscussions.get(
      org.tenantId,
      ROUND_YEAR,
      employee.id,
    );
    expect(stored?.value.status).toBe('scheduled');
  });
});
