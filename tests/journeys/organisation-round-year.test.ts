/**
 * One round for the organisation-wide work too. The summaries and the training plans work on a round's
 * discussions until the planning window closes (30.9.), the strategic discussion until its own window closes
 * (31.12.): on 7 December 2026 the summaries and the plans are about the 2027 round, the strategic discussion
 * (open 1.10.–31.12.) still reviews the 2026 plans. In each case the chat card and the tab name the same year
 * and open the same stored record.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { Person } from '../../bot/src/domain/organisation';
import { defaultAnnualClock } from '../../bot/src/domain/default-annual-clock';
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
/** 15 June 2026: the 2026 round's discussions have closed and its training plans are being drawn up. */
const JUNE = new Date('2026-06-15T09:00:00Z');
/** 11 January 2027: the 2026 strategic discussion (1.10.–31.12.2026) is over. */
const JANUARY = new Date('2027-01-11T09:00:00Z');
const AREA = 'sa-1';

let app: RunningApp;
let connector: ConnectorStandIn;
let now = DECEMBER;

beforeAll(async () => {
  [app, connector] = await Promise.all([
    startTestApp({}, { now: () => now }),
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

beforeEach(() => {
  now = DECEMBER;
});

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

  test('the strategic discussion: in December HR’s card is the 2026 discussion, open on the clock, and saves into it', async () => {
    const org = await newOrganisation();
    const { hr } = org.people;
    const card = await chat(org, hr, 'strateginen keskustelu');
    expect(cardText(card)).toContain(`Strateginen osaamiskeskustelu ${ROUND - 1}`);
    await press(org, hr, STRATEGY_VERBS.save, {
      ...button(card, STRATEGY_VERBS.save),
      [agendaInputId(STRATEGY_AGENDA_ITEMS[0])]: 'Koulutussuunnitelmat käytiin läpi.',
    });
    const stored = await app.repositories.strategicDiscussions.get(org.tenantId, ROUND - 1);
    expect(stored?.value.agenda[STRATEGY_AGENDA_ITEMS[0]]).toBe('Koulutussuunnitelmat käytiin läpi.');

    now = JANUARY;
    expect(cardText(await chat(org, hr, 'strateginen keskustelu'))).toContain(
      `Strateginen osaamiskeskustelu ${ROUND}`,
    );
  });

  test('with a strategic window over New Year (1.11.–31.1.), December is already the 2027 discussion', async () => {
    const org = await newOrganisation();
    const clock = defaultAnnualClock();
    clock.phases = clock.phases.map((phase) =>
      phase.kind === 'strategicDiscussion' ? { ...phase, opens: '11-01', closes: '01-31' } : phase,
    );
    await app.repositories.annualClocks.create({ tenantId: org.tenantId, ...clock });
    const card = await chat(org, org.people.hr, 'strateginen keskustelu');
    expect(cardText(card)).toContain(`Strateginen osaamiskeskustelu ${ROUND}`);
    expect(button(card, STRATEGY_VERBS.save)).toMatchObject({ year: ROUND });
  });
});

describe('in the planning season, the summaries and the plans are about the round whose discussions just closed', () => {
  test('in June the director’s plan card, the plans tab, HR’s summaries card and the HR tab all name 2026', async () => {
    now = JUNE;
    const org = await newOrganisation();
    const { director, hr } = org.people;
    const plans = await chat(org, director, 'koulutussuunnitelma');
    expect(cardText(plans)).toContain(`Koulutussuunnitelmat ${ROUND - 1}`);
    const tab = await call<{ year: number }>(
      app,
      await tokenOf(app, org, director),
      'GET',
      '/api/v1/training-plans',
    );
    expect(tab.body.year).toBe(ROUND - 1);

    expect(cardText(await chat(org, hr, 'koonnit'))).toContain(`Osaamiskoonnit ${ROUND - 1}`);
    const desk = await call<{ year: number }>(
      app,
      await tokenOf(app, org, hr),
      'GET',
      '/api/v1/hr/summaries',
    );
    expect(desk.body.year).toBe(ROUND - 1);
  });
});
