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
import { cardAction, invokeCard, postActivity } from '../support/activities';
import { button, cardTestPerson, errorNextTo } from '../cards/card-helpers';
import { TRAINING_PLAN_VERBS } from '../../bot/src/training-plans/training-plan-view';
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
    // In the 2026 round's development-discussion window, so the employee's preparation card is open.
    app = await startTestApp({}, { now: () => new Date('2026-02-02T08:00:00Z') });
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
    const hr = org.people.hr;
    const user = { tenantId: org.tenantId, aadObjectId: hr.aadObjectId ?? '' };
    const activity = cardAction(
      user,
      TRAINING_PLAN_VERBS.addItem,
      {
        year: 2027,
        serviceAreaId: null,
        etag: '',
        need: `Excel${NUL}-koulutus`,
        way: '10',
        audience: 'kaikki',
      },
      { serviceUrl: connector.serviceUrl, locale: 'sv-SE' },
    );
    const response = await postActivity(app.url, activity);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string; value: string };
    expect(body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('näkymättömiä ohjausmerkkejä'),
    });
  });

  it('shows a bidirectional override in a discussion card’s text next to its field, and saves nothing', async () => {
    // An organisation of its own without the alternating-year rule, so the employee has a discussion this year.
    const tenantId = newTenantId();
    const supervisor = cardTestPerson(tenantId, 'sup', {
      supervisorId: null,
      roles: ['employee', 'supervisor'],
    });
    const employee = cardTestPerson(tenantId, 'writer', { locale: 'en' });
    await writeOrganisation(app.repositories, tenantId, {
      serviceAreas: [
        { tenantId, id: 'sa-1', name: 'Palvelut', directorId: 'sup', alternatingYearRule: null },
      ],
      teams: [
        { tenantId, id: 'team-1', serviceAreaId: 'sa-1', name: 'Tiimi', kind: 'team', supervisorId: 'sup' },
      ],
      people: [supervisor, employee],
    });
    const user = { tenantId, aadObjectId: employee.aadObjectId ?? '' };
    const invoke = (verb: string, data: Record<string, unknown>) =>
      invokeCard(
        app.url,
        cardAction(user, verb, data, { serviceUrl: connector.serviceUrl, locale: 'en-US' }),
      );
    const first = await invoke(VERBS.open, {
      employeeId: employee.id,
      year: 2026,
      view: { kind: 'step', step: 1 },
    });
    const sectionId = String((JSON.stringify(first).match(/"id":"(s_[A-Za-z]+)"/) ?? [])[1]);
    const refused = await invoke(VERBS.savePreparation, {
      ...button(first, VERBS.savePreparation),
      [sectionId]: `Hyvä vuosi ${RIGHT_TO_LEFT_OVERRIDE}olleniarok`,
    });
    expect(errorNextTo(refused, sectionId)).toContain('invisible control characters');
    const stored = await app.repositories.developmentDiscussions.get(tenantId, 2026, employee.id);
    expect(JSON.stringify(stored?.value ?? {})).not.toContain(RIGHT_TO_LEFT_OVERRIDE);
  });
});

describe('the training plan’s CSV export', () => {
  it('never carries NUL or other control characters, even from text stored before they were refused', () => {
    const plan = {
      items: [
        { need: `Excel${NUL}-koulutus`, competenceId: '', way: '10', audience: `kaikki\u0007`, headcount: 3 },
      ],
    } as unknown as TrainingPlan;
    const csv = planCsv({ plan, competences: [], names: new Map(), areaNames: new Map(), locale: 'fi' });
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(csv).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(csv).toContain('Excel-koulutus');
  });
});
