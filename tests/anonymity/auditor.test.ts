/**
 * The anonymity auditor (docs/anonymity.md; issue 13). An organisation of three service areas with teams of 1
 * to 12 people (1, 2, 3, 5, 7, 12 and an area of 4: small enough that the run stays near a minute) signs its
 * discussions one by one through a scripted year, some asking for coaching or work supervision as they sign.
 * After each signing everything a person can read is read through the HTTP API: HR's city figures (heatmap,
 * year-over-year, demand in them), HR's demand, progress and send counts, and, as every employee, each area's
 * published summaries (the channel tab and its history); HR drafts and publishes every area now and then as
 * the year goes. Two attackers then look at it all:
 *  - one compares every figure with the last value shown of it (support/readable-cells.ts): none may move by
 *    1…k−1 between two readings;
 *  - the auditor (auditor.ts, integer linear programming with HiGHS) builds the equations of every figure read
 *    and looks for any group or bucket under the threshold whose value they determine.
 * And the run must have read a meaningful number of figures (a bound computed from the organisation), so that
 * "nothing found" does not mean "nothing shown". The self-test first shows that the auditor catches the three
 * attacks of issue 13 on the figures the app used to show (reconstructed here from the true counts).
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { assessedCompetences } from '../../bot/src/domain/assessment-rules';
import { defaultCompetenceFramework } from '../../bot/src/domain/competence-catalogue';
import type { Person } from '../../bot/src/domain/organisation';
import { requestAction } from '../../bot/src/development-actions/development-action-service';
import type {
  DevelopmentActionForm,
  DevelopmentActionKind,
} from '../../bot/src/storage/development-action-request-repository';
import type { SummaryFigures } from '../../bot/src/storage/summary-publication-repository';
import { runRemindersForDay } from '../../bot/src/clock/daily-reminders';
import { linkedChannels } from '../../bot/src/clock/linked-channels';
import { storedAddresses } from '../../bot/src/clock/reminder-addresses';
import { openFanout } from '../../bot/src/fanout/fanout-engine';
import { createLogger } from '../../bot/src/logging';
import {
  addAreaNeeds,
  combineCentralPlan,
  openAreaPlan,
  submitAreaPlan,
} from '../../bot/src/training-plans/training-plan-service';
import { TRAINING_PLAN_TEXTS } from '../../bot/src/training-plans/training-plan-texts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { postActivity, teamInstallation } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { bearer, devToken } from '../support/tokens';
import { audit, type Figure, type Target, type Truth } from './auditor';
import { CellWatcher, readableCells } from './support/readable-cells';
import { seedOrganisation, signDiscussion, type OrgShape } from './support/scripted-org';

const K = 5;
const YEAR = 2026;
const COMPETENCE = 'self-management';
const VALUES = [1, 2, 3, 4, 5];
const RATING_ATOMS = [...VALUES.map((v) => `v${v}`), 'needs'];
/** What some ask for as they sign: an area's demand, by kind and form. */
const ASKS: readonly (readonly [DevelopmentActionKind, DevelopmentActionForm])[] = [
  ['coaching', 'individual'],
  ['coaching', 'group'],
  ['workSupervision', 'group'],
];
const DEMAND_ATOMS = ASKS.map(([kind, form]) => `d_${kind}_${form}`);
/** The clock's days the scripted year reaches, by the signing after which they come: 14 and 3 days before the
 * discussions' deadline (31.3.), a deadline reminder each. */
const CLOCK_DAYS = new Map([
  [20, '2026-03-17'],
  [23, '2026-03-28'],
]);
/** When HR drafts the training plans (after the publishing of that moment). */
const PLANNED_AT = 24;

const ORG: OrgShape = {
  areas: [
    {
      id: 'a1',
      teams: [
        { id: 't12', size: 12 },
        { id: 't3', size: 3 },
        { id: 't1', size: 1 },
      ],
    },
    {
      id: 'a2',
      teams: [
        { id: 't7', size: 7 },
        { id: 't2', size: 2 },
        { id: 't5', size: 5 },
      ],
    },
    // An area under the threshold: it shows nothing and counts only in the city.
    { id: 'a3', teams: [{ id: 't4', size: 4 }] },
  ],
};

/** A small deterministic generator (the order of signing and the ratings are the same on every run). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

interface Signing {
  teamId: string;
  areaId: string;
  personIndex: number;
  rating: number;
  /** What the person asks for as they sign (an index into ASKS), if anything. */
  ask: number | null;
}

function signings(seed: number): Signing[] {
  const next = random(seed);
  const all = ORG.areas.flatMap((area) =>
    area.teams.flatMap((team) =>
      Array.from({ length: team.size }, (_, personIndex) => ({
        teamId: team.id,
        areaId: area.id,
        personIndex,
        // Mostly the middle of the scale, sometimes an edge: the small buckets the attacks look for.
        rating: [3, 3, 3, 4, 4, 2, 5, 1][Math.floor(next() * 8)] ?? 3,
        ask: [0, 0, 1, 2, null, null][Math.floor(next() * 6)] ?? null,
      })),
    ),
  );
  return all
    .map((signing) => ({ signing, key: next() }))
    .sort((a, b) => a.key - b.key)
    .map(({ signing }) => signing);
}

/** The true counts after each signing (epoch e = after e signings). */
function truthOf(order: readonly Signing[]): Truth {
  const counts: Map<string, number>[] = [new Map()];
  for (const signing of order) {
    const next = new Map(counts[counts.length - 1]);
    const add = (atom: string): void => {
      const key = `${signing.teamId}|${atom}`;
      next.set(key, (next.get(key) ?? 0) + 1);
    };
    add(`v${signing.rating}`);
    if (signing.rating < 3) add('needs');
    const asked = signing.ask === null ? undefined : DEMAND_ATOMS[signing.ask];
    if (asked) next.set(`${signing.areaId}|${asked}`, (next.get(`${signing.areaId}|${asked}`) ?? 0) + 1);
    counts.push(next);
  }
  return { epochs: counts.length, at: (epoch, owner, atom) => counts[epoch]?.get(`${owner}|${atom}`) ?? 0 };
}

const teamsOf = (areaId: string): string[] =>
  ORG.areas.find((a) => a.id === areaId)?.teams.map((t) => t.id) ?? [];
const allTeams = (): string[] => ORG.areas.flatMap((area) => teamsOf(area.id));

/**
 * Every team, area and the city, for every rating atom, and every area and the city for every demand atom (an
 * area owns its requests), at every epoch read: now and as the change since before.
 */
function candidates(epochs: readonly number[]): Target[] {
  const owners: [string, string[], readonly string[]][] = [
    ['city', allTeams(), RATING_ATOMS],
    ...ORG.areas.map((area): [string, string[], readonly string[]] => [
      area.id,
      teamsOf(area.id),
      RATING_ATOMS,
    ]),
    ...allTeams().map((team): [string, string[], readonly string[]] => [team, [team], RATING_ATOMS]),
    ['city', ORG.areas.map((area) => area.id), DEMAND_ATOMS],
    ...ORG.areas.map((area): [string, string[], readonly string[]] => [area.id, [area.id], DEMAND_ATOMS]),
  ];
  return epochs.flatMap((epoch) =>
    owners.flatMap(([label, list, atoms]) =>
      atoms.flatMap((atom) => [
        { label: `${label} ${atom} @${epoch}`, epoch, owners: list, atoms: [atom], change: false },
        ...(epoch > 0
          ? [{ label: `${label} ${atom} Δ@${epoch}`, epoch, owners: list, atoms: [atom], change: true }]
          : []),
      ]),
    ),
  );
}

/** "3" → [v3]; a band "1–2" or "1, 5" → its values. */
function atomsOfKey(key: string): string[] {
  const range = /^(\d+)–(\d+)$/.exec(key);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    return VALUES.filter((v) => v >= from && v <= to).map((v) => `v${v}`);
  }
  return key.split(', ').map((v) => `v${v}`);
}

/** The equations an area's or the city's demand gives (owners: the areas; only the kinds and forms asked). */
function demandFiguresOf(
  epoch: number,
  owners: readonly string[],
  demand: readonly { kind: string; form: string; count: number | null }[],
  epochOf: Readonly<Record<string, number>>,
): Figure[] {
  return demand.flatMap((item) => {
    const atom = `d_${item.kind}_${item.form}`;
    return item.count === null || !DEMAND_ATOMS.includes(atom)
      ? []
      : [{ epoch, owners, atoms: [atom], value: item.count, epochOf }];
  });
}

/** The equations one set of figures (an area's summary or the city's) gives, demand included. */
function figuresOf(
  epoch: number,
  owners: readonly string[],
  figures: SummaryFigures,
  rowsOwners: (groupId: string | null) => string[],
  epochOf: Readonly<Record<string, number>>,
  demand: { owners: readonly string[]; epochOf: Readonly<Record<string, number>> },
): Figure[] {
  const out: Figure[] = demandFiguresOf(epoch, demand.owners, figures.developmentActions, demand.epochOf);
  const push = (figure: Figure): void => {
    out.push({ ...figure, epochOf });
  };
  const competence = figures.competences.find((c) => c.competenceId === COMPETENCE);
  for (const [key, value] of Object.entries(competence?.self?.counts ?? {}))
    push({ epoch, owners, atoms: atomsOfKey(key), value });
  if (competence?.self) {
    // The values not listed were shown as 0.
    const listed = new Set(Object.keys(competence.self.counts).flatMap(atomsOfKey));
    for (const v of VALUES) if (!listed.has(`v${v}`)) push({ epoch, owners, atoms: [`v${v}`], value: 0 });
  }
  if (competence?.needs) push({ epoch, owners, atoms: ['needs'], value: competence.needs.needs });
  for (const row of figures.heatmap) {
    const cell = row.cells[COMPETENCE];
    if (cell?.n != null && cell.needShare != null)
      push({
        epoch,
        owners: rowsOwners(row.groupId),
        atoms: ['needs'],
        value: Math.round(cell.needShare * cell.n),
      });
  }
  return out;
}

describe('anonymity auditor: self-test on the figures the app used to show', () => {
  const order = signings(7);
  const truth = truthOf(order);
  const epochs = Array.from({ length: truth.epochs }, (_, e) => e);
  const count = (epoch: number, owners: readonly string[], atom: string): number =>
    owners.reduce((sum, owner) => sum + truth.at(epoch, owner, atom), 0);

  it('catches small buckets: a team row of 8 that shows a rating given by one person', async () => {
    const last = truth.epochs - 1;
    // The old rule: every value's count once the group has the threshold.
    const figures: Figure[] = ['t12', 't7', 't5'].flatMap((team) =>
      VALUES.map((v) => ({
        epoch: last,
        owners: [team],
        atoms: [`v${v}`],
        value: count(last, [team], `v${v}`),
      })),
    );
    const found = await audit(figures, truth, candidates([last]), K);
    expect(found.some((f) => !f.target.change && f.target.owners.length === 1)).toBe(true);
  });

  it('catches combining tables: the areas shown, one hidden, and the city total', async () => {
    const last = truth.epochs - 1;
    // Old: an area's count shown when 0 or ≥ threshold, the city total always.
    const figures: Figure[] = [];
    for (const atom of RATING_ATOMS) {
      for (const area of ORG.areas) {
        const value = count(last, teamsOf(area.id), atom);
        if (value === 0 || value >= K)
          figures.push({ epoch: last, owners: teamsOf(area.id), atoms: [atom], value });
      }
      figures.push({ epoch: last, owners: allTeams(), atoms: [atom], value: count(last, allTeams(), atom) });
    }
    const areaTargets = candidates([last]).filter(
      (t) => !t.change && ORG.areas.some((a) => t.label.startsWith(`${a.id} `)),
    );
    const found = await audit(figures, truth, areaTargets, K);
    expect(found.length).toBeGreaterThan(0);
  });

  it('catches reading twice: the city figures before and after one signing', async () => {
    // Old: the city's counts per value recomputed on every read (shown with at least the threshold signed).
    const figures: Figure[] = epochs
      .filter((e) => e >= K && e <= K + 4)
      .flatMap((e) =>
        RATING_ATOMS.map((atom) => ({
          epoch: e,
          owners: allTeams(),
          atoms: [atom],
          value: count(e, allTeams(), atom),
        })),
      );
    const cityChanges = candidates(epochs.filter((e) => e > K && e <= K + 4)).filter(
      (t) => t.change && t.label.startsWith('city '),
    );
    const found = await audit(figures, truth, cityChanges, K);
    expect(found.some((f) => f.target.change)).toBe(true);
  });
});

describe('anonymity auditor: the app as it is now, through the HTTP API', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const tenantId = newTenantId();
  const order = signings(7);
  const truth = truthOf(order);
  let people = new Map<string, Person>();
  const competences = assessedCompetences(defaultCompetenceFramework(YEAR), true);

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn({ limits: null })]);
    people = await seedOrganisation(app.repositories, tenantId, ORG, K);
    // Last year's figures, for the year-over-year comparison: every team of the first area rated 3 and 4.
    for (const team of ORG.areas[0]?.teams ?? []) {
      await app.repositories.teamAggregates.put({
        tenantId,
        year: YEAR - 1,
        serviceAreaId: 'a1',
        teamId: team.id,
        respondents: team.size,
        competences: {
          [COMPETENCE]: {
            self: { '3': Math.ceil(team.size / 2), '4': Math.floor(team.size / 2) },
            supervisor: {},
            rated: team.size,
            needs: 0,
          },
        },
        learningWays: { '70': 0, '20': 0, '10': 0 },
        releasedAt: null,
        previous: null,
      });
    }
    // Each area's channel, where HR publishes its summary.
    const boss = people.get('boss');
    if (!boss?.aadObjectId) throw new Error('no boss');
    const hrToken = await devToken(app.url, tenantId, 'hr');
    for (const area of ORG.areas) {
      const teamId = `19:${area.id}-team@thread.tacv2`;
      const installed = await postActivity(
        app.url,
        teamInstallation({ tenantId, aadObjectId: boss.aadObjectId }, { teamId }, 'add', {
          serviceUrl: connector.serviceUrl,
        }),
      );
      expect(installed.status).toBe(200);
      const linked = await fetch(`${app.url}/api/v1/service-areas/${area.id}/channel`, {
        method: 'PUT',
        headers: { ...bearer(hrToken), 'content-type': 'application/json' },
        body: JSON.stringify({ teamId, channelId: teamId }),
      });
      expect(linked.status).toBe(200);
    }
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  it('reads every figure at every moment of the year; none moves by less than the threshold, and no group under it is determined', async () => {
    const [hrToken, employeeToken] = await Promise.all([
      devToken(app.url, tenantId, 'hr'),
      devToken(app.url, tenantId, 't12-0'),
    ]);
    const get = async <T>(token: string, path: string): Promise<T> => {
      const response = await fetch(`${app.url}${path}`, { headers: bearer(token) });
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    };
    const hrCall = async (
      method: string,
      path: string,
      etag?: string,
    ): Promise<{ summary?: { etag: string; status: string } | null }> => {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: { ...bearer(hrToken), ...(etag ? { 'if-match': etag } : {}) },
      });
      return (await response.json()) as { summary?: { etag: string; status: string } | null };
    };
    const watcher = new CellWatcher(K);
    /** Year-over-year means of the audited competence read in the city's figures (last year's, seeded). */
    const lastYearMeans: (number | null)[] = [];
    const figures: Figure[] = [];
    /** Each team's and each area's demand's epoch of release, as the stored releases say. */
    const teamEpochs: Record<string, number> = Object.fromEntries(allTeams().map((team) => [team, 0]));
    const demandEpochs: Record<string, number> = Object.fromEntries(ORG.areas.map((area) => [area.id, 0]));
    const seenRelease = new Map<string, string>();
    const noteReleases = async (epoch: number): Promise<void> => {
      const [rows, released] = await Promise.all([
        app.repositories.teamAggregates.listForYear(tenantId, YEAR),
        app.repositories.teamAggregates.listDisclosureState(tenantId, YEAR).then((state) => state.released),
      ]);
      const moved = (key: string, at: string | null | undefined): boolean => {
        if (!at || seenRelease.get(key) === at) return false;
        seenRelease.set(key, at);
        return true;
      };
      for (const { value } of rows)
        if (moved(`team:${value.teamId}`, value.releasedAt)) teamEpochs[value.teamId] = epoch;
      for (const { value } of released)
        if (value.key.startsWith('demand:') && moved(value.key, value.releasedAt))
          demandEpochs[value.key.slice('demand:'.length)] = epoch;
    };
    /** What the publication of each area froze: the epochs it describes. */
    const publicationEpochs = new Map<
      string,
      { teams: Record<string, number>; demand: Record<string, number> }
    >();
    const publishAll = async (epoch: number): Promise<void> => {
      for (const area of ORG.areas) {
        const path = `/api/v1/hr/summaries/${YEAR}/${area.id}`;
        let summary = (await hrCall('GET', path)).summary;
        if (summary?.status === 'published')
          summary = (await hrCall('POST', `${path}/revise`, summary.etag)).summary;
        summary = (await hrCall('POST', `${path}/draft`, summary?.etag)).summary;
        await noteReleases(epoch);
        const published = await hrCall('POST', `${path}/publish`, summary?.etag);
        // Publishing again is refused while a figure moved by 1…k−1 (rule 7): the last publication stays.
        if (published.summary?.status === 'published')
          publicationEpochs.set(area.id, { teams: { ...teamEpochs }, demand: { ...demandEpochs } });
      }
    };
    const areaOwners = ORG.areas.map((area) => area.id);
    const hr = people.get('hr');
    if (!hr) throw new Error('no HR');
    /** What each plan's rows describe: the releases read when HR drafted the area's plan or combined the central one. */
    const planEpochs = new Map<
      string,
      { epoch: number; teams: Record<string, number>; demand: Record<string, number> }
    >();
    const snapshot = (epoch: number) => ({ epoch, teams: { ...teamEpochs }, demand: { ...demandEpochs } });
    /** HR drafts every area's plan from its anonymous needs and submits it, then compiles the central plan. */
    const draftPlans = async (epoch: number, at: string): Promise<void> => {
      for (const area of ORG.areas) {
        const ref = { tenantId, year: YEAR, serviceAreaId: area.id };
        const opened = await openAreaPlan(app.repositories, hr, ref, at);
        const drafted = await addAreaNeeds(app.repositories, hr, ref, opened.etag);
        await noteReleases(epoch);
        planEpochs.set(area.id, snapshot(epoch));
        await submitAreaPlan(app.repositories, hr, ref, drafted.etag, at);
      }
      await combinePlan(epoch, at);
    };
    /** HR compiles the central plan (again): the submitted areas' rows and the city's needs as they are now. */
    const combinePlan = async (epoch: number, at: string): Promise<void> => {
      const central = await app.repositories.trainingPlans.get(tenantId, YEAR, null);
      await combineCentralPlan(app.repositories, hr, { tenantId, year: YEAR }, central?.etag ?? '', at);
      await noteReleases(epoch);
      planEpochs.set('central', snapshot(epoch));
    };
    /** The clock's days in the scripted year: the reminder campaigns are made at the epoch they run. */
    const fanout = await openFanout(app.storage);
    const campaignEpochs = new Map<string, number>();
    const runClockDay = async (epoch: number, date: string): Promise<void> => {
      const runs = await runRemindersForDay(
        {
          repositories: app.repositories,
          fanout,
          addresses: storedAddresses(
            app.repositories.conversationReferences,
            linkedChannels(app.repositories),
            null,
          ),
          logger: createLogger('error', () => undefined),
        },
        tenantId,
        date,
      );
      for (const run of runs) campaignEpochs.set(run.campaignId, epoch);
    };
    /** The texts a plan's row is recognised by (the organisation's language, Finnish). */
    const competenceName = competences.find((c) => c.id === COMPETENCE)?.name.fi ?? COMPETENCE;
    const cityOrigin = TRAINING_PLAN_TEXTS['origin.cityNeeds'].fi;
    const demandAtomOf = new Map(
      ASKS.map(([kind, form]) => [
        TRAINING_PLAN_TEXTS[`demand.${kind}.${form}` as keyof typeof TRAINING_PLAN_TEXTS].fi,
        `d_${kind}_${form}`,
      ]),
    );
    const areaIdOf = new Map(ORG.areas.map((area) => [`Alue ${area.id}`, area.id]));
    /** Every exported plan's rows as HR downloads them (CSV), as cells and as equations. */
    const exportedRows: string[][] = [];
    const readExports = async (epoch: number): Promise<void> => {
      const cells = new Map<string, number>();
      for (const plan of ['central', ...areaOwners]) {
        const drafted = planEpochs.get(plan);
        if (!drafted) continue;
        const response = await fetch(
          `${app.url}/api/v1/training-plans/${YEAR}/export?plan=${plan}&format=csv`,
          { headers: bearer(hrToken) },
        );
        expect(response.status).toBe(200);
        const [header, ...rows] = parse(await response.text(), { delimiter: ';', bom: true }) as string[][];
        const central = plan === 'central';
        expect(header?.length).toBe(central ? 7 : 6);
        for (const row of rows) {
          exportedRows.push(row);
          const [origin, need, competence, , , headcount] = central ? row.slice(1) : ['', ...row.slice(1)];
          const value = Number(headcount);
          cells.set(`plan ${plan} ${origin} ${need}`, value);
          // Where the row's figure came from: the area's plan (drafted then) or the city's needs (compiled then).
          const area = central ? (areaIdOf.get(origin ?? '') ?? null) : plan;
          const when = area ? planEpochs.get(area) : drafted;
          if (!when) throw new Error(`a row of no known plan: ${row.join(';')}`);
          const teams = area ? teamsOf(area) : allTeams();
          if (competence === competenceName)
            figures.push({ epoch: when.epoch, owners: teams, atoms: ['needs'], value, epochOf: when.teams });
          const asked = demandAtomOf.get(need ?? '');
          if (asked)
            figures.push({
              epoch: when.epoch,
              owners: area ? [area] : areaOwners,
              atoms: [asked],
              value,
              epochOf: when.demand,
            });
          if (central && !area) expect(origin).toBe(cityOrigin);
        }
      }
      watcher.read(epoch, cells);
    };
    /** The city's heatmap rows: an area of its own, or the small areas combined. */
    const cityRowTeams =
      (cityFigures: SummaryFigures) =>
      (areaId: string | null): string[] => {
        if (areaId) return teamsOf(areaId);
        const own = new Set(cityFigures.heatmap.flatMap((row) => (row.groupId ? [row.groupId] : [])));
        return ORG.areas.filter((area) => !own.has(area.id)).flatMap((area) => teamsOf(area.id));
      };
    const read = async (epoch: number): Promise<void> => {
      const [city, demand, progress, sends, publications] = await Promise.all([
        get<{ figures: SummaryFigures }>(hrToken, `/api/v1/city/figures?year=${YEAR}`),
        get<{
          city: SummaryFigures['developmentActions'];
          areas: { serviceAreaId: string; demand: SummaryFigures['developmentActions'] }[];
        }>(hrToken, `/api/v1/development-actions/demand?year=${YEAR}`),
        get<{ serviceAreas: { id: string; due: number | null; counts: Record<string, number> | null }[] }>(
          hrToken,
          `/api/v1/hr/progress?year=${YEAR}`,
        ),
        get<{
          sends: { campaignId: string; total: number | null; counts: Record<string, number> | null }[];
        }>(hrToken, '/api/v1/hr/sends'),
        Promise.all(
          ORG.areas.map((area) =>
            get<{ publications: { year: number; figures: SummaryFigures }[] }>(
              employeeToken,
              `/api/v1/service-areas/${area.id}/summary-publications`,
            ),
          ),
        ),
      ]);
      await noteReleases(epoch);
      watcher.read(epoch, readableCells('city', city.figures));
      lastYearMeans.push(
        city.figures.competences.find((c) => c.competenceId === COMPETENCE)?.previousYear.self ?? null,
      );
      figures.push(
        ...figuresOf(
          epoch,
          allTeams(),
          city.figures,
          cityRowTeams(city.figures),
          { ...teamEpochs },
          {
            owners: areaOwners,
            epochOf: { ...demandEpochs },
          },
        ),
      );
      const demandCells = new Map<string, number>();
      const demandRead = (
        scope: string,
        owners: string[],
        items: SummaryFigures['developmentActions'],
      ): void => {
        for (const item of items)
          if (item.count !== null) demandCells.set(`demand ${scope} ${item.kind}/${item.form}`, item.count);
        figures.push(...demandFiguresOf(epoch, owners, items, { ...demandEpochs }));
      };
      demandRead('city', areaOwners, demand.city);
      for (const area of demand.areas) demandRead(area.serviceAreaId, [area.serviceAreaId], area.demand);
      watcher.read(epoch, demandCells);
      const progressCells = new Map<string, number>();
      for (const area of progress.serviceAreas) {
        if (area.due !== null) progressCells.set(`progress ${area.id} due`, area.due);
        for (const [status, count] of Object.entries(area.counts ?? {}))
          progressCells.set(`progress ${area.id} ${status}`, count);
      }
      for (const send of sends.sends) {
        // A send whose counts would tell how many finished since the last one shown has none (rule 10).
        if (send.total !== null) progressCells.set(`send ${send.campaignId} total`, send.total);
        for (const [state, count] of Object.entries(send.counts ?? {}))
          progressCells.set(`send ${send.campaignId} ${state}`, count);
      }
      watcher.read(epoch, progressCells);
      await readExports(epoch);
      for (const [index, area] of ORG.areas.entries()) {
        for (const publication of publications[index]?.publications ?? []) {
          watcher.read(epoch, readableCells(`published ${area.id} ${publication.year}`, publication.figures));
          const frozen = publicationEpochs.get(area.id);
          if (publication.year !== YEAR || !frozen) continue;
          const shownTeams = new Set(
            publication.figures.heatmap.flatMap((row) => (row.groupId ? [row.groupId] : [])),
          );
          figures.push(
            ...figuresOf(
              epoch,
              teamsOf(area.id),
              publication.figures,
              (groupId) => (groupId ? [groupId] : teamsOf(area.id).filter((team) => !shownTeams.has(team))),
              frozen.teams,
              { owners: [area.id], epochOf: frozen.demand },
            ),
          );
        }
      }
    };

    for (const [index, signing] of order.entries()) {
      const employee = people.get(`${signing.teamId}-${signing.personIndex}`);
      if (!employee) throw new Error('no such person');
      const at = new Date(Date.UTC(YEAR, 1, 1, 8, index)).toISOString();
      await signDiscussion(app.repositories, employee, YEAR, COMPETENCE, signing.rating, at);
      const ask = signing.ask === null ? undefined : ASKS[signing.ask];
      if (ask) await requestAction(app.repositories, employee, YEAR, ask[0], ask[1], at);
      const epoch = index + 1;
      // HR publishes every area now and then; everyone reads everything after every signing.
      if (epoch % 8 === 0) await publishAll(epoch);
      // The clock's reminders of the discussions' deadline, 14 and 3 days before it (a campaign each day):
      // the employees whose discussion is still open. HR drafts the plans once, and compiles the central plan
      // again at the end of the year.
      const clockDay = CLOCK_DAYS.get(epoch);
      if (clockDay) await runClockDay(epoch, clockDay);
      if (epoch === PLANNED_AT) await draftPlans(epoch, at);
      if (epoch === order.length) await combinePlan(epoch, at);
      await read(epoch);
    }
    // The last export as XLSX too: the same rows as the CSV.
    const xlsx = await fetch(`${app.url}/api/v1/training-plans/${YEAR}/export?plan=central&format=xlsx`, {
      headers: bearer(hrToken),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheetRows: string[] = [];
    workbook.worksheets[0]?.eachRow((row, number) => {
      if (number > 1) sheetRows.push((row.values as unknown[]).slice(1).map(String).join(';'));
    });
    const central = await app.repositories.trainingPlans.get(tenantId, YEAR, null);
    expect(sheetRows).toHaveLength(central?.value.items.length ?? -1);
    expect(sheetRows.length).toBeGreaterThan(0);
    expect(exportedRows.slice(-sheetRows.length).map((row) => row.join(';'))).toEqual(sheetRows);
    // The plans carried figures: the audited competence's need or a request, in the areas' and the city's rows.
    expect(figures.length).toBeGreaterThan(0);

    // The campaigns HR sees: each one's recipients (the employees still open) are an equation over the signed
    // discussions at its moment; and one series (kind, phase, audience) never moves by 1…k−1 from send to send,
    // nor from everyone (nobody done) to its first send.
    const sends = await get<{ sends: { campaignId: string; total: number | null }[] }>(
      hrToken,
      '/api/v1/hr/sends',
    );
    const due = ORG.areas.flatMap((area) => area.teams).reduce((sum, team) => sum + team.size, 1);
    const series = new Map<string, { date: string; total: number | null }[]>();
    for (const send of sends.sends) {
      const [date, kind, phase, scope] = send.campaignId.split('|');
      const epoch = campaignEpochs.get(send.campaignId);
      if (!date || epoch === undefined) continue;
      series.set(`${kind}|${phase}|${scope}`, [
        ...(series.get(`${kind}|${phase}|${scope}`) ?? []),
        { date, total: send.total },
      ]);
      if (
        send.total !== null &&
        kind === 'deadlineApproaching' &&
        phase === 'development-discussions' &&
        scope === 'employee'
      ) {
        // Everyone due but those who signed by then: the equation is the attacker's, and it is true.
        expect(due - send.total).toBe(epoch);
        figures.push({
          epoch,
          owners: allTeams(),
          atoms: VALUES.map((v) => `v${v}`),
          value: due - send.total,
        });
      }
    }
    const deadline = [...(series.get('deadlineApproaching|development-discussions|employee') ?? [])].sort(
      (a, b) => a.date.localeCompare(b.date),
    );
    expect(deadline).toHaveLength(CLOCK_DAYS.size);
    // The second came after three more signed: its counts are not shown.
    expect(deadline.map((send) => send.total === null)).toEqual([false, true]);
    const sendMoves: string[] = [];
    for (const [name, sent] of series) {
      const totals = [
        due,
        ...sent
          .sort((a, b) => a.date.localeCompare(b.date))
          .flatMap((send) => (send.total === null ? [] : [send.total])),
      ];
      for (let i = 1; i < totals.length; i++) {
        const moved = Math.abs((totals[i] ?? 0) - (totals[i - 1] ?? 0));
        if (moved > 0 && moved < K) sendMoves.push(`${name}: ${totals[i - 1]} → ${totals[i]}`);
      }
    }
    expect(sendMoves).toEqual([]);

    // Enough was read for "nothing found" to mean something: at every moment, at least a heatmap cell per
    // competence for the city and for each area released by then (the city's rows).
    const signedBy = (epoch: number, areaId: string): number =>
      order.slice(0, epoch).filter((signing) => signing.areaId === areaId).length;
    const short: string[] = [];
    for (let epoch = 1; epoch <= order.length; epoch++) {
      const released = ORG.areas.filter((area) => signedBy(epoch, area.id) >= K).length;
      const expected = released === 0 ? 0 : competences.length * (1 + released);
      const read = watcher.readsPerMoment.get(epoch) ?? 0;
      if (read < expected) short.push(`moment ${epoch}: ${read} cells read, at least ${expected} expected`);
    }
    expect(short).toEqual([]);
    // Per-value counts of the audited competence (a single value or a band), in the city's figures and in at
    // least one area's publication (republishing an area is refused while a figure moved by 1…k−1, rule 7).
    const ratingScopes = new Set(
      [...watcher.everRead()]
        .filter((cell) => cell.includes(`${COMPETENCE} self =`))
        .map((cell) => (cell.startsWith('published ') ? 'published' : cell.split(' ')[0])),
    );
    expect([...ratingScopes].sort()).toEqual(['city', 'published']);
    // The year-over-year comparison was read too, once the city's figures show anything (last year's 16 of a1).
    expect(lastYearMeans.some((mean) => mean !== null)).toBe(true);
    expect(watcher.moves).toEqual([]);
    const epochs = Array.from({ length: truth.epochs - 1 }, (_, e) => e + 1);
    const found = await audit(figures, truth, candidates(epochs), K);
    expect(found.map((f) => `${f.target.label} = ${f.value}`)).toEqual([]);
  }, 600_000);
});
