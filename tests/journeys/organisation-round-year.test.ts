/**
 * One round for the organisation-wide work too: on 7 December 2026 the 2026 round's discussions have closed
 * (31 March), so HR's summaries, the training plans and the strategic discussion are about the 2027 round — in
 * the chat card and in the tab alike, and both open the same stored record.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { Person } from '../../bot/src/domain/organisation';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { STRATEGY_AGENDA_ITEMS } from '../../bot/src/storage/strategic-discussion-repository';
import { agendaInputId, STRATEGY_VERBS } from '../../bot/src/strategy/strategy-view';
import { SUMMARY_VERBS } from '../../bot/src/summaries/summary-views';
import { TRAINING_PLAN_VERBS } from '../../bot/src/training-plans/training-plan-view';
import { cardAction, invokeCard, personalMessage, postActivity } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { signInOrganisation, type SignInOrganisation } from '../support/tokens';
import { button, buttons, cardText } from '../cards/card-helpers';
import { call, tokenOf } from '../api/tabs-api-fixture';

type Json = Record<string, unknown>;

/** 7 December 2026, 12:00 in Helsinki: the calendar year is 2026, the round is 2027. */
const DECEMBER = new Date('2026-12-07T10:00:00Z');
const ROUND = 2027;
const AREA = 'sa-1';

let app: RunningApp;
let connector: ConnectorStandIn;

beforeAll(async () => {
  [app, connector] = await Promise.all([
    startTestApp({}, { now: () => DECEMBER }),
    startConnectorStandIn({ limits: null }),
  ]);
});

afterAll(async () => {
  await Promise.all([app?.stop(), connector?.close()]);
});

async function newOrganisation(): Promise<SignInOrganisation> {
  const org = signInOrganisation(newTenantId());
  await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
  return org;
}

const userOf = (org: SignInOrganisation, person: Person) => ({
  tenantId: org.tenantId,
  aadObjectId: person.aadObjectId ?? '',
});

/** The card the bot answers in the person's chat to `text`. */
async function chat(org: SignInOrganisation, person: Person, text: string): Promise<Json> {
  const before = connector.activities().length;
  const response = await postActivity(
    app.url,
    personalMessage(userOf(org, person), text, { serviceUrl: connector.serviceUrl }),
  );
  expect(response.status).toBe(200);
  await connector.waitForActivities(before + 1);
  const reply = connector
    .activities()
    .slice(before)
    .find((a) => Array.isArray(a.attachments)) as Json | undefined;
  if (!reply) throw new Error(`The bot answered "${text}" without a card`);
  return ((reply.attachments as Json[])[0] as { content: Json }).content;
}

function press(org: SignInOrganisation, person: Person, verb: string, data: Json): Promise<Json> {
  return invokeCard(
    app.url,
    cardAction(userOf(org, person), verb, data, { serviceUrl: connector.serviceUrl }),
  );
}

describe('in December, the organisation-wide cards and tabs are about the next round', () => {
  test('HR’s summaries: the chat overview and the HR tab name 2027 and open the same summary', async () => {
    const org = await newOrganisation();
    const { hr } = org.people;
    const token = await tokenOf(app, org, hr);

    const desk = await call<{ year: number }>(app, token, 'GET', '/api/v1/hr/summaries');
    expect(desk.body.year).toBe(ROUND);
    const card = await chat(org, hr, 'koonnit');
    expect(cardText(card)).toContain(`Osaamiskoonnit ${desk.body.year}`);

    const drafted = await call(app, token, 'POST', `/api/v1/hr/summaries/${desk.body.year}/${AREA}/draft`);
    expect(drafted.status).toBe(200);
    const opened = buttons(card).find((b) => b.verb === SUMMARY_VERBS.open && b.data.serviceAreaId === AREA);
    expect(opened?.data.year).toBe(ROUND);
    const editor = await press(org, hr, SUMMARY_VERBS.open, opened?.data ?? {});
    const stored = await app.repositories.summaries.get(org.tenantId, ROUND, AREA);
    expect(stored).not.toBeNull();
    expect(buttons(editor).some((b) => b.data.etag === stored?.etag)).toBe(true);
    expect(await app.repositories.summaries.get(org.tenantId, ROUND - 1, AREA)).toBeNull();
  });

  test('the training plans: the director’s chat card and the plans tab name 2027 and hold the same plan', async () => {
    const org = await newOrganisation();
    const { director } = org.people;

    const card = await chat(org, director, 'koulutussuunnitelma');
    expect(cardText(card)).toContain(`Koulutussuunnitelmat ${ROUND}`);
    const areaPlan = buttons(card).find(
      (b) => b.verb === TRAINING_PLAN_VERBS.open && b.data.serviceAreaId === AREA,
    );
    await press(org, director, TRAINING_PLAN_VERBS.open, areaPlan?.data ?? {});
    const stored = await app.repositories.trainingPlans.get(org.tenantId, ROUND, AREA);
    expect(stored?.value.status).toBe('draft');

    const tab = await call<{ year: number; plans: { serviceAreaId: string | null }[] }>(
      app,
      await tokenOf(app, org, director),
      'GET',
      '/api/v1/training-plans',
    );
    expect(tab.body.year).toBe(ROUND);
    expect(tab.body.plans.map((plan) => plan.serviceAreaId)).toContain(AREA);
  });

  test('the strategic discussion: HR’s card names the round the HR tab shows, and saves into it', async () => {
    const org = await newOrganisation();
    const { hr } = org.people;
    const progress = await call<{ year: number }>(
      app,
      await tokenOf(app, org, hr),
      'GET',
      '/api/v1/hr/progress',
    );
    expect(progress.body.year).toBe(ROUND);

    const card = await chat(org, hr, 'strateginen keskustelu');
    expect(cardText(card)).toContain(`Strateginen osaamiskeskustelu ${progress.body.year}`);
    await press(org, hr, STRATEGY_VERBS.save, {
      ...button(card, STRATEGY_VERBS.save),
      [agendaInputId(STRATEGY_AGENDA_ITEMS[0])]: 'Koulutussuunnitelmat käytiin läpi.',
    });
    const stored = await app.repositories.strategicDiscussions.get(org.tenantId, ROUND);
    expect(stored?.value.agenda[STRATEGY_AGENDA_ITEMS[0]]).toBe('Koulutussuunnitelmat käytiin läpi.');
    expect(await app.repositories.strategicDiscussions.get(org.tenantId, ROUND - 1)).toBeNull();
  });
});
