/** The training plan exports over HTTP: the files open (csv-parse, exceljs) with the plan's rows, for those who may see the plan. */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { RunningApp } from '../../bot/src/app';
import type { TrainingPlan } from '../../bot/src/domain/training-plan';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { bearer, devToken } from '../support/tokens';
import { AREA_A, knownCity, storeKnownCity, YEAR } from '../summaries/support/known-city';

describe('training plans: CSV and XLSX exports', () => {
  let app: RunningApp;
  const tenantId = newTenantId();
  const city = knownCity(tenantId);
  const central: TrainingPlan = {
    tenantId,
    year: YEAR,
    scope: 'central',
    serviceAreaId: null,
    status: 'confirmed',
    items: [
      {
        id: 'c1',
        need: 'Digitaidot; "asiakastyö" ja\nsähköinen asiointi',
        competenceId: 'technology-and-digital',
        way: '10',
        audience: 'Koko henkilöstö',
        headcount: 9,
        serviceAreaId: AREA_A,
      },
      {
        id: 'c2',
        need: '=HYPERLINK("http://example.test")',
        competenceId: null,
        way: '20',
        audience: 'Esihenkilöt',
        headcount: 5,
        serviceAreaId: null,
      },
    ],
    history: [
      { status: 'draft', by: city.hr.id, at: `${YEAR}-10-01T09:00:00.000Z` },
      { status: 'reviewed', by: city.director.id, at: `${YEAR}-11-01T09:00:00.000Z` },
      { status: 'confirmed', by: city.committee.id, at: `${YEAR}-12-01T09:00:00.000Z` },
    ],
  };

  const download = async (personId: string, query: string) =>
    fetch(`${app.url}/api/v1/training-plans/${YEAR}/export?${query}`, {
      headers: bearer(await devToken(app.url, tenantId, personId)),
    });

  beforeAll(async () => {
    app = await startTestApp();
    await storeKnownCity(app.repositories, city);
    await app.repositories.trainingPlans.create(central);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('exports the central plan as CSV that opens with the header and one row per item', async () => {
    const response = await download(city.hr.id, 'plan=central&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(
      `koulutussuunnitelma-${YEAR}-keskitetty.csv`,
    );
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    const rows = parse(text, { delimiter: ';', bom: true }) as string[][];
    expect(rows).toEqual([
      ['Nro', 'Palvelualue', 'Tarve', 'Osaaminen', 'Oppimistapa', 'Kohderyhmä', 'Henkilömäärä'],
      [
        '1',
        'Hyvinvointipalvelut',
        'Digitaidot; "asiakastyö" ja\nsähköinen asiointi',
        'Teknologia- ja digiosaaminen',
        '10 koulutus ja valmennus',
        'Koko henkilöstö',
        '9',
      ],
      // A text that a spreadsheet would run as a formula stays text.
      [
        '2',
        'Koko kaupungin anonyymit tarpeet',
        `'=HYPERLINK("http://example.test")`,
        '',
        '20 toisilta oppiminen',
        'Esihenkilöt',
        '5',
      ],
    ]);
  });

  it('exports the central plan as XLSX with the items and who handled the plan and when', async () => {
    const response = await download(city.committee.id, 'plan=central&format=xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const [items, history] = workbook.worksheets;
    const values = (sheet: ExcelJS.Worksheet | undefined) =>
      (sheet?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(values(items)).toEqual([
      ['Nro', 'Palvelualue', 'Tarve', 'Osaaminen', 'Oppimistapa', 'Kohderyhmä', 'Henkilömäärä'],
      [
        1,
        'Hyvinvointipalvelut',
        'Digitaidot; "asiakastyö" ja\nsähköinen asiointi',
        'Teknologia- ja digiosaaminen',
        '10 koulutus ja valmennus',
        'Koko henkilöstö',
        9,
      ],
      [
        2,
        'Koko kaupungin anonyymit tarpeet',
        '=HYPERLINK("http://example.test")',
        '',
        '20 toisilta oppiminen',
        'Esihenkilöt',
        5,
      ],
    ]);
    const name = (person: { firstName: string; lastName: string }) =>
      `${person.firstName} ${person.lastName}`;
    expect(values(history)).toEqual([
      ['Tila', 'Kuka', 'Milloin'],
      ['Luonnos', name(city.hr), new Date(`${YEAR}-10-01T09:00:00.000Z`)],
      [
        'Käsitelty kaupunginjohtajan johtoryhmässä',
        name(city.director),
        new Date(`${YEAR}-11-01T09:00:00.000Z`),
      ],
      ['Vahvistettu YT-neuvottelukunnassa', name(city.committee), new Date(`${YEAR}-12-01T09:00:00.000Z`)],
    ]);
  });

  it('answers in the reader’s language', async () => {
    const response = await fetch(`${app.url}/api/v1/training-plans/${YEAR}/export?plan=central&format=csv`, {
      headers: { ...bearer(await devToken(app.url, tenantId, city.hr.id)), 'accept-language': 'sv-FI' },
    });
    const rows = parse(Buffer.from(await response.arrayBuffer()).toString('utf8'), {
      delimiter: ';',
      bom: true,
    }) as string[][];
    expect(rows[0]).toEqual([
      'Nr',
      'Serviceområde',
      'Behov',
      'Kompetens',
      'Inlärningssätt',
      'Målgrupp',
      'Antal personer',
    ]);
  });

  it('gives no file to those who do not see the plan, or for a plan that does not exist', async () => {
    expect((await download(city.member('alfa', 2).id, 'plan=central&format=csv')).status).toBe(403);
    expect(
      (await fetch(`${app.url}/api/v1/training-plans/${YEAR}/export?plan=central&format=csv`)).status,
    ).toBe(401);
    expect((await download(city.hr.id, `plan=${AREA_A}&format=xlsx`)).status).toBe(404);
    expect((await download(city.hr.id, 'plan=central&format=pdf')).status).toBe(400);
  });

  it('lists the year’s plans with who handled them', async () => {
    const response = await fetch(`${app.url}/api/v1/training-plans?year=${YEAR}`, {
      headers: bearer(await devToken(app.url, tenantId, city.director.id)),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      plans: Array<{ scope: string; history: Array<{ byName: string | null }> }>;
    };
    expect(body.plans.map((plan) => plan.scope)).toEqual(['central']);
    expect(body.plans[0]?.history.map((change) => change.byName)).toEqual([
      `${city.hr.firstName} ${city.hr.lastName}`,
      `${city.director.firstName} ${city.director.lastName}`,
      `${city.committee.firstName} ${city.committee.lastName}`,
    ]);
  });
});
