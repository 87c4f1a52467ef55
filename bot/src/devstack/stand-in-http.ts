/** What the local stand-ins (Bot Connector, Graph, OpenID) share over HTTP: a JSON answer. */
import type { ServerResponse } from 'node:http';

/** A JSON answer; an `undefined` body is an answer without one (as Graph's 204 No Content). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
