/**
 * The anonymity threshold is configurable only upward (issue 6): HR raises it over the tabs' API; lowering it,
 * going under 5 or a fraction is refused with the domain's code, and only HR may change it. The summaries then
 * hide by the raised threshold.
 */
import { compileServiceAreaSummary } from '../../bot/src/summaries/summary-compilation';
import { call, newOrganisation, startTabsApi, tokenOf, type TestApi } from '../api/tabs-api-fixture';

const PATH = '/api/v1/organisation/anonymity-threshold';

describe('the anonymity threshold: configurable only upward', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTabsApi();
  });

  afterAll(async () => {
    await api?.stop();
  });

  const stored = async (tenantId: string) =>
    (await api.app.repositories.organisations.get(tenantId))?.value.anonymityThreshold;

  test('HR raises it from the default 5, and the summaries hide by the raised one', async () => {
    const org = await newOrganisation(api.app);
    const hr = await tokenOf(api.app, org, org.people.hr);
    const raised = await call(api.app, hr, 'PUT', PATH, { body: { threshold: 7 } });
    expect(raised).toEqual({ status: 200, body: { anonymityThreshold: 7 } });
    await expect(stored(org.tenantId)).resolves.toBe(7);
    const figures = (await compileServiceAreaSummary(api.app.repositories, org.tenantId, 2026, 'sa-1'))
      .figures;
    expect(figures.threshold).toBe(7);
    // Setting the same value again changes nothing.
    expect((await call(api.app, hr, 'PUT', PATH, { body: { threshold: 7 } })).status).toBe(200);
  });

  test('refuses to lower it, to go under 5 and a fraction; nothing is written', async () => {
    const org = await newOrganisation(api.app);
    const hr = await tokenOf(api.app, org, org.people.hr);
    await call(api.app, hr, 'PUT', PATH, { body: { threshold: 8 } });
    for (const [threshold, code] of [
      [6, 'anonymity.cannotLower'],
      [4, 'anonymity.invalidThreshold'],
      [8.5, 'anonymity.invalidThreshold'],
    ] as const) {
      const refused = await call<{ error: { code: string; message: string } }>(api.app, hr, 'PUT', PATH, {
        body: { threshold },
      });
      expect([threshold, refused.status, refused.body.error.code]).toEqual([threshold, 422, code]);
      expect(refused.body.error.message).toMatch(/raised|at least 5/);
    }
    expect((await call(api.app, hr, 'PUT', PATH, { body: { threshold: 'kymmenen' } })).status).toBe(400);
    await expect(stored(org.tenantId)).resolves.toBe(8);
  });

  test('only HR sets it', async () => {
    const org = await newOrganisation(api.app);
    for (const person of [org.people.cityManager, org.people.director, org.people.employee]) {
      const answer = await call(api.app, await tokenOf(api.app, org, person), 'PUT', PATH, {
        body: { threshold: 9 },
      });
      expect(answer.status).toBe(403);
    }
    await expect(stored(org.tenantId)).resolves.toBe(5);
  });
});
