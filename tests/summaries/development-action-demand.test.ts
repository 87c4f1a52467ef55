/**
 * Coaching and work supervision (seed 000) over HTTP: a person asks for them on a card and sees only their own
 * requests; HR sees the demand per service area as counts, and not at all below the threshold.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { Demand } from '../../bot/src/development-actions/development-action-service';
import { rebuildYear } from '../../bot/src/summaries/aggregate-refresh';
import { compileServiceAreaSummary } from '../../bot/src/summaries/summary-compilation';
import type { TeamsUser } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { bearer, devToken } from '../support/tokens';
import { AREA_A, AREA_B, knownCity, storeKnownCity, YEAR } from './support/known-city';
import { cardAction, cardOf, invoke } from './support/teams-activities';

describe('coaching and work supervision: asked for by a person, seen by HR in aggregate', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const tenantId = newTenantId();
  const city = knownCity(tenantId);
  const as = (personId: string): TeamsUser => {
    const person = city.people.find((candidate) => candidate.id === personId);
    if (!person?.aadObjectId) throw new Error(`no person ${personId}`);
    return { tenantId, aadObjectId: person.aadObjectId };
  };
  const press = (personId: string, verb: string, data: Record<string, unknown>) =>
    invoke(app.url, cardAction(as(personId), verb, data, { serviceUrl: connector.serviceUrl }));
  const ask = (personId: string, choice: string) =>
    press(personId, 'developmentActions.request', { year: YEAR, choice });

  beforeAll(async () => {
    [app, connector] = await Promise.all([
      startTestApp({}, { now: () => new Date(`${YEAR}-03-01T09:00:00.000Z`) }),
      startConnectorStandIn(),
    ]);
    await storeKnownCity(app.repositories, city);
    const askers = ['alfa-1', 'alfa-2', 'alfa-3', 'alfa-4', 'alfa-5', 'delta-2'];
    for (const personId of askers) await ask(personId, 'coaching:individual');
    await ask('delta-3', 'workSupervision:group');
    await ask('delta-4', 'workSupervision:group');
    await ask('katu-3', 'workSupervision:group');
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  it('shows a person their own requests and lets them withdraw one', async () => {
    const own = cardOf(await press('delta-2', 'developmentActions.open', { year: YEAR }));
    expect(own.json).toContain('Yksilövalmennus (pyydetty');
    expect(own.json).not.toContain('Ryhmätyönohjaus (pyydetty');
    const withdrawn = cardOf(
      await press('delta-2', 'developmentActions.withdraw', { year: YEAR, kind: 'coaching' }),
    );
    expect(withdrawn.json).toContain('Pyyntö peruttiin.');
    expect(withdrawn.json).not.toContain('Yksilövalmennus (pyydetty');
  });

  it('counts each person once per kind: asking again changes the form', async () => {
    await ask('alfa-5', 'coaching:group');
    const requests = await app.repositories.developmentActionRequests.listForPerson(tenantId, YEAR, 'alfa-5');
    expect(requests.map((request) => [request.kind, request.form, request.status])).toEqual([
      ['coaching', 'group', 'requested'],
    ]);
    await ask('alfa-5', 'coaching:individual');
  });

  it('gives HR the demand per area as counts; under 5 is not shown, not even through the city’s total', async () => {
    const response = await fetch(`${app.url}/api/v1/development-actions/demand?year=${YEAR}`, {
      headers: bearer(await devToken(app.url, tenantId, city.hr.id)),
    });
    expect(response.status).toBe(200);
    const demand = (await response.json()) as Demand;
    const count = (figures: Demand['city'], kind: string, form: string) =>
      figures.find((figure) => figure.kind === kind && figure.form === form)?.count;
    const area = (id: string) =>
      demand.areas.find((candidate) => candidate.serviceAreaId === id)?.demand ?? [];
    expect(count(area(AREA_A), 'coaching', 'individual')).toBe(5);
    expect(count(area(AREA_A), 'workSupervision', 'group')).toBeNull();
    expect(count(area(AREA_B), 'workSupervision', 'group')).toBeNull();
    // Area B's requests never moved by the threshold: its demand was never released, nothing of it is shown.
    expect(count(area(AREA_B), 'coaching', 'individual')).toBeNull();
    expect(count(demand.city, 'workSupervision', 'group')).toBeNull();
    expect(count(demand.city, 'coaching', 'individual')).toBe(5);
    const text = JSON.stringify(demand);
    for (const personId of ['alfa-1', 'delta-3', 'katu-3']) expect(text).not.toContain(personId);
  });

  it('shows the demand card to HR only', async () => {
    const card = cardOf(await press(city.hr.id, 'developmentActions.demand', { year: YEAR }));
    expect(card.json).toContain('Yksilövalmennus: 5');
    expect(card.json).toContain('Ryhmätyönohjaus: alle 5');
    const refused = await press('alfa-2', 'developmentActions.demand', { year: YEAR });
    expect(refused.value).toBe('Kysynnän näkevät henkilöstöpalvelut.');
    const api = await fetch(`${app.url}/api/v1/development-actions/demand?year=${YEAR}`, {
      headers: bearer(await devToken(app.url, tenantId, 'alfa-2')),
    });
    expect(api.status).toBe(403);
  });

  it('brings the area’s demand into its summary', async () => {
    await rebuildYear(app.repositories, tenantId, YEAR);
    const { figures } = await compileServiceAreaSummary(app.repositories, tenantId, YEAR, AREA_A);
    expect(figures.developmentActions).toContainEqual({ kind: 'coaching', form: 'individual', count: 5 });
    expect(figures.developmentActions).toContainEqual({
      kind: 'workSupervision',
      form: 'group',
      count: null,
    });
  });
});
