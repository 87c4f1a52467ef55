/**
 * The invitation the supervisor's scheduling sends speaks the employee's own chosen language, not their HR
 * record's: a Finnish record whose person chose Swedish gets the Swedish invitation.
 */
import { INVITATION_TEXTS } from '../../bot/src/api/invitation-texts';
import { chooseLanguage } from '../../bot/src/i18n/person-language';
import {
  call,
  IN_WINDOW,
  meetingPath,
  newOrganisation,
  openPersonalChat,
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

test('a Finnish HR record that chose Swedish gets the invitation in Swedish', async () => {
  const org = await newOrganisation(api.app);
  const { employee, supervisor } = org.people;
  expect(employee.locale).toBe('fi');
  await chooseLanguage(api.app.repositories.languageChoices, employee, 'sv', new Date());
  await openPersonalChat(api, org.tenantId, employee);

  const token = await tokenOf(api.app, org, supervisor);
  const answer = await call<Json>(api.app, token, 'PUT', meetingPath(employee.id), {
    body: { scheduledAt: IN_WINDOW, durationMinutes: 45 },
  });
  expect(answer.status).toBe(200);
  expect(answer.body.invitation).toBe('delivered');

  const conversation = `a:${employee.aadObjectId}`;
  const [invitation] = api.connector
    .activities()
    .filter((activity) => activity.conversationId === conversation && Array.isArray(activity.attachments));
  const card = JSON.stringify(((invitation?.attachments as Json[])[0] as { content: Json }).content);
  expect(card).toContain(INVITATION_TEXTS.invitedTitle.sv);
  expect(card).not.toContain(INVITATION_TEXTS.invitedTitle.fi);
});
