/**
 * The fuzz test's malformed requests, generated from a seeded PRNG so every run sends the same cases:
 * activities to /api/messages with fields of the wrong type, missing or huge; bodies that are not JSON or not
 * activities at all; Action.Execute invokes with garbage `data` for every card verb; and garbage bodies, path
 * parameters, queries and headers for every route of /api/v1.
 */
import { gzipSync } from 'node:zlib';
import { seededRandom, type Random } from '../../bot/src/organisation-data/seeded-random';

/** What an answer may be. `refused`: 4xx. `handled`: 2xx or 4xx (a mutation may leave a request valid). */
export type Expectation = 'refused' | 'handled';

export interface FuzzCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  expect: Expectation;
}

export interface Route {
  method: FuzzCase['method'];
  path: string;
}

export interface FuzzTargets {
  tenantId: string;
  serviceUrl: string;
  /** Entra object ids of the tenant's people (plus unknown ones), as cards are pressed by them. */
  users: string[];
  /** Real ids of the tenant, so some garbage reaches deep into the handlers. */
  knownIds: string[];
  verbs: string[];
  routes: Route[];
  /** Bearer tokens of people in different roles. */
  tokens: string[];
}

const JSON_TYPE = { 'content-type': 'application/json' };

const STRINGS = [
  '',
  ' ',
  'a',
  '0',
  '-1',
  '2026',
  '99999',
  'null',
  'true',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '𝕏𝕐',
  'ääöå',
  '../../etc/passwd',
  "' or PartitionKey ne ''",
  '|',
  '~',
  '%',
  '%00',
  '#',
  '?',
  '/',
  '\\',
  '<script>alert(1)</script>',
  '${{TAB_DOMAIN}}',
  '__proto__',
  'constructor',
  'Action.Execute',
  '2026-13-45T25:61:00+02:00',
  '2026-01-15T10:00:00+02:00',
  'central',
  'csv',
  'next',
  'review',
  '19:abc@thread.tacv2',
];

function hugeString(random: Random): string {
  return random.pick(['x', 'ä', '|', '𝕏', '\\u']).repeat(random.int(600, 40_000));
}

/** A JSON value of any shape, biased towards the kinds that trip code: wrong types, extremes, nesting. */
export function garbage(random: Random, known: readonly string[], depth = 0): unknown {
  const roll = random.int(0, 13);
  if (roll === 0) return null;
  if (roll === 1) return random.pick([true, false]);
  // No year of the fuzzed cycle (2026, 2027): with a real id it would make a valid card, and opening a valid
  // card creates that year's discussion by design — a write, but not one a malformed request made.
  if (roll === 2)
    return random.pick([0, -1, 1, 1999, 2101, 1e308, -1e308, 0.5, 2 ** 53, 20, 21, 9999, 10000]);
  if (roll === 3) return hugeString(random);
  if (roll <= 5) return random.pick(STRINGS);
  if (roll <= 7 && known.length > 0) return random.pick(known);
  if (depth >= 3) return random.pick(STRINGS);
  if (roll <= 9) return Array.from({ length: random.int(0, 4) }, () => garbage(random, known, depth + 1));
  return garbageObject(random, known, depth + 1);
}

const KEYS = [
  'employeeId',
  'year',
  'etag',
  'step',
  'go',
  'goalSlots',
  'learningSlots',
  'goalIds',
  'serviceAreaId',
  'teamId',
  'plan',
  'format',
  'id',
  'kind',
  'need',
  'party',
  'audience',
  'competenceId',
  'way',
  'channel',
  'channelId',
  'rule',
  'scheduledAt',
  'durationMinutes',
  'phases',
  'overrides',
  'tenantId',
  'personId',
  'tabEntityId',
  'teamsAppId',
  'meetingDate',
  'meetingTime',
  'reopenReason',
  's_strengths',
  'r_self-management',
  'g0_text',
  'g0_status',
  'l0_way',
  'f0',
  'constructor',
  'toString',
];

export function garbageObject(random: Random, known: readonly string[], depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = random.int(0, 8); i > 0; i--) object[random.pick(KEYS)] = garbage(random, known, depth);
  return object;
}

/** A JSON text that is not JSON, or JSON that is not an object, or an object the parser chokes on. */
function brokenJson(random: Random): string {
  const valid = JSON.stringify(garbageObject(random, []));
  switch (random.int(0, 9)) {
    case 0:
      return valid.slice(0, Math.max(1, random.int(0, valid.length - 1)));
    case 1:
      return `${valid},`;
    case 2:
      return "{'single': 'quotes'}";
    case 3:
      return '{"a":1}{"b":2}';
    case 4:
      return `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    case 5:
      return '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    case 6:
      return random.pick(['null', '0', '"text"', '[]', 'true', '[{}]']);
    case 7:
      return '\uFEFF{"type":"message"}';
    case 8:
      return String.fromCharCode(...Array.from({ length: random.int(1, 64) }, () => random.int(0, 255)));
    default:
      return '';
  }
}

/** Malformed bodies that no route may take: not JSON, wrong media type, too large, compressed bombs. */
function transportBodies(random: Random): Array<Pick<FuzzCase, 'headers' | 'body'> & { name: string }> {
  const cases: Array<Pick<FuzzCase, 'headers' | 'body'> & { name: string }> = [];
  cases.push({ name: 'broken JSON', headers: JSON_TYPE, body: brokenJson(random) });
  cases.push({
    name: 'wrong media type',
    headers: {
      'content-type': random.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/octet-stream',
      ]),
    },
    body: random.pick([
      'type=message&text=hi',
      '--x\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n--x--',
      '<a/>',
      '{}',
    ]),
  });
  cases.push({ name: 'no media type', headers: {}, body: JSON.stringify({ type: 'message' }) });
  cases.push({
    name: 'oversized',
    headers: JSON_TYPE,
    body: JSON.stringify({ type: 'message', text: 'x'.repeat(random.int(262_145, 400_000)) }),
  });
  cases.push({
    name: 'gzip bomb',
    headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
    body: gzipSync(Buffer.from(`{"text":"${'0'.repeat(random.int(300_000, 2_000_000))}"}`)),
  });
  cases.push({
    name: 'not gzip',
    headers: { ...JSON_TYPE, 'content-encoding': random.pick(['gzip', 'deflate', 'br', 'x-unknown']) },
    body: JSON.stringify({ type: 'message' }),
  });
  return cases;
}

const ACTIVITY_PATHS = [
  'type',
  'id',
  'name',
  'text',
  'locale',
  'serviceUrl',
  'channelId',
  'timestamp',
  'from',
  'from.id',
  'from.aadObjectId',
  'from.name',
  'recipient',
  'recipient.id',
  'conversation',
  'conversation.id',
  'conversation.tenantId',
  'conversation.conversationType',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'channelData.team',
  'channelData.team.id',
  'channelData.channel',
  'entities',
  'attachments',
  'membersAdded',
  'membersRemoved',
  'value',
  'value.action',
  'value.action.type',
  'value.action.verb',
  'value.action.data',
  'value.trigger',
];

function setPath(target: Record<string, unknown>, path: string, value: unknown, remove: boolean): void {
  const parts = path.split('.');
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'object' || node === null) return;
  const last = parts[parts.length - 1] as string;
  if (remove) delete (node as Record<string, unknown>)[last];
  else (node as Record<string, unknown>)[last] = value;
}

/**
 * Activities that, unmutated, write nothing: a group-chat message (only personal chats are remembered), a
 * conversation update that does not add the bot, a reaction, an uninstall of a team never installed, a card
 * action. So any row the fuzz leaves behind is a write a malformed request should not have made.
 */
function baseActivities(targets: FuzzTargets, random: Random): Array<Record<string, unknown>> {
  const user = random.pick(targets.users);
  const common = {
    id: `fuzz-${random.int(0, 1e9)}`,
    timestamp: '2026-11-23T10:00:00.000Z',
    channelId: 'msteams',
    serviceUrl: targets.serviceUrl,
    from: { id: `29:${user}`, name: 'Fuzz', aadObjectId: user },
    recipient: { id: '28:osaamiskello-bot', name: 'Osaamiskello' },
    conversation: { id: '19:fuzz@thread.v2', conversationType: 'groupChat', tenantId: targets.tenantId },
    channelData: { tenant: { id: targets.tenantId } },
    locale: 'fi-FI',
  };
  return [
    { ...common, type: 'message', text: random.pick(['ohje', 'help', 'hjälp', 'tiimini']) },
    { ...common, type: 'conversationUpdate', membersAdded: [{ id: `29:${user}` }] },
    { ...common, type: 'messageReaction', reactionsAdded: [{ type: 'like' }] },
    {
      ...common,
      type: 'installationUpdate',
      action: 'remove',
      conversation: { id: '19:never@thread.tacv2', conversationType: 'channel', tenantId: targets.tenantId },
      channelData: { tenant: { id: targets.tenantId }, team: { id: '19:never@thread.tacv2' } },
    },
    cardInvoke(targets, random, random.pick(targets.verbs), garbageObject(random, targets.knownIds)),
  ];
}

function cardInvoke(
  targets: FuzzTargets,
  random: Random,
  verb: string,
  data: unknown,
): Record<string, unknown> {
  const user = random.pick(targets.users);
  const personal = random.next() < 0.7;
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `fuzz-${random.int(0, 1e9)}`,
    channelId: 'msteams',
    serviceUrl: targets.serviceUrl,
    from: { id: `29:${user}`, name: 'Fuzz', aadObjectId: user },
    recipient: { id: '28:osaamiskello-bot', name: 'Osaamiskello' },
    conversation: personal
      ? { id: `a:${user}`, conversationType: 'personal', tenantId: targets.tenantId }
      : { id: '19:team@thread.tacv2', conversationType: 'channel', tenantId: targets.tenantId },
    channelData: personal
      ? { tenant: { id: targets.tenantId } }
      : {
          tenant: { id: targets.tenantId },
          team: { id: '19:team@thread.tacv2' },
          channel: { id: '19:team@thread.tacv2', name: 'General' },
        },
    locale: random.pick(['fi-FI', 'sv-FI', 'en-US', 'xx', '']),
    value: {
      action: { type: 'Action.Execute', verb, data },
      trigger: random.pick(['manual', 'automatic']),
    },
  };
}

function activityCases(targets: FuzzTargets, random: Random, count: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const activity = structuredClone(random.pick(baseActivities(targets, random)));
    const mutations = random.int(1, 3);
    for (let m = 0; m < mutations; m++) {
      const path = random.pick(ACTIVITY_PATHS);
      // Without a serviceUrl the SDK replies to its public default, which is no malformation but a network
      // call (with BOT_ID set authentication refuses such a request: tests/security/bot-auth.test.ts).
      const remove = path !== 'serviceUrl' && random.next() < 0.3;
      setPath(activity, path, garbage(random, targets.knownIds), remove);
    }
    cases.push({
      name: `activity #${i} (${(JSON.stringify(activity.type) ?? 'none').slice(0, 20)})`,
      method: 'POST',
      path: '/api/messages',
      headers: JSON_TYPE,
      body: JSON.stringify(activity),
      expect: 'handled',
    });
  }
  return cases;
}

/** Every verb gets `perVerb` invokes with garbage data (or data that is not an object at all). */
function invokeCases(targets: FuzzTargets, random: Random, perVerb: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const verb of targets.verbs) {
    for (let i = 0; i < perVerb; i++) {
      const data = random.next() < 0.85 ? garbageObject(random, targets.knownIds) : garbage(random, []);
      cases.push({
        name: `invoke ${verb} #${i}`,
        method: 'POST',
        path: '/api/messages',
        headers: JSON_TYPE,
        body: JSON.stringify(cardInvoke(targets, random, verb, data)),
        expect: 'handled',
      });
    }
  }
  return cases;
}

function pathSegment(random: Random, known: readonly string[]): string {
  const value = garbage(random, known);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    return encodeURIComponent(text.slice(0, random.pick([10, 200, 3000])) || 'x');
  } catch {
    return '%ED%A0%80%FF'; // a lone surrogate: invalid UTF-8 once percent-decoded
  }
}

function fuzzPath(route: Route, random: Random, known: readonly string[]): string {
  const path = route.path.replace(/:(\w+)/g, () => pathSegment(random, known));
  if (random.next() < 0.5) return path;
  const query = Array.from({ length: random.int(1, 4) }, () => {
    const key = random.pick(['year', 'year', 'continuationToken', 'plan', 'format', 'locale', 'x']);
    return `${key}=${pathSegment(random, known)}`;
  }).join('&');
  return `${path}?${query}`;
}

function headerNoise(random: Random, tokens: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const auth = random.int(0, 9);
  if (auth <= 6) headers.authorization = `Bearer ${random.pick(tokens)}`;
  else if (auth === 7)
    headers.authorization = random.pick([
      'Bearer',
      'Bearer a.b.c',
      'Basic abc',
      'Bearer ' + 'x'.repeat(5000),
    ]);
  if (random.next() < 0.3)
    headers['if-match'] = random.pick(['*', '""', 'W/"x"', 'garbage', '"' + 'x'.repeat(2000) + '"']);
  if (random.next() < 0.3)
    headers['accept-language'] = random.pick([
      'sv',
      'en;q=abc',
      ';;;,,,',
      'fi;q=2, sv;q=-1',
      '*',
      'x'.repeat(500),
    ]);
  return headers;
}

function apiCases(targets: FuzzTargets, random: Random, count: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const mutating = targets.routes.filter((route) => route.method !== 'GET');
  for (let i = 0; i < count; i++) {
    const read = random.next() < 0.25;
    const route = random.pick(read ? targets.routes.filter((r) => r.method === 'GET') : mutating);
    const headers = headerNoise(random, targets.tokens);
    let body: string | Buffer | undefined;
    if (!read) {
      const kind = random.int(0, 9);
      if (kind <= 6) {
        Object.assign(headers, JSON_TYPE);
        body = JSON.stringify(
          random.next() < 0.8 ? garbageObject(random, targets.knownIds) : garbage(random, []),
        );
      } else {
        const transport = random.pick(transportBodies(random));
        Object.assign(headers, transport.headers);
        body = transport.body;
      }
    }
    cases.push({
      name: `${route.method} ${route.path} #${i}`,
      method: route.method,
      path: fuzzPath(route, random, targets.knownIds),
      headers,
      body,
      expect: read ? 'handled' : 'refused',
    });
  }
  return cases;
}

function messageTransportCases(random: Random, count: number): FuzzCase[] {
  return Array.from({ length: count }, (_, i) => {
    const transport = random.pick(transportBodies(random));
    return {
      name: `/api/messages ${transport.name} #${i}`,
      method: 'POST' as const,
      path: '/api/messages',
      headers: transport.headers,
      body: transport.body,
      expect: 'refused' as const,
    };
  });
}

export interface FuzzPlan {
  activities: number;
  invokesPerVerb: number;
  transport: number;
  api: number;
}

/** The whole deterministic run: the same seed and targets give the same cases, in the same order. */
export function fuzzCases(seed: number, targets: FuzzTargets, plan: FuzzPlan): FuzzCase[] {
  const random = seededRandom(seed);
  return [
    ...messageTransportCases(random, plan.transport),
    ...activityCases(targets, random, plan.activities),
    ...invokeCases(targets, random, plan.invokesPerVerb),
    ...apiCases(targets, random, plan.api),
  ];
}
