/**
 * Serves the built tab pages under /tabs/, as the Node service does, with a stand-in for the clock API,
 * on a free loopback port. Requests are recorded so tests can check exactly what the page asked for.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { REPO_ROOT } from './app-package';

export const TABS_DIST = join(REPO_ROOT, 'tabs', 'dist');

/** Browser tests load the built tab pages: say how to build them rather than fail on a missing page. */
export function requireBuiltTabs(): void {
  if (!existsSync(join(TABS_DIST, 'index.html')))
    throw new Error('tabs/dist is missing: run `npm run build -w tabs`');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** The default clock of the operating model (DOMAIN.md), as the API would send it. */
export function defaultPhases(year: number) {
  return [
    {
      id: 'individual-discussions',
      level: 'individual',
      kind: 'developmentDiscussions',
      opens: `${year}-01-01`,
      closes: `${year}-03-31`,
    },
    {
      id: 'group-discussions',
      level: 'team',
      kind: 'groupDiscussions',
      opens: `${year}-01-01`,
      closes: `${year}-03-31`,
    },
    {
      id: 'service-area-discussion',
      level: 'serviceArea',
      kind: 'serviceAreaDiscussion',
      opens: `${year}-05-01`,
      closes: `${year}-09-30`,
    },
    {
      id: 'training-plans',
      level: 'serviceArea',
      kind: 'trainingPlans',
      opens: `${year}-05-01`,
      closes: `${year}-09-30`,
    },
    {
      id: 'strategic-discussion',
      level: 'organisation',
      kind: 'strategicDiscussion',
      opens: `${year}-10-01`,
      closes: `${year}-12-31`,
    },
    {
      id: 'cooperation-confirmation',
      level: 'organisation',
      kind: 'cooperationConfirmation',
      opens: `${year}-10-01`,
      closes: `${year}-12-31`,
    },
  ];
}

/** Years with special answers, so one server covers every state of the page. */
export const EMPTY_YEAR = 2028;
export const FAILING_YEAR = 2030;
export const GARBLED_YEAR = 2031;

export interface TabServer {
  origin: string;
  apiRequests: string[];
  close(): Promise<void>;
}

/**
 * Writes a whole response. Not chained on `writeHead`'s return value: restify, loaded by other test files in
 * the same Jest worker, replaces `ServerResponse.prototype.writeHead` with one that returns nothing.
 */
function reply(response: ServerResponse, status: number, contentType?: string, body?: string | Buffer): void {
  response.writeHead(status, contentType ? { 'content-type': contentType } : {});
  response.end(body);
}

export async function startTabServer(): Promise<TabServer> {
  const apiRequests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      apiRequests.push(`${request.method} ${url.pathname}${url.search}`);
      const year = Number(url.searchParams.get('year'));
      if (url.pathname !== '/api/v1/clock/default' || !Number.isInteger(year)) {
        reply(response, 404);
      } else if (year === FAILING_YEAR) {
        reply(response, 500, 'text/plain', 'storage unavailable');
      } else {
        const body =
          year === GARBLED_YEAR
            ? { year, phases: [{ id: 'x', level: 'team', kind: 'groupDiscussions', opens: 'March' }] }
            : { year, phases: year === EMPTY_YEAR ? [] : defaultPhases(year) };
        reply(response, 200, 'application/json', JSON.stringify(body));
      }
      return;
    }
    if (url.pathname.startsWith('/tabs/')) {
      const file = normalize(join(TABS_DIST, url.pathname.slice('/tabs/'.length) || 'index.html'));
      if (file.startsWith(TABS_DIST) && existsSync(file) && statSync(file).isFile()) {
        const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
        reply(response, 200, type, readFileSync(file));
        return;
      }
    }
    reply(response, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    apiRequests,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
