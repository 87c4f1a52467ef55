/**
 * What every route of the tabs' API shares: sign-in and localised errors through the auth layer's route
 * wrapper, a role check, the practice's refusals as 422, body and query parsing, and the If-Match header.
 */
import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { DomainRuleError } from '../domain/errors';
import type { Role } from '../domain/organisation';
import { ApiError } from './api-error';
import type { RouteHandler } from './api-route';
import { requireAnyRole } from './authorization';
import type { RequestIdentity } from './request-identity';
import { domainRefusal } from './refusals';
import { YEAR_BOUNDS } from '../tunables';

export type AuthenticatedHandler = (req: Request, res: Response, identity: RequestIdentity) => Promise<void>;

/** The sign-in every route goes through: api/auth/api-auth.ts gives it, once per app. */
export interface SignIn {
  /** A restify handler that authenticates, then runs `handler`; errors answer in the caller's language. */
  route(handler: AuthenticatedHandler): RouteHandler;
}

export interface RouteKit {
  auth: SignIn;
  now(): Date;
}

/** `headers`: extra response headers, e.g. Content-Disposition for a download. */
export type Handler = (
  req: Request,
  identity: RequestIdentity,
) => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>;

type Method = 'get' | 'put' | 'post' | 'del';

/** Registers a signed-in route; with `roles`, the caller must also have one of them (else 403). */
export function secured(
  kit: RouteKit,
  server: Server,
  method: Method,
  path: string,
  roles: readonly Role[] | null,
  handler: Handler,
): void {
  server[method](
    path,
    kit.auth.route(async (req, res, identity) => {
      if (roles) requireAnyRole(identity, roles);
      let answer: Awaited<ReturnType<Handler>>;
      try {
        answer = await handler(req, identity);
      } catch (error) {
        throw error instanceof DomainRuleError ? domainRefusal(error) : error;
      }
      // Personal data: never kept by a cache between the tab and the service.
      res.header('Cache-Control', 'no-store');
      for (const [name, value] of Object.entries(answer.headers ?? {})) res.header(name, value);
      res.json(answer.status, answer.body);
    }),
  );
}

const invalid = (details?: Record<string, unknown>): ApiError => ApiError.of(400, 'request.invalid', details);

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) throw invalid({ fields: parsed.error.issues.map((issue) => issue.path.join('.')) });
  return parsed.data;
}

export function parseYear(value: unknown): number {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= YEAR_BOUNDS.min && year <= YEAR_BOUNDS.max))
    throw invalid({ field: 'year', min: YEAR_BOUNDS.min, max: YEAR_BOUNDS.max });
  return year;
}

export function query(req: Request): Record<string, unknown> {
  return (req.query as Record<string, unknown> | undefined) ?? {};
}

/** The query string through `schema`, refused as parseBody refuses a body. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const parsed = schema.safeParse(query(req));
  if (!parsed.success) throw invalid({ fields: parsed.error.issues.map((issue) => issue.path.join('.')) });
  return parsed.data;
}

/** The year in `?year=`, or the fallback when absent. */
export async function yearParam(req: Request, fallback: () => Promise<number>): Promise<number> {
  const raw = query(req).year;
  return raw === undefined ? fallback() : parseYear(raw);
}

/** The `continuationToken` query parameter of a paged list, if any. */
export function continuationTokenParam(req: Request): string | undefined {
  const token = query(req).continuationToken;
  if (token === undefined) return undefined;
  if (typeof token !== 'string' || token.length > 2048)
    throw ApiError.of(400, 'request.invalid', { field: 'continuationToken' });
  return token;
}

export function pathParam(req: Request, name: string): string {
  const value = (req.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) throw invalid({ field: name });
  return value;
}

const MAX_ETAG_LENGTH = 256;

/** The ETag the tab read; absent when it saw no record. */
export function ifMatch(req: Request): string | null {
  const etag = req.header('if-match') || null;
  // Table Storage's ETags are ~40 characters; a longer one was never read here.
  if (etag !== null && etag.length > MAX_ETAG_LENGTH) throw invalid({ field: 'If-Match' });
  return etag;
}
