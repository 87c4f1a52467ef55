/**
 * The Node service's HTTP surface (restify): the bot endpoint, the tabs' API, health, and the built
 * tab pages. Route handlers live with their feature; this module only wires them.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { BotEndpoint } from '../teams/bot-endpoint';
import { acceptActivity } from '../teams/activity-shape';
import { describeError, type Logger, type RefusalLog } from '../logging';
import { transportErrorBody, transportErrorCode } from './http-errors';
import { fieldsWithForbiddenCharacters } from '../domain/free-text';
import { ApiError, requestLocale, sendApiError } from '../http-kit/api-error';
import { setSecurityHeaders } from './security-headers';
import { rateLimitedError, type AddressGuard } from '../http-kit/rate-limit';
import { MAX_BODY_BYTES } from '../tunables';

export interface HttpDependencies {
  bot: BotEndpoint;
  logger: Logger;
  /** Refused requests: a bounded line with a reason code, never the request's content. */
  refusals: RefusalLog;
  /** Addresses that sent too many invalid tokens are refused before anything else is done. */
  addressGuard: AddressGuard;
  /** Proves storage answers; rejects when it does not. */
  pingStorage(): Promise<void>;
  tabsDist: string;
  /** Feature routes (the tabs' API) register themselves here. */
  routes: Array<(server: Server) => void>;
}

/** /healthz reports storage unreachable when it has not answered by then (the SDK's own retries take longer). */
export const HEALTH_STORAGE_TIMEOUT_MS = 5_000;

class HealthTimeout extends Error {
  override name = 'Timeout';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function refuse(req: Request, res: Response, statusCode: number, name = ''): void {
  res.json(statusCode, transportErrorBody(req, { statusCode, name }));
}

/** The route's pattern (never the path as requested, which may carry ids or text). */
const routeOf = (req: Request): string | undefined => req.getRoute()?.path?.toString();

export function createHttpServer(deps: HttpDependencies): Server {
  const server = restify.createServer({ name: 'osaamiskello', handleUncaughtExceptions: false });
  server.pre((req, res, next) => {
    setSecurityHeaders(req, res);
    next();
  });
  // Before the body is read or a token checked: an address that spent its allowance of failed sign-ins.
  server.pre((req, res, next) => {
    if (!req.getPath().startsWith('/api/')) return next();
    const wait = deps.addressGuard.waitFor(req);
    if (wait === 0) return next();
    deps.refusals.refused('http.refused', 'addressRateLimited');
    sendApiError(res, rateLimitedError(wait), requestLocale(req, 'fi'));
    return next(false);
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Bodies are uncompressed JSON of at most MAX_BODY_BYTES. Teams never compresses them, and restify's gunzip
  // crashes the process on a bad stream. The reader counts bytes as they arrive, so a false Content-Length does
  // not get past it; the full bodyParser is not used because it also takes forms and writes uploads to disk.
  server.use((req, res, next) => {
    const coding = req.header('content-encoding', 'identity').trim().toLowerCase();
    if (coding === 'identity') return next();
    deps.refusals.refused('http.refused', 'request.unsupportedMediaType', { route: routeOf(req) });
    refuse(req, res, 415);
    return next(false);
  });
  server.use(restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES }));
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true }));

  // Free text in the API's bodies: control and bidirectional-override characters are refused, by field.
  server.use((req, res, next) => {
    if (!req.getPath().startsWith('/api/v1/') || req.body === undefined) return next();
    const fields = fieldsWithForbiddenCharacters(req.body);
    if (fields.length === 0) return next();
    deps.refusals.refused('http.refused', 'request.controlCharacters', { route: routeOf(req) });
    sendApiError(res, ApiError.of(400, 'request.controlCharacters', { fields }), requestLocale(req, 'fi'));
    return next(false);
  });

  server.post('/api/messages', async (req, res) => {
    // Teams posts JSON activities; anything else never reaches the SDK, which would throw on it (a 500).
    if (!req.is('json')) {
      deps.refusals.refused('bot.refused', 'notJson');
      return refuse(req, res, 415);
    }
    if (!acceptActivity(req.body)) {
      deps.refusals.refused('bot.refused', 'malformedActivity');
      return refuse(req, res, 400);
    }
    await deps.bot.handle(req, res);
  });

  // App Service's health check and the deploy's smoke check (infra/smoke-check.js) read this: 200 only when
  // storage answers, 503 otherwise, so an instance that cannot reach its data is taken out of rotation.
  server.get('/healthz', async (_req, res) => {
    const storage = await withTimeout(deps.pingStorage(), HEALTH_STORAGE_TIMEOUT_MS).then(
      () => ({ reachable: true }),
      (error: unknown) => ({ reachable: false, error: describeError(error).errorName }),
    );
    res.json(storage.reachable ? 200 : 503, { status: storage.reachable ? 'ok' : 'degraded', storage });
  });

  for (const register of deps.routes) register(server);

  server.get('/', async (_req, res) => {
    res.redirect(302, '/tabs/index.html', () => undefined);
  });
  server.get('/tabs/*', restify.plugins.serveStaticFiles(deps.tabsDist));

  server.on('restifyError', (req, _res, error: Error & { statusCode?: number }, callback: () => void) => {
    const status = error.statusCode ?? 500;
    const code = transportErrorCode(status, error.name);
    // A refusal is the caller's (one bounded line, its reason code); a failure of ours is an error.
    if (status >= 500)
      deps.logger.error('http.error', { method: req.method, route: routeOf(req), ...describeError(error) });
    else deps.refusals.refused('http.refused', code, { method: req.method, route: routeOf(req), status });
    // restify serialises its errors with toJSON: the API's localised shape instead of the internal message.
    const body = transportErrorBody(req, error);
    Object.assign(error, { toJSON: () => body });
    callback();
  });
  return server;
}
