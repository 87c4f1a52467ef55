/**
 * Who may call each endpoint of the tabs' API, cell by cell: every role of a small organisation against every
 * endpoint, then every endpoint without a token, with an expired, a wrong-audience and a tampered token, and
 * with another organisation's token (which acts in that organisation only and never reaches this one's data).
 */
import type { JWTPayload } from 'jose';
import { defaultAnnualClock } from '../../bot/src/domain/default-annual-clock';
import type { SignInOrganisation, SignInPersonKey, SigningKey } from '../support/tokens';
import { createSigningKey, devClaims, tampered } from '../support/tokens';
import {
  call,
  IN_WINDOW,
  meetingPath,
  newOrganisation,
  ROUND_YEAR,
  startTabsApi,
  tokenOf,
  type TestApi,
} from './tabs-api-fixture';

type CallerKey = Exclude<SignInPersonKey, 'unlinked'>;
const CALLERS: CallerKey[] = [
  'cityManager',
  'director',
  'supervisor',
  'employee',
  'otherEmployee',
  'hr',
  'cooperationMember',
];

interface Request {
  method: string;
  path: string;
  body?: unknown;
  ifMatch?: string | null;
}

interface Endpoint {
  name: string;
  /** Builds the request; may first set up state (as the person allowed to). */
  request(api: TestApi, org: SignInOrganisation): Promise<Request>;
  /** The expected status per caller; callers not listed get 403. */
  expected: Partial<Record<CallerKey, number>>;
}

const EVERYONE = Object.fromEntries(CALLERS.map((caller) => [caller, 200])) as Record<CallerKey, number>;
/** Supervisors who do not lead the employee or the team: it is not found among theirs. */
const OTHER_SUPERVISORS = { cityManager: 404, director: 404 };

async function scheduled(api: TestApi, org: SignInOrganisation): Promise<string> {
  const token = await tokenOf(api.app, org, org.people.supervisor);
  const answer = await call<{ discussion: { etag: string } }>(
    api.app,
    token,
    'PUT',
    meetingPath('p-employee'),
    {
      body: { scheduledAt: IN_WINDOW },
    },
  );
  if (answer.status !== 200) throw new Error(`scheduling answered ${answer.status}`);
  return answer.body.discussion.etag;
}

async function areaEtag(api: TestApi, org: SignInOrganisation): Promise<string> {
  const token = await tokenOf(api.app, org, org.people.hr);
  const answer = await call<{ serviceAreas: { etag: string }[] }>(api.app, token, 'GET', '/api/v1/hr/clock');
  return answer.body.serviceAreas[0]?.etag ?? '';
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /api/v1/my/competence',
    request: async () => ({ method: 'GET', path: '/api/v1/my/competence' }),
    expected: EVERYONE,
  },
  {
    name: 'GET /api/v1/team',
    request: async () => ({ method: 'GET', path: '/api/v1/team' }),
    expected: { cityManager: 200, director: 200, supervisor: 200 },
  },
  {
    name: 'PUT /api/v1/team/discussions/:year/:employeeId/meeting',
    request: async () => ({
      method: 'PUT',
      path: meetingPath('p-employee'),
      body: { scheduledAt: IN_WINDOW },
    }),
    expected: { supervisor: 200, ...OTHER_SUPERVISORS },
  },
  {
    name: 'DELETE /api/v1/team/discussions/:year/:employeeId/meeting',
    request: async (api, org) => ({
      method: 'DELETE',
      path: meetingPath('p-employee'),
      ifMatch: await scheduled(api, org),
    }),
    expected: { supervisor: 200, ...OTHER_SUPERVISORS },
  },
  {
    name: 'GET /api/v1/team/discussions/:year/:employeeId/meeting/preview',
    request: async () => ({
      method: 'GET',
      path: `${meetingPath('p-employee')}/preview?scheduledAt=${encodeURIComponent(IN_WINDOW)}`,
    }),
    expected: { supervisor: 200, ...OTHER_SUPERVISORS },
  },
  {
    name: 'POST /api/v1/team/group-discussions',
    request: async () => ({
      method: 'POST',
      path: '/api/v1/team/group-discussions',
      body: { year: ROUND_YEAR, teamId: 't-team', channel: null },
    }),
    expected: { supervisor: 201, ...OTHER_SUPERVISORS },
  },
  {
    name: 'GET /api/v1/hr/clock',
    request: async () => ({ method: 'GET', path: '/api/v1/hr/clock' }),
    expected: { hr: 200 },
  },
  {
    name: 'PUT /api/v1/hr/clock',
    request: async () => ({ method: 'PUT', path: '/api/v1/hr/clock', body: defaultAnnualClock() }),
    expected: { hr: 200 },
  },
  {
    name: 'PUT /api/v1/hr/service-areas/:id/alternating-year-rule',
    request: async (api, org) => ({
      method: 'PUT',
      path: '/api/v1/hr/service-areas/sa-1/alternating-year-rule',
      body: { rule: { individualDiscussionYears: 'odd' } },
      ifMatch: await areaEtag(api, org),
    }),
    expected: { hr: 200 },
  },
  {
    name: 'GET /api/v1/hr/progress',
    request: async () => ({ method: 'GET', path: '/api/v1/hr/progress' }),
    expected: { hr: 200 },
  },
  {
    name: 'GET /api/v1/hr/sends',
    request: async () => ({ method: 'GET', path: '/api/v1/hr/sends' }),
    expected: { hr: 200 },
  },
  {
    name: 'GET /api/v1/service-areas',
    request: async () => ({ method: 'GET', path: '/api/v1/service-areas' }),
    expected: EVERYONE,
  },
  {
    name: 'GET /api/v1/service-areas/:id/summary-publications',
    request: async () => ({ method: 'GET', path: '/api/v1/service-areas/sa-1/summary-publications' }),
    expected: EVERYONE,
  },
  {
    // The area's channel: HR and the area's own management team link it, so they see which it is.
    name: 'GET /api/v1/service-areas/:id/channel',
    request: async () => ({ method: 'GET', path: '/api/v1/service-areas/sa-1/channel' }),
    expected: { hr: 200, director: 200 },
  },
];

let api: TestApi;
let key: SigningKey;

beforeAll(async () => {
  key = await createSigningKey();
  api = await startTabsApi({ DEV_SIGNING_KEY: JSON.stringify(key.privateJwk) });
});

afterAll(async () => {
  await api?.stop();
});

const send = (token: string | null, request: Request) =>
  call(api.app, token, request.method, request.path, { body: request.body, ifMatch: request.ifMatch });

const cells = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.map((caller) => [endpoint.name, caller, endpoint.expected[caller] ?? 403, endpoint] as const),
);

describe('roles × endpoints', () => {
  test.each(cells)('%s as %s → %i', async (_name, caller, status, endpoint) => {
    const org = await newOrganisation(api.app);
    const request = await endpoint.request(api, org);
    const answer = await send(await tokenOf(api.app, org, org.people[caller]), request);
    expect(answer.status).toBe(status);
    if (status === 403) expect(answer.body).toMatchObject({ error: { code: 'auth.forbidden' } });
  });
});

/** The endpoint's allowed caller: the one cell of the row that is not refused. */
function allowedCaller(endpoint: Endpoint): CallerKey {
  return (
    (['supervisor', 'hr', 'employee'] as const).find((caller) => (endpoint.expected[caller] ?? 403) < 300) ??
    'employee'
  );
}

describe('tokens that must not pass', () => {
  const claimsOf = (org: SignInOrganisation, who: CallerKey): JWTPayload =>
    devClaims(api.app.url, org.tenantId, org.people[who].aadObjectId ?? '');
  const past = Math.floor(Date.now() / 1000) - 7200;

  const variants: Array<
    [string, (org: SignInOrganisation, who: CallerKey) => Promise<string | null>, string]
  > = [
    ['no token', async () => null, 'auth.missingToken'],
    [
      'an expired token',
      (org, who) => key.sign(devClaims(api.app.url, org.tenantId, org.people[who].aadObjectId ?? '', past)),
      'auth.tokenExpired',
    ],
    [
      'a token for another audience',
      (org, who) => key.sign({ ...claimsOf(org, who), aud: 'api://localhost/another-app' }),
      'auth.invalidToken',
    ],
    [
      'a tampered token (an employee claiming to be HR)',
      async (org, who) =>
        tampered(await tokenOf(api.app, org, org.people.employee), {
          oid: org.people[who].aadObjectId ?? '',
        }),
      'auth.invalidToken',
    ],
  ];

  const rows = ENDPOINTS.flatMap((endpoint) =>
    variants.map(([label, make, code]) => [endpoint.name, label, make, code, endpoint] as const),
  );

  test.each(rows)('%s with %s → 401', async (_name, _label, make, code, endpoint) => {
    const org = await newOrganisation(api.app);
    const token = await make(org, allowedCaller(endpoint));
    const answer = await send(token, await endpoint.request(api, org));
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code } });
  });
});

describe("another organisation's token", () => {
  /** Marks every name of an organisation, so a leak into another's answer is visible. */
  const marked = (mark: string) => (org: SignInOrganisation) => {
    for (const person of org.snapshot.people) person.lastName = mark;
    for (const area of org.snapshot.serviceAreas) area.name = `${mark} area`;
    for (const team of org.snapshot.teams) team.name = `${mark} team`;
  };

  test.each(ENDPOINTS.map((endpoint) => [endpoint.name, endpoint] as const))(
    '%s acts in the caller’s own organisation and never shows or changes the other one',
    async (_name, endpoint) => {
      const home = await newOrganisation(api.app, marked('Kotilainen'));
      const visitor = await newOrganisation(api.app, marked('Vieraslainen'));
      const before = await api.app.repositories.developmentDiscussions.get(
        home.tenantId,
        ROUND_YEAR,
        'p-employee',
      );
      const clockBefore = await api.app.repositories.annualClocks.get(home.tenantId);
      const areaBefore = await api.app.repositories.serviceAreas.get(home.tenantId, 'sa-1');

      const caller = allowedCaller(endpoint);
      const answer = await send(
        await tokenOf(api.app, visitor, visitor.people[caller]),
        await endpoint.request(api, visitor),
      );

      expect(answer.status).toBeLessThan(300);
      expect(JSON.stringify(answer.body)).not.toContain('Kotilainen');
      expect(JSON.stringify(answer.body)).not.toContain(home.tenantId);
      await expect(
        api.app.repositories.developmentDiscussions.get(home.tenantId, ROUND_YEAR, 'p-employee'),
      ).resolves.toEqual(before);
      await expect(api.app.repositories.annualClocks.get(home.tenantId)).resolves.toEqual(clockBefore);
      await expect(api.app.repositories.serviceAreas.get(home.tenantId, 'sa-1')).resolves.toEqual(areaBefore);
    },
  );
});
