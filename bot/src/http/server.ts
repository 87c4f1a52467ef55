/**
 * The Node service's HTTP surface (restify): the bot endpoint, the tabs' API, health, and the built
 * tab pages. Route handlers live with their feature; this module only wires them.
 */
import restify, { type Server } from 'restify';
import type { BotEndpoint } from '../teams/bot-endpoint';
import { describeError, type Logger } from '../logging';

export interface HttpDependencies {
  bot: BotEndpoint;
  logger: Logger;
  /** Proves storage answers; rejects when it does not. */
  pingStorage(): Promise<void>;
  tabsDist: string;
  /** Feature routes (the tabs' API) register themselves here. */
  routes: Array<(server: Server) => void>;
}

/** Activities and card submissions are small; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

export function createHttpServer(deps: HttpDependencies): Server {
  const server = restify.createServer({ name: 'osaamiskello', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES }));

  server.post('/api/messages', async (req, res) => {
    await deps.bot.handle(req, res);
  });

  server.get('/healthz', async (_req, res) => {
    const storage = await deps.pingStorage().then(
      () => ({ reachable: true }),
      (error: unknown) => ({ reachable: false, error: describeError(error).errorName }),
    );
    res.json(200, { status: storage.reachable ? 'ok' : 'degraded', storage });
  });

  for (const register of deps.routes) register(server);

  server.get('/', async (_req, res) => {
    res.redirect(302, '/tabs/index.html', () => undefined);
  });
  server.get('/tabs/*', restify.plugins.serveStaticFiles(deps.tabsDist));

  server.on('restifyError', (req, _res, error: Error, callback: () => void) => {
    deps.logger.warn('http.error', {
      method: req.method,
      route: req.getRoute()?.path,
      ...describeError(error),
    });
    callback();
  });
  return server;
}
