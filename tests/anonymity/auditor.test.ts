/**
 * The anonymity auditor (docs/anonymity.md; issue 13). An organisation of two service areas with teams of 1 to
 * 12 people (1, 2, 3, 5, 7, 12: small enough that the run stays well under a minute) signs its discussions one by one; after each signing everything the roles read is collected — the
 * city's figures through the HTTP API as HR reads them, and each area's summary as a publication would freeze
 * it — and the auditor (auditor.ts, integer linear programming with HiGHS) looks for any group or bucket under
 * the threshold whose value the figures determine. Its self-test first shows that it catches the three attacks
 * of issue 13 on the figures the app used to show (reconstructed here from the true counts).
 */
import type { RunningApp } from '../../bot/src/app';
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { Organisation, Person, ServiceArea, Team } from '../../bot/src/domain/organisation';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import type { SummaryFigures } from '../../bot/src/storage/summary-publication-repository';
import { refreshAfterSigning } from '../../bot/src/summaries/aggregate-refresh';
import { compileServiceAreaSummary } from '../../bot/src/summaries/summary-compilation';
import { startTestApp } from '../support/app';
import { newTenantId, testStorageAccount } from '../support/storage';
import { bearer, devToken } from '../support/tokens';
import { audit, type Figure, type Target, type Truth } from './auditor';

const K = 5;
const YEAR = 2026;
const COMPETENCE = 'self-management';
const VALUES = [1, 2, 3, 4, 5];
const ATOMS = [...VALUES.map((v) => `v${v}`), 'needs'];

interface Org {
  areas: { id: string; teams: { id: string; size: number }[] }[];
}

const ORG: Org = {
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
    counts.push(next);
  }
  return { epochs: counts.length, at: (epoch, owner, atom) => counts[epoch]?.get(`${owner}|${atom}`) ?? 0 };
}

const teamsOf = (areaId: string): string[] =>
  ORG.areas.find((a) => a.id === areaId)?.teams.map((t) => t.id) ?? [];
const allTeams = (): string[] => ORG.areas.flatMap((area) => teamsOf(area.id));

/** Every team, area and the city, for every atom, at every epoch read: now and as the change since before. */
function candidates(epochs: readonly number[]): Target[] {
  const owners: [string, string[]][] = [
    ['city', allTeams()],
    ...ORG.areas.map((area): [string, string[]] => [area.id, teamsOf(area.id)]),
    ...allTeams().map((team): [string, string[]] => [team, [team]]),
  ];
  return epochs.flatMap((epoch) =>
    owners.flatMap(([label, list]) =>
      ATOMS.flatMap((atom) => [
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

/** The equations one set of figures (an area's summary or the city's) gives. */
function figuresOf(
  epoch: number,
  owners: readonly string[],
  figures: SummaryFigures,
  rowsOwners: (groupId: string | null) => string[],
  epochOf?: Readonly<Record<string, number>>,
): Figure[] {
  const out: Figure[] = [];
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
    for (const atom of ATOMS) {
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
        ATOMS.map((atom) => ({
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
  let repositories: Repositories;
  const tenantId = newTenantId();
  const order = signings(7);
  const truth = truthOf(order);
  const people = new Map<string, Person>();
  let seq = 1;

  beforeAll(async () => {
    [app, repositories] = await Promise.all([startTestApp(), openRepositories(testStorageAccount())]);
    const organisation: Organisation = {
      tenantId,
      name: 'Tarkastuskaupunki',
      defaultLocale: 'fi',
      anonymityThreshold: K,
    };
    const serviceAreas: ServiceArea[] = ORG.areas.map((area) => ({
      tenantId,
      id: area.id,
      name: `Alue ${area.id}`,
      directorId: null,
      alternatingYearRule: null,
    }));
    const teams: Team[] = ORG.areas.flatMap((area) =>
      area.teams.map((team) => ({
        tenantId,
        id: team.id,
        serviceAreaId: area.id,
        name: `Tiimi ${team.id}`,
        kind: 'team' as const,
        supervisorId: 'boss',
      })),
    );
    const person = (id: string, teamId: string, serviceAreaId: string, roles: Person['roles']): Person => ({
      tenantId,
      id,
      firstName: 'Etu',
      lastName: id,
      email: `${id}@example.fi`,
      aadObjectId: `00000000-0000-4000-8000-${String(people.size + seq++).padStart(12, '0')}`,
      serviceAreaId,
      teamId,
      supervisorId: id === 'boss' ? null : 'boss',
      roles,
      locale: 'fi',
    });
    const list: Person[] = [
      person('boss', 't7', 'a2', ['employee', 'supervisor']),
      person('hr', 't7', 'a2', ['employee', 'hr']),
    ];
    for (const area of ORG.areas)
      for (const team of area.teams)
        for (let i = 0; i < team.size; i++)
          list.push(person(`${team.id}-${i}`, team.id, area.id, ['employee']));
    for (const p of list) people.set(p.id, p);
    await writeOrganisation(repositories, tenantId, { organisation, serviceAreas, teams, people: list });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('finds no group or bucket under the threshold determined by anything read, together and over time', async () => {
    const token = await devToken(app.url, tenantId, 'hr');
    const figures: Figure[] = [];
    const readCity = async (epoch: number, epochOf: Record<string, number>): Promise<void> => {
      const response = await fetch(`${app.url}/api/v1/city/figures?year=${YEAR}`, { headers: bearer(token) });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { figures: SummaryFigures };
      figures.push(
        ...figuresOf(epoch, allTeams(), body.figures, (areaId) => (areaId ? teamsOf(areaId) : []), epochOf),
      );
    };
    const readAreas = async (epoch: number, epochOf: Record<string, number>): Promise<void> => {
      const compiled = await Promise.all(
        ORG.areas.map((area) => compileServiceAreaSummary(repositories, tenantId, YEAR, area.id)),
      );
      for (const [index, area] of ORG.areas.entries()) {
        const area_ = compiled[index]?.figures;
        if (!area_) throw new Error('no summary');
        const shownTeams = new Set(area_.heatmap.flatMap((row) => (row.groupId ? [row.groupId] : [])));
        figuresOf(
          epoch,
          teamsOf(area.id),
          area_,
          (groupId) => (groupId ? [groupId] : teamsOf(area.id).filter((team) => !shownTeams.has(team))),
          epochOf,
        ).forEach((figure) => figures.push(figure));
      }
    };
    // The figures describe the released state: each team as of its area's last release (the time of the
    // signing that made it), which every figure says (releasedAt).
    const releaseEpochs = async (): Promise<Record<string, number>> => {
      const rows = await repositories.teamAggregates.listForYear(tenantId, YEAR);
      const epochs: Record<string, number> = Object.fromEntries(allTeams().map((team) => [team, 0]));
      for (const { value } of rows)
        if (value.releasedAt) epochs[value.teamId] = new Date(value.releasedAt).getUTCMinutes() + 1;
      return epochs;
    };
    for (const [index, signing] of order.entries()) {
      const employee = people.get(`${signing.teamId}-${signing.personIndex}`);
      if (!employee) throw new Error('no such person');
      const at = new Date(Date.UTC(YEAR, 1, 1, 8, index)).toISOString();
      await repositories.developmentDiscussions.create({
        ...newDevelopmentDiscussion(employee, YEAR, at),
        status: 'signed',
        selfRatings: { [COMPETENCE]: signing.rating },
        supervisorRatings: {},
        employeeSignature: { personId: employee.id, at },
        supervisorSignature: { personId: 'boss', at },
      });
      await refreshAfterSigning(repositories, tenantId, YEAR, employee.id, at);
      const epochOf = await releaseEpochs();
      // HR and the areas' readers read at the same moment (in parallel: the test's run time is storage latency).
      await Promise.all([readCity(index + 1, epochOf), readAreas(index + 1, epochOf)]);
    }
    const epochs = Array.from({ length: truth.epochs - 1 }, (_, e) => e + 1);
    const found = await audit(figures, truth, candidates(epochs), K);
    expect(found.map((f) => `${f.target.label} = ${f.value}`)).toEqual([]);
  });
});
