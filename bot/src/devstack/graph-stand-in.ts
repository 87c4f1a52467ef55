/**
 * A local stand-in for Entra's token endpoint and Microsoft Graph's calendar, which cannot run or be reached
 * here. Over real HTTP on loopback it serves:
 * - the on-behalf-of exchange (`POST /{tenantId}/oauth2/v2.0/token`, form-encoded): it checks the grant
 *   type, `requested_token_use`, the client id and secret, the calendar scope and the assertion — a JWT of
 *   this tenant for the client, verified against the published key when one is given — and issues an
 *   opaque Graph token for the assertion's user;
 * - `/v1.0/me/events`: create (POST, idempotent by `transactionId`), update (PATCH `/{id}`) and cancel
 *   (POST `/{id}/cancel`) the bearer's own events, which it records.
 * A test can make the calendar answer with a failure (e.g. 429 with Retry-After, or 403) once or for good.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { decodeJwt, importJWK, jwtVerify, type JWK } from 'jose';
import { sendJson } from './stand-in-http';

export const OBO_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const CALENDAR_SCOPE = 'https://graph.microsoft.com/Calendars.ReadWrite';
const TOKEN_LIFETIME_SECONDS = 60 * 60;

export interface RecordedEvent {
  id: string;
  /** The organiser: the user the Graph token was issued for. */
  tenantId: string;
  ownerObjectId: string;
  transactionId: string | null;
  /** The event resource as last written (POST, then each PATCH merged in). */
  resource: Record<string, unknown>;
  cancelled: boolean;
  cancelComment: string | null;
}

export interface StandInFailure {
  status: number;
  retryAfterSeconds?: number;
  /** How many calendar requests get it; default once. Infinity: from now on. */
  times?: number;
}

export interface GraphStandIn {
  /** ENTRA_TOKEN_BASE_URL */
  url: string;
  /** GRAPH_BASE_URL */
  graphUrl: string;
  clientId: string;
  clientSecret: string;
  /** Every request, in order, as "METHOD /path". */
  requests: string[];
  /** The calendar requests only, with when they arrived (ms since the epoch). */
  calendarRequests: { line: string; at: number }[];
  events(): RecordedEvent[];
  /** The next calendar request(s) fail with this answer. */
  fail(failure: StandInFailure): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startGraphStandIn(options: {
  clientId: string;
  clientSecret?: string;
  assertionKey?: JWK;
}): Promise<GraphStandIn> {
  const clientSecret = options.clientSecret ?? `secret-${randomUUID()}`;
  const verifyKey = options.assertionKey ? await importJWK(options.assertionKey, 'RS256') : null;
  const requests: string[] = [];
  const calendarRequests: { line: string; at: number }[] = [];
  const tokens = new Map<string, { tenantId: string; objectId: string }>();
  const events = new Map<string, RecordedEvent>();
  const failures: StandInFailure[] = [];

  /** The assertion's user, or why it is refused (as Entra's `error`). */
  async function assertionUser(assertion: string, tenantId: string) {
    try {
      const claims = verifyKey ? (await jwtVerify(assertion, verifyKey)).payload : decodeJwt(assertion);
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (claims.tid !== tenantId || typeof claims.oid !== 'string') return null;
      if (!audiences.some((aud) => aud === options.clientId || aud?.endsWith(`/${options.clientId}`)))
        return null;
      return { tenantId, objectId: claims.oid };
    } catch {
      return null;
    }
  }

  async function token(req: IncomingMessage, res: ServerResponse, tenantId: string) {
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded')
      return sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'form-encoded body expected',
      });
    const form = new URLSearchParams(await readBody(req));
    if (form.get('grant_type') !== OBO_GRANT_TYPE || form.get('requested_token_use') !== 'on_behalf_of')
      return sendJson(res, 400, { error: 'unsupported_grant_type' });
    if (form.get('client_id') !== options.clientId || form.get('client_secret') !== clientSecret)
      return sendJson(res, 401, { error: 'invalid_client' });
    if (!(form.get('scope') ?? '').split(' ').includes(CALENDAR_SCOPE))
      return sendJson(res, 400, { error: 'invalid_scope' });
    const user = await assertionUser(form.get('assertion') ?? '', tenantId);
    if (!user) return sendJson(res, 400, { error: 'invalid_grant' });
    const accessToken = `graph-${randomUUID()}`;
    tokens.set(accessToken, user);
    return sendJson(res, 200, {
      token_type: 'Bearer',
      scope: CALENDAR_SCOPE,
      expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
    });
  }

  async function calendar(req: IncomingMessage, res: ServerResponse, path: string) {
    const failure = failures[0];
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) failures.shift();
      const headers: Record<string, string> =
        failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
      return sendJson(
        res,
        failure.status,
        { error: { code: 'standInFailure', message: 'as asked' } },
        headers,
      );
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const user = bearer ? tokens.get(bearer) : undefined;
    if (!user) return sendJson(res, 401, { error: { code: 'InvalidAuthenticationToken' } });
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    const own = (id: string | undefined) => {
      const event = id ? events.get(id) : undefined;
      return event && event.ownerObjectId === user.objectId && event.tenantId === user.tenantId
        ? event
        : null;
    };
    if (req.method === 'POST' && path === '/v1.0/me/events') {
      const transactionId = typeof body.transactionId === 'string' ? body.transactionId : null;
      const earlier = [...events.values()].find(
        (e) => transactionId && e.transactionId === transactionId && e.ownerObjectId === user.objectId,
      );
      if (earlier) return sendJson(res, 201, { id: earlier.id, ...earlier.resource });
      const id = `AAMk-${randomUUID()}`;
      events.set(id, {
        id,
        tenantId: user.tenantId,
        ownerObjectId: user.objectId,
        transactionId,
        resource: body,
        cancelled: false,
        cancelComment: null,
      });
      return sendJson(res, 201, { id, ...body });
    }
    const match = /^\/v1\.0\/me\/events\/([^/]+)(\/cancel)?$/.exec(path);
    const event = own(match?.[1] ? decodeURIComponent(match[1]) : undefined);
    if (!match || !event) return sendJson(res, 404, { error: { code: 'ErrorItemNotFound' } });
    if (req.method === 'PATCH' && !match[2]) {
      event.resource = { ...event.resource, ...body };
      return sendJson(res, 200, { id: event.id, ...event.resource });
    }
    if (req.method === 'POST' && match[2]) {
      event.cancelled = true;
      event.cancelComment = typeof body.comment === 'string' ? body.comment : null;
      return sendJson(res, 202, undefined);
    }
    return sendJson(res, 405, { error: { code: 'methodNotAllowed' } });
  }

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const line = `${req.method ?? 'GET'} ${path}`;
    requests.push(line);
    const tokenPath = /^\/([0-9a-f-]{36})\/oauth2\/v2\.0\/token$/i.exec(path);
    const handled =
      req.method === 'POST' && tokenPath?.[1]
        ? token(req, res, tokenPath[1])
        : path.startsWith('/v1.0/')
          ? (calendarRequests.push({ line, at: Date.now() }), calendar(req, res, path))
          : Promise.resolve(sendJson(res, 404, { error: 'not_found' }));
    handled.catch(() => sendJson(res, 500, { error: 'stand_in_error' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    graphUrl: `${url}/v1.0`,
    clientId: options.clientId,
    clientSecret,
    requests,
    calendarRequests,
    events: () => [...events.values()],
    fail: (failure) => {
      failures.push({ ...failure });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
