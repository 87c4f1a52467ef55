/**
 * Fuzzing the real service (tests/support/app.ts on the suite's Azurite) with a few thousand malformed
 * requests from a seeded generator (tests/security/fuzz-cases.ts): broken and oversized bodies, activities
 * with wrong, missing or huge fields, Action.Execute invokes with garbage data for every card verb, and
 * garbage bodies, paths, queries and headers for every route of /api/v1 — the routes as the app registers
 * them, read from restify while the app starts, so a new route is fuzzed without editing this test.
 *
 * What must hold:
 * - no answer is a 5xx; a request that cannot be right is refused with a 4xx. An Action.Execute answers 200
 *   with a card or a message (Teams shows a refused action that way: the current card with a notice, or a
 *   toast) or a 4xx invoke error; that is how Teams invokes report errors;
 * - the server logs no unexpected error (no `api.error`, no `bot.turnError`) and still answers /healthz;
 * - nothing of the fuzzed tenant was written: every row's ETag is the same before and after (but for the
 *   audit log, where successful reads are recorded by design);
 * - no JSON body polluted Object.prototype.
 */
import restify from 'restify';
import type { RunningApp } from '../../bot/src/app';
import { VERBS } from '../../bot/src/cards/verbs';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { DEVELOPMENT_ACTION_VERBS } from '../../bot/src/development-actions/development-action-view';
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import { GROUP_DISCUSSION_VERBS } from '../../bot/src/group-discussions/group-discussion-view';
import { createLogger } from '../../bot/src/logging';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { STRATEGY_VERBS } from '../../bot/src/strategy/strategy-view';
import { SUMMARY_VERBS } from '../../bot/src/summaries/summary-views';
import { TRAINING_PLAN_VERBS } from '../../bot/src/training-plans/training-plan-view';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { devToken, signInOrganisation } from '../support/tokens';
import { fuzzCases, type FuzzCase, type Route } from './fuzz-cases';
import { snapshotChanges, snapshotTenant } from './table-snapshot';

const SEED = 20261123;
const PLAN = { transport: 100, activities: 600, invokesPerVerb: 20, api: 900 };
const CONCURRENCY = 12;
/** The test app's table prefix (tests/support/app.ts). */
const TABLE_PREFIX = 'test';

const ALL_VERBS = [
  VERBS,
  DEVELOPMENT_ACTION_VERBS,
  GROUP_DISCUSSION_VERBS,
  STRATEGY_VERBS,
  SUMMARY_VERBS,
  TRAINING_PLAN_VERBS,
].flatMap((verbs) => Object.values(verbs));

const METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' } as const;

/** Records the routes every restify server registers from now on (the app's, as it wires its features). */
function recordRoutes(): { routes: Route[]; stop(): void } {
  const prototype = Object.getPrototypeOf(restify.createServer()) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const routes: Route[] = [];
  const spies = Object.entries(METHODS).map(([name, method]) => {
    const original = prototype[name] as (...args: unknown[]) => unknown;
    return jest.spyOn(prototype, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
      const first = args[0];
      const path = typeof first === 'string' ? first : (first as { path?: string } | undefined)?.path;
      if (path) routes.push({ method, path });
      return original.apply(this, args);
    });
  });
  return { routes, stop: () => spies.forEach((spy) => spy.mockRestore()) };
}

interface Answer {
  status: number;
  body: string;
}

async function send(app: RunningApp, fuzz: FuzzCase): Promise<Answer> {
  const response = await fetch(`${app.url}${fuzz.path}`, {
    method: fuzz.method,
    headers: fuzz.headers,
    signal: AbortSignal.timeout(15_000),
    body: typeof fuzz.body === 'string' || fuzz.body === undefined ? fuzz.body : new Uint8Array(fuzz.body),
  });
  return { status: response.status, body: await response.text() };
}

/** Why the answer breaks the rules, or null when it keeps them. */
function problemWith(fuzz: FuzzCase, answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status >= 400) return null;
  if (fuzz.expect === 'refused') return `accepted with ${answer.status}`;
  return null;
}

async function runAll(app: RunningApp, cases: FuzzCase[]): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const fuzz = cases[next++] as FuzzCase;
      const answer = await send(app, fuzz).catch((error: unknown) => ({ status: 599, body: String(error) }));
      const problem = problemWith(fuzz, answer);
      if (problem)
        problems.push(
          `${fuzz.name} ${fuzz.method} ${fuzz.path.slice(0, 120)}: ${problem} ${answer.body.slice(0, 200)}`,
        );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return problems;
}

describe('fuzzing every endpoint', () => {
  const tenantId = newTenantId();
  const organisation = signInOrganisation(tenantId);
  const errors: string[] = [];
  let app: RunningApp;
  let connector: ConnectorStandIn;
  let routes: Route[];

  beforeAll(async () => {
    connector = await startConnectorStandIn({ limits: null });
    const recorder = recordRoutes();
    try {
      app = await startTestApp(
        // Every request comes from this machine: the per-address limit on invalid tokens (its own test is
        // address-limit.test.ts) would soon answer everything 429 and keep the garbage from the handlers.
        { RATE_LIMIT_INVALID_TOKENS_PER_MINUTE: '1000000' },
        {
          logger: createLogger('error', (line) => errors.push(line)),
          now: () => new Date('2026-11-23T10:00:00Z'),
        },
      );
    } finally {
      recorder.stop();
    }
    routes = recorder.routes.filter((route) => route.path.startsWith('/api/'));
    await writeOrganisation(app.repositories, tenantId, organisation.snapshot);
    const { employee } = organisation.people;
    await app.repositories.developmentDiscussions.create(
      newDevelopmentDiscussion(employee, 2027, '2026-11-20T10:00:00.000Z'),
    );
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  test('sees the routes the app registers, mutating ones included', () => {
    const mutating = routes.filter((route) => route.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(mutating).toEqual(
      expect.arrayContaining([
        'POST /api/messages',
        'PUT /api/v1/hr/clock',
        'PUT /api/v1/team/discussions/:year/:employeeId/meeting',
        'POST /api/v1/team/group-discussions',
        'PUT /api/v1/service-areas/:serviceAreaId/channel',
      ]),
    );
  });

  test('thousands of malformed requests: never a 5xx, nothing written, the server stays up', async () => {
    const people = Object.values(organisation.people);
    const tokens = await Promise.all(
      people.filter((person) => person.aadObjectId).map((person) => devToken(app.url, tenantId, person.id)),
    );
    const cases = fuzzCases(
      SEED,
      {
        tenantId,
        serviceUrl: connector.serviceUrl,
        users: [
          ...people.flatMap((person) => (person.aadObjectId ? [person.aadObjectId] : [])),
          'unknown-user',
        ],
        knownIds: [
          ...people.map((person) => person.id),
          'sa-1',
          't-team',
          't-area',
          'central',
          '2027',
          '2026',
        ],
        verbs: ALL_VERBS,
        routes: routes.filter((route) => route.path !== '/api/messages'),
        tokens,
      },
      PLAN,
    );
    expect(cases.length).toBeGreaterThan(2000);

    const before = await snapshotTenant(TABLE_PREFIX, tenantId);
    const problems = await runAll(app, cases);
    const after = await snapshotTenant(TABLE_PREFIX, tenantId);

    expect(problems.slice(0, 20)).toEqual([]);
    expect(errors.slice(0, 10)).toEqual([]);
    // Reads that succeed are audited by design (bot/src/privacy): the audit log may grow; nothing else may.
    const changes = snapshotChanges(before, after).filter(
      (change) => !change.includes(`${TABLE_PREFIX}AuditLog `),
    );
    expect(changes.slice(0, 20)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
  }, 120_000);
});
