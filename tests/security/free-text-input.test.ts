/**
 * Control characters (NUL and the like) and bidirectional overrides are refused in every free text a person
 * sends — card submissions and API bodies — with a message in the reader's language; NUL never reaches the
 * training plan's CSV export, whatever was stored before.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { fieldsWithForbiddenCharacters, hasForbiddenCharacters } from '../../bot/src/domain/free-text';
import { VERBS } from '../../bot/src/cards/verbs';
import { planCsv } from '../../bot/src/training-plans/training-plan-export';
import type { TrainingPlan } from '../../bot/src/domain/training-plan';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { cardAction, postActivity } from '../support/activities';
import { bearer, devToken, signInOrganisation } from '../support/tokens';

const RIGHT_TO_LEFT_OVERRIDE = '\u202E';
const NUL = '\u0000';

describe('which characters free text may not hold', () => {
  it.each([
    ['NUL', `Tuija${NUL}`],
    ['a right-to-left override', `lasku${RIGHT_TO_LEFT_OVERRIDE}fdp.exe`],
    ['a left-to-right isolate', 'a\u2066b'],
    ['an escape', 'a\u001b[31m'],
    ['a C1 control', 'a\u0085'],
    ['the replacement character', 'J\uFFFDrvinen'],
  ])('refuses %s', (_case, text) => {
    expect(hasForbiddenCharacters(text)).toBe(true);
  });

  it('accepts line breaks, tabs and every language’s letters', () => {
    expect(hasForbiddenCharacters('Järvinen, Åström\r\n\tمرحبا — 東京 👍')).toBe(false);
  });

  it('names the fields that hold them', () => {
    expect(fieldsWithForbiddenCharacters({ a: 'ok', items: [{ need: `x${NUL}` }, { need: 'y' }] })).toEqual([
      'items.0.need',
    ]);
  });
});

describe('free text over HTTP', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const org = signInOrganisation(newTenantId());

  beforeAll(async () => {
    connector = await startConnectorStandIn({ limits: null });
    app = await startTestApp();
    await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  it.each([
    ['sv', 'Texten innehåller osynliga styrtecken'],
    ['fi', 'Teksti sisältää näkymättömiä ohjausmerkkejä'],
    ['en', 'The text contains invisible control characters'],
  ])('refuses an API body with a bidirectional override, naming the field (%s)', async (locale, message) => {
    const token = await devToken(app.url, org.tenantId, org.people.hr.id);
    const response = await fetch(`${app.url}/api/v1/hr/coaching-questions`, {
      method: 'PUT',
      headers: { ...bearer(token), 'content-type': 'application/json', 'accept-language': locale },
      body: JSON.stringify({ questions: [{ id: 'q1', text: `Mitä${RIGHT_TO_LEFT_OVERRIDE}kuuluu?` }] }),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { code: string; message: string; details: { fields: string[] } };
    };
    expect(error.code).toBe('request.controlCharacters');
    expect(error.message).toContain(message);
    expect(error.details.fields).toEqual(['questions.0.text']);
  });

  it('refuses a card submission holding NUL, in the card user’s language, and stores nothing', async () => {
    const employee = org.people.employee;
    const user = { tenantId: org.tenantId, aadObjectId: employee.aadObjectId ?? '' };
    const activity = cardAction(
      user,
      VERBS.savePreparation,
      { employeeId: employee.id, year: 2027, etag: '', step: 1, s_pastYearReview: `Hyvä vuosi${NUL}` },
      { serviceUrl: connector.serviceUrl, locale: 'sv-SE' },
    );
    const response = await postActivity(app.url, activity);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string; value: string };
    expect(body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('osynliga styrtecken'),
    });
    expect(await app.repositories.developmentDiscussions.get(org.tenantId, 2027, employee.id)).toBeNull();
  });
});

describe('the training plan’s CSV export', () => {
  it('never carries NUL or other control characters, even from text stored before they were refused', () => {
    const plan = {
      items: [
        { need: `Excel${NUL}-koulutus`, competenceId: '', way: '10', audience: `kaikki\u0007`, headcount: 3 },
      ],
    } as unknown as TrainingPlan;
    const csv = planCsv({ plan, competences: [], names: new Map(), locale: 'fi' });
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(csv).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(csv).toContain('Excel-koulutus');
  });
});
