/**
 * The invitation preview: before sending, the supervisor sees the card scheduling would send the employee (the
 * same card, in the employee's own language, with the proposed time and length), and nothing is posted or
 * stored. Only the supervisor's own report can be previewed; a malformed or out-of-window time is refused as
 * scheduling refuses it.
 */
import { chooseLanguage } from '../../bot/src/i18n/person-language';
import type { SignInOrganisation } from '../support/tokens';
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
} from './tabs-api-fixture';

type Json = Record<string, unknown>;

let api: TestApi;

beforeAll(async () => {
  api = await startTabsApi();
});

afterAll(async () => {
  await api?.stop();
});

function previewPath(employeeId: string, params: Record<string, string>): string {
  return `${meetingPath(employeeId)}/preview?${new URLSearchParams(params).toString()}`;
}

async function previewAs(
  org: SignInOrganisation,
  who: 'supervisor' | 'director',
  employeeId: string,
  params: Record<string, string>,
  locale = 'en',
) {
  const token = await tokenOf(api.app, org, org.people[who]);
  return call<Json>(api.app, token, 'GET', previewPath(employeeId, params), { locale });
}

/** What the employee's chat and the discussions table hold for the employee. */
async function traces(org: SignInOrganisation) {
  const conversation = `a:${org.people.employee.aadObjectId}`;
  return {
    sent: api.connector.activities().filter((activity) => activity.conversationId === conversation).length,
    stored: await api.app.repositories.developmentDiscussions.get(org.tenantId, ROUND_YEAR, 'p-employee'),
  };
}

describe('previewing the development discussion invitation', () => {
  test('the supervisor gets the card scheduling would send, with the proposed time and length; nothing is sent or stored', async () => {
    const org = await newOrganisation(api.app);
    await openPersonalChat(api, org.tenantId, org.people.employee);
    const before = await traces(org);

    const answer = await previewAs(org, 'supervisor', 'p-employee', {
      scheduledAt: IN_WINDOW,
      durationMinutes: '45',
    });

    expect(answer.status).toBe(200);
    const card = answer.body.card as Json;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const text = JSON.stringify(card.body);
    expect(text).toContain('Kutsu kehityskeskusteluun');
    expect(text).toContain('{{DATE(2027-02-10T07:00:00Z, LONG)}} {{TIME(2027-02-10T07:00:00Z)}}');
    expect(text).toContain('45 min');
    expect(card.actions as Json[]).toContainEqual(
      expect.objectContaining({ type: 'Action.Execute', title: 'Valmistaudu keskusteluun' }),
    );
    expect(await traces(org)).toEqual({ ...before, stored: null });
    expect(before.stored).toBeNull();
  });

  test('speaks the employee’s own chosen language, as the real invitation does', async () => {
    const org = await newOrganisation(api.app);
    await chooseLanguage(api.app.repositories.languageChoices, org.people.employee, 'sv', NOW);

    const answer = await previewAs(org, 'supervisor', 'p-employee', { scheduledAt: IN_WINDOW });

    expect(answer.status).toBe(200);
    const text = JSON.stringify((answer.body.card as Json).body);
    expect(text).toContain('Inbjudan till utvecklingssamtal');
    expect(text).toContain('60 min');
  });

  test('another supervisor’s request is refused as not found, and nothing is stored', async () => {
    const org = await newOrganisation(api.app);

    const answer = await previewAs(org, 'director', 'p-employee', { scheduledAt: IN_WINDOW }, 'fi');

    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'team.notYourReport' } });
    expect(answer.body).not.toHaveProperty('card');
    expect((await traces(org)).stored).toBeNull();
  });

  test('a malformed time, a too long meeting or a time outside the window is refused in the caller’s language', async () => {
    const org = await newOrganisation(api.app);

    const noZone = await previewAs(
      org,
      'supervisor',
      'p-employee',
      { scheduledAt: '2027-02-10T09:00' },
      'sv',
    );
    const tooLong = await previewAs(org, 'supervisor', 'p-employee', {
      scheduledAt: IN_WINDOW,
      durationMinutes: '600',
    });
    const outside = await previewAs(org, 'supervisor', 'p-employee', {
      scheduledAt: '2027-06-10T09:00:00+03:00',
    });

    expect(noZone).toMatchObject({
      status: 400,
      body: { error: { code: 'request.invalid', message: 'Begäran var ogiltig.' } },
    });
    expect(tooLong).toMatchObject({
      status: 400,
      body: { error: { code: 'request.invalid', details: { fields: ['durationMinutes'] } } },
    });
    expect(outside).toMatchObject({ status: 422, body: { error: { code: 'meeting.outsideWindow' } } });
    expect((await traces(org)).stored).toBeNull();
  });
});
