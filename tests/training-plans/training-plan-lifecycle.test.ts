/**
 * The training plans' lifecycle over HTTP, as Teams drives the cards: the service area's plan (drafted from its
 * anonymous needs, submitted), HR's central plan, review by the city manager's management team and confirmation
 * by the co-operation committee, with every refused transition leaving the plan as it was.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { TeamsUser } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { planCard } from '../../bot/src/training-plans/training-plan-view';
import { rebuildYear } from '../../bot/src/summaries/aggregate-refresh';
import { AREA_A, AREA_B, AREA_C, knownCity, storeKnownCity, YEAR } from '../summaries/support/known-city';
import {
  actionsOf,
  cardAction,
  cardOf,
  invoke,
  type InvokeAnswer,
} from '../summaries/support/teams-activities';

describe('training plans: service area → central → reviewed → confirmed', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const tenantId = newTenantId();
  const city = knownCity(tenantId);
  const as = (personId: string): TeamsUser => {
    const person = city.people.find((candidate) => candidate.id === personId);
    if (!person?.aadObjectId) throw new Error(`no person ${personId}`);
    return { tenantId, aadObjectId: person.aadObjectId };
  };
  const director = as(city.director.id);
  const hr = as(city.hr.id);
  const committee = as(city.committee.id);
  const employee = as(city.member('alfa', 2).id);
  const areaPlan = { year: YEAR, serviceAreaId: AREA_A };
  const centralPlan = { year: YEAR, serviceAreaId: null };

  const press = (who: TeamsUser, verb: string, data: Record<string, unknown>): Promise<InvokeAnswer> =>
    invoke(app.url, cardAction(who, verb, data, { serviceUrl: connector.serviceUrl, locale: 'fi-FI' }));

  /** Opens a plan and returns the card's text and the ETag its buttons carry. */
  const open = async (who: TeamsUser, plan: Record<string, unknown>) => {
    const { json, card } = cardOf(await press(who, 'trainingPlan.open', plan));
    const etag = actionsOf(card).find((action) => typeof action.data.etag === 'string')?.data.etag;
    return { json, card, etag: String(etag ?? '') };
  };

  const stored = async (serviceAreaId: string | null) =>
    (await app.repositories.trainingPlans.get(tenantId, YEAR, serviceAreaId))?.value;
  /** The stored ETag, for pressing a button the card does not offer (as a forged or old card would). */
  const storedEtag = async (serviceAreaId: string | null) =>
    (await app.repositories.trainingPlans.get(tenantId, YEAR, serviceAreaId))?.etag ?? '';

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
    await storeKnownCity(app.repositories, city);
    await rebuildYear(app.repositories, tenantId, YEAR);
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  it('shows no plan to an employee', async () => {
    const answer = await press(employee, 'trainingPlan.open', areaPlan);
    expect(answer.value).toBe(
      'Koulutussuunnitelmat näkyvät henkilöstöpalveluille, johtoryhmille ja YT-neuvottelukunnalle.',
    );
    expect(await stored(AREA_A)).toBeUndefined();
  });

  it('lets the area’s management team draft its plan from the area’s anonymous needs and its own items', async () => {
    let { etag } = await open(director, areaPlan);
    expect((await stored(AREA_A))?.status).toBe('draft');
    cardOf(await press(director, 'trainingPlan.addNeeds', { ...areaPlan, etag }));
    ({ etag } = await open(director, areaPlan));
    const { json } = cardOf(
      await press(director, 'trainingPlan.addItem', {
        ...areaPlan,
        etag,
        need: 'Asiakaspalvelun vuorovaikutus',
        competenceId: 'interaction-and-collaboration',
        way: '20',
        audience: 'Asiakaspalvelu',
        headcount: '12',
      }),
    );
    expect(json).toContain('Tallennettu.');
    const plan = await stored(AREA_A);
    // The area's 9 needs in technology are drafted in; its 3 in self-management are under 5 and stay hidden.
    expect(plan?.items.map((item) => [item.need, item.competenceId, item.way, item.headcount])).toEqual([
      ['Teknologia- ja digiosaaminen', 'technology-and-digital', '10', 9],
      ['Asiakaspalvelun vuorovaikutus', 'interaction-and-collaboration', '20', 12],
    ]);
    expect(plan?.items.some((item) => item.competenceId === 'self-management')).toBe(false);
  });

  it('shows another area’s plan to the city manager’s management team without drafting it, and refuses an item without a need', async () => {
    const other = cardOf(await press(director, 'trainingPlan.open', { year: YEAR, serviceAreaId: AREA_B }));
    expect(other.json).toContain('Ei vielä laadittu');
    expect(actionsOf(other.card).map((action) => action.verb)).toEqual(['trainingPlans.overview']);
    expect(await stored(AREA_B)).toBeUndefined();
    const { etag } = await open(director, areaPlan);
    const { json } = cardOf(
      await press(director, 'trainingPlan.addItem', { ...areaPlan, etag, need: '  ', way: '10' }),
    );
    expect(json).toContain('Kuvaa tarve.');
    expect((await stored(AREA_A))?.items).toHaveLength(2);
  });

  /** The area's people in the organisation data: no item of its plan can concern more. */
  const areaHeadcount = city.people.filter((person) => person.serviceAreaId === AREA_A).length;

  it.each([
    ['a negative headcount', '-5'],
    ['more people than the service area has', String(areaHeadcount + 1)],
    ['more people than any municipality has', '99999999'],
    ['an empty headcount', ''],
  ])('refuses %s with an error naming the area’s headcount, storing nothing', async (_label, headcount) => {
    const { etag } = await open(director, areaPlan);
    const { json } = cardOf(
      await press(director, 'trainingPlan.addItem', {
        ...areaPlan,
        etag,
        need: 'Ensiapu',
        way: '10',
        headcount,
      }),
    );
    expect(json).toContain(
      `Henkilömäärä on kokonaisluku väliltä 0–${areaHeadcount} (Hyvinvointipalvelut: ${areaHeadcount} henkilöä). Mitään ei tallennettu.`,
    );
    expect((await stored(AREA_A))?.items.map((item) => item.need)).not.toContain('Ensiapu');
  });

  it('bounds the card’s headcount input by the area’s headcount and accepts the whole area', async () => {
    const { card, etag } = await open(director, areaPlan);
    expect(JSON.stringify(card)).toContain(`"max":${areaHeadcount}`);
    cardOf(
      await press(director, 'trainingPlan.addItem', {
        ...areaPlan,
        etag,
        need: 'Koko alueen ensiapu',
        way: '10',
        headcount: String(areaHeadcount),
      }),
    );
    const saved = (await stored(AREA_A))?.items.find((item) => item.need === 'Koko alueen ensiapu');
    expect(saved?.headcount).toBe(areaHeadcount);
    const removed = actionsOf((await open(director, areaPlan)).card).find(
      (action) => action.verb === 'trainingPlan.removeItem' && action.title.includes('Koko alueen ensiapu'),
    );
    cardOf(await press(director, 'trainingPlan.removeItem', removed?.data ?? {}));
  });

  it.each([
    [
      'sv',
      'Antalet personer är ett heltal mellan 0 och 22 (Hyvinvointipalvelut: 22 personer). Inget sparades.',
    ],
    [
      'en',
      'The headcount is a whole number from 0 to 22 (Hyvinvointipalvelut: 22 people). Nothing was saved.',
    ],
  ] as const)('says the headcount limit in %s', async (locale, expected) => {
    const [area, read] = await Promise.all([
      app.repositories.serviceAreas.get(tenantId, AREA_A),
      app.repositories.trainingPlans.get(tenantId, YEAR, AREA_A),
    ]);
    const card = planCard(
      locale,
      {
        year: YEAR,
        serviceArea: area?.value ?? null,
        read,
        competences: [],
        names: new Map(),
        viewer: city.director,
        maxHeadcount: 22,
        areaNames: new Map(),
      },
      { key: 'trainingPlan.invalidHeadcount', color: 'Attention' },
    );
    expect(JSON.stringify(card).split(expected)).toHaveLength(3);
  });

  it('refuses a change from a card that is out of date', async () => {
    const { etag } = await open(director, areaPlan);
    cardOf(
      await press(director, 'trainingPlan.addItem', {
        ...areaPlan,
        etag,
        need: 'Tietosuoja',
        way: '10',
        headcount: '4',
      }),
    );
    const stale = cardOf(
      await press(director, 'trainingPlan.addItem', {
        ...areaPlan,
        etag,
        need: 'Toinen',
        way: '10',
        headcount: '4',
      }),
    );
    expect(stale.json).toContain('Joku muutti suunnitelmaa sillä välin.');
    const plan = await stored(AREA_A);
    expect(plan?.items.map((item) => item.need)).toContain('Tietosuoja');
    expect(plan?.items.map((item) => item.need)).not.toContain('Toinen');
    const removed = actionsOf((await open(director, areaPlan)).card).find(
      (action) => action.verb === 'trainingPlan.removeItem' && action.title.includes('Tietosuoja'),
    );
    cardOf(await press(director, 'trainingPlan.removeItem', removed?.data ?? {}));
    expect((await stored(AREA_A))?.items).toHaveLength(2);
  });

  it('submits the area’s plan, after which its items no longer change', async () => {
    let { etag } = await open(director, areaPlan);
    expect(cardOf(await press(director, 'trainingPlan.submit', { ...areaPlan, etag })).json).toContain(
      'Suunnitelma jätettiin.',
    );
    ({ etag } = await open(director, areaPlan));
    const refused = cardOf(
      await press(director, 'trainingPlan.addItem', { ...areaPlan, etag, need: 'Myöhässä', way: '10' }),
    );
    expect(refused.json).toContain('Suunnitelman tila ei salli tätä.');
    expect((await stored(AREA_A))?.status).toBe('submitted');
  });

  it('refuses review and confirmation before HR has combined the central plan', async () => {
    expect(cardOf(await press(director, 'trainingPlan.review', { ...centralPlan, etag: '' })).json).toContain(
      'Suunnitelmaa ei ole vielä laadittu.',
    );
    expect(await stored(null)).toBeUndefined();
  });

  it('lets only HR combine the submitted plans and the anonymous needs into the central plan', async () => {
    expect(
      cardOf(await press(director, 'trainingPlan.combine', { ...centralPlan, etag: '' })).json,
    ).toContain('Roolisi ei tee tätä suunnitelmalle.');
    const { json } = cardOf(await press(hr, 'trainingPlan.combine', { ...centralPlan, etag: '' }));
    expect(json).toContain('Keskitetty suunnitelma koottiin.');
    const central = await stored(null);
    expect(central?.status).toBe('draft');
    expect(central?.items.map((item) => [item.id, item.need, item.headcount])).toEqual([
      ['c1', 'Teknologia- ja digiosaaminen', 9],
      ['c2', 'Asiakaspalvelun vuorovaikutus', 12],
      // The city's anonymous needs: the released 21 + 6 people; a need count under 5 (self-management's 3) is
      // hidden, so it is in neither plan.
      ['c3', 'Teknologia- ja digiosaaminen', 9],
    ]);
  });

  it('opens the central plan from the list as Teams sends the row (without its null area), each row naming its origin', async () => {
    const list = cardOf(await press(committee, 'trainingPlans.overview', { year: YEAR }));
    const row = actionsOf(list.card).find(
      (action) => action.verb === 'trainingPlan.open' && action.data.serviceAreaId === undefined,
    );
    expect(row?.data).toEqual({ year: YEAR });
    const { json, card } = cardOf(await press(committee, 'trainingPlan.open', row?.data ?? {}));
    expect(json).toContain(`Keskitetty koulutussuunnitelma ${YEAR}`);
    expect(json).toContain('Hyvinvointipalvelut: Asiakaspalvelun vuorovaikutus');
    expect(json).toContain('Koko kaupungin anonyymit tarpeet: Teknologia- ja digiosaaminen');
    expect(actionsOf(card).map((action) => action.verb)).toEqual(['trainingPlans.overview']);
  });

  it('refuses confirmation before review, and review by anyone but the city manager’s management team', async () => {
    let etag = await storedEtag(null);
    expect(cardOf(await press(committee, 'trainingPlan.confirm', { ...centralPlan, etag })).json).toContain(
      'Suunnitelman tila ei salli tätä.',
    );
    expect(cardOf(await press(hr, 'trainingPlan.review', { ...centralPlan, etag })).json).toContain(
      'Roolisi ei tee tätä suunnitelmalle.',
    );
    expect((await stored(null))?.status).toBe('draft');
    // Out of order: the draft combines 1 of the city's 3 service areas.
    ({ etag } = await open(director, centralPlan));
    expect(cardOf(await press(director, 'trainingPlan.review', { ...centralPlan, etag })).json).toContain(
      'Keskitetty suunnitelma ei ole vielä valmis käsiteltäväksi: siinä on 1/3 palvelualueen lähetetty suunnitelma.',
    );
    expect((await stored(null))?.status).toBe('draft');
    for (const serviceAreaId of [AREA_B, AREA_C]) {
      const plan = { year: YEAR, serviceAreaId };
      const opened = await open(hr, plan);
      cardOf(await press(hr, 'trainingPlan.submit', { ...plan, etag: opened.etag }));
    }
    cardOf(await press(hr, 'trainingPlan.combine', { ...centralPlan, etag: await storedEtag(null) }));
    expect((await stored(null))?.combinedAreas).toEqual([AREA_B, AREA_A, AREA_C].sort());
    ({ etag } = await open(director, centralPlan));
    expect(cardOf(await press(director, 'trainingPlan.review', { ...centralPlan, etag })).json).toContain(
      'Merkitty käsitellyksi.',
    );
  });

  it('lets only the co-operation committee confirm, and keeps who did what and when', async () => {
    let etag = await storedEtag(null);
    expect(cardOf(await press(hr, 'trainingPlan.confirm', { ...centralPlan, etag })).json).toContain(
      'Roolisi ei tee tätä suunnitelmalle.',
    );
    ({ etag } = await open(committee, centralPlan));
    const confirmed = cardOf(await press(committee, 'trainingPlan.confirm', { ...centralPlan, etag }));
    expect(confirmed.json).toContain('Suunnitelma vahvistettiin.');
    const central = await stored(null);
    expect(central?.history.map((change) => [change.status, change.by])).toEqual([
      ['draft', city.hr.id],
      ['reviewed', city.director.id],
      ['confirmed', city.committee.id],
    ]);
    expect(confirmed.json).toContain(
      `Vahvistettu YT-neuvottelukunnassa: ${city.committee.firstName} ${city.committee.lastName}`,
    );
    // A confirmed plan is not combined again.
    expect(cardOf(await press(hr, 'trainingPlan.combine', { ...centralPlan, etag: '' })).json).toContain(
      'Suunnitelman tila ei salli tätä.',
    );
  });
});
