/**
 * HR's coaching question bank over HTTP against real Azurite: the built-in bank until HR saves its own,
 * validation that names the field, saving with the ETag, organisations apart, and the supervisor's discussion
 * card offering the organisation's own questions.
 */
import { BUILT_IN_COACHING_BANK } from '../../bot/src/domain/coaching-bank';
import type { CoachingBankView } from '../../bot/src/coaching/coaching-bank-editor';
import { STEP_KEYS } from '../../bot/src/domain/discussion-steps';
import { VERBS } from '../../bot/src/cards/verbs';
import type { Person } from '../../bot/src/domain/organisation';
import { cardAction, invokeCard } from '../support/activities';
import type { SignInOrganisation } from '../support/tokens';
import { cardText } from '../cards/card-helpers';
import { call, newOrganisation, ROUND_YEAR, startTabsApi, tokenOf, type TestApi } from './tabs-api-fixture';

const PATH = '/api/v1/hr/coaching-questions';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Steps = CoachingBankView['steps'];

let api: TestApi;

beforeAll(async () => {
  api = await startTabsApi();
});

afterAll(async () => {
  await api?.stop();
});

const builtInSteps = (): Steps =>
  STEP_KEYS.map((key) => ({ key, questions: BUILT_IN_COACHING_BANK[key].map((q) => ({ ...q })) }));

const ownQuestion = {
  fi: 'Mikä tämän vuoden onnistumisista ilahdutti sinua eniten?',
  sv: 'Vilken av årets framgångar gladde dig mest?',
  en: 'Which of this year’s successes pleased you most?',
};

/** The built-in bank with the first step's first question replaced by `ownQuestion`. */
function ownSteps(): Steps {
  const steps = builtInSteps();
  const first = steps[0];
  if (!first) throw new Error('no steps');
  first.questions[0] = ownQuestion;
  return steps;
}

const hrToken = (org: SignInOrganisation) => tokenOf(api.app, org, org.people.hr);

describe('the coaching question bank in the HR tab', () => {
  test('HR sees the built-in bank, every step in order, until the organisation saves its own; others are refused', async () => {
    const org = await newOrganisation(api.app);
    const view = await call<CoachingBankView>(api.app, await hrToken(org), 'GET', PATH);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      stored: false,
      etag: null,
      updatedAt: null,
      limits: { minPerStep: 2, maxPerStep: 3, maxLength: 300 },
    });
    expect(view.body.steps).toEqual(builtInSteps());

    for (const caller of [org.people.supervisor, org.people.employee]) {
      const refused = await call(api.app, await tokenOf(api.app, org, caller), 'GET', PATH);
      expect(refused.status).toBe(403);
      const put = await call(api.app, await tokenOf(api.app, org, caller), 'PUT', PATH, {
        body: { steps: ownSteps() },
      });
      expect(put.status).toBe(403);
    }
    expect(await api.app.repositories.coachingBanks.get(org.tenantId)).toBeNull();
  });

  test('refuses an invalid bank, naming the field, in the caller’s language, and stores nothing', async () => {
    const org = await newOrganisation(api.app);
    const token = await hrToken(org);
    const withQuestion = (change: (steps: Steps) => void): Steps => {
      const steps = builtInSteps();
      change(steps);
      return steps;
    };
    const cases: Array<[unknown, string]> = [
      [withQuestion((s) => (s[0]!.questions[1]!.sv = '   ')), 'steps.0.questions.1.sv'],
      [withQuestion((s) => (s[2]!.questions[0]!.fi = 'x'.repeat(301))), 'steps.2.questions.0.fi'],
      [withQuestion((s) => s[1]!.questions.splice(1)), 'steps.1.questions'],
      [withQuestion((s) => s[3]!.questions.push(ownQuestion, ownQuestion)), 'steps.3.questions'],
      [withQuestion((s) => s.pop()), 'steps'],
      [withQuestion((s) => s.reverse()), 'steps'],
    ];
    for (const [steps, field] of cases) {
      const answer = await call<ErrorBody>(api.app, token, 'PUT', PATH, { body: { steps }, locale: 'fi' });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toBe('Pyyntö ei ollut kelvollinen.');
      expect(answer.body.error.details?.fields).toContain(field);
    }
    const sv = await call<ErrorBody>(api.app, token, 'PUT', PATH, { body: { steps: [] }, locale: 'sv' });
    expect(sv.body.error.message).toBe('Begäran var ogiltig.');
    expect(await api.app.repositories.coachingBanks.get(org.tenantId)).toBeNull();
  });

  test('saves with the ETag it read; a stale save is a conflict with the latest bank and stores nothing', async () => {
    const org = await newOrganisation(api.app);
    const other = await newOrganisation(api.app);
    const token = await hrToken(org);

    const first = await call<CoachingBankView>(api.app, token, 'PUT', PATH, { body: { steps: ownSteps() } });
    expect(first.status).toBe(200);
    expect(first.body.stored).toBe(true);
    expect(first.body.steps[0]?.questions[0]).toEqual(ownQuestion);
    expect(first.body.updatedAt).toBe('2026-11-23T10:00:00.000Z');

    // A third question for wellbeing, which has two.
    const again = ownSteps();
    again[1]!.questions.push({ fi: 'Kolmas kysymys?', sv: 'En tredje fråga?', en: 'A third question?' });
    const second = await call<CoachingBankView>(api.app, token, 'PUT', PATH, {
      body: { steps: again },
      ifMatch: first.body.etag,
    });
    expect(second.status).toBe(200);
    expect(second.body.steps[1]?.questions).toHaveLength(3);

    const stale = await call<ErrorBody>(api.app, token, 'PUT', PATH, {
      body: { steps: builtInSteps() },
      ifMatch: first.body.etag,
      locale: 'en',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('edit.conflict');
    expect((stale.body.error.details?.latest as CoachingBankView).steps[1]?.questions).toHaveLength(3);
    const withoutEtag = await call(api.app, token, 'PUT', PATH, { body: { steps: builtInSteps() } });
    expect(withoutEtag.status).toBe(409);
    expect(
      (await api.app.repositories.coachingBanks.get(org.tenantId))?.value.questions.pastYear,
    ).toHaveLength(3);

    // Another organisation still has the built-in bank.
    const theirs = await call<CoachingBankView>(api.app, await hrToken(other), 'GET', PATH);
    expect(theirs.body.stored).toBe(false);
    expect(theirs.body.steps).toEqual(builtInSteps());
  });

  test('the supervisor’s discussion card offers the organisation’s own questions, in the language of the supervisor’s HR record', async () => {
    const org = await newOrganisation(api.app);
    const other = await newOrganisation(api.app);
    const saved = await call(api.app, await hrToken(org), 'PUT', PATH, { body: { steps: ownSteps() } });
    expect(saved.status).toBe(200);

    const firstStep = (o: SignInOrganisation, viewer: Person, locale: string) =>
      invokeCard(
        api.app.url,
        cardAction(
          { tenantId: o.tenantId, aadObjectId: viewer.aadObjectId ?? '' },
          VERBS.open,
          { employeeId: o.people.employee.id, year: ROUND_YEAR, view: { kind: 'step', step: 1 } },
          { serviceUrl: api.connector.serviceUrl, locale },
        ),
      );
    const builtInFirst = BUILT_IN_COACHING_BANK.pastYear[0]!;

    const finnish = cardText(await firstStep(org, org.people.supervisor, 'fi-FI'));
    expect(finnish).toContain(ownQuestion.fi);
    expect(finnish).not.toContain(builtInFirst.fi);
    // The card speaks the language of the supervisor's HR record, not of their Teams client: Swedish once
    // the record says Swedish.
    expect(cardText(await firstStep(org, org.people.supervisor, 'sv-FI'))).toContain(ownQuestion.fi);
    const people = api.app.repositories.people;
    const record = await people.getPerson(org.tenantId, org.people.supervisor.id);
    await people.updatePerson(record!, { locale: 'sv' });
    const swedish = cardText(await firstStep(org, org.people.supervisor, 'fi-FI'));
    expect(swedish).toContain(ownQuestion.sv);
    expect(swedish).not.toContain(ownQuestion.fi);
    // The employee's card has no coaching questions; the other organisation's supervisor gets the built-in ones.
    expect(cardText(await firstStep(org, org.people.employee, 'fi-FI'))).not.toContain(ownQuestion.fi);
    expect(cardText(await firstStep(other, other.people.supervisor, 'fi-FI'))).toContain(builtInFirst.fi);
  });
});
