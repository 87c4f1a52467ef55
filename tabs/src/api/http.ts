/** A small fetch client for the Node service's JSON API on the same origin as the tab pages. */

export type ApiErrorKind =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'refused'
  | 'server'
  | 'invalidResponse';

/** The service's error body: `{ error: { code, message, details? } }`, the message in the reader's language. */
export interface ServiceError {
  code: string;
  message?: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly service?: ServiceError,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Anything a call threw, as an ApiError: a non-ApiError is an answer the page could not read. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('invalidResponse', String(error));
}

function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'refused';
  return 'server';
}

/** The pages live under /tabs/, the API under /api/: resolve from the origin, not the page. */
export function apiUrl(path: string, query: Record<string, string | number | undefined> = {}): string {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function serviceError(body: unknown): ServiceError | undefined {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, details } = error as Record<string, unknown>;
  if (typeof code !== 'string') return undefined;
  return {
    code,
    message: typeof message === 'string' ? message : undefined,
    details:
      typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined,
  };
}

export async function requestJson(url: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    // An abort is the caller's own doing; pass it through untouched so it can be ignored.
    if (init.signal?.aborted) throw error;
    throw new ApiError('network', `Request to ${url} failed: ${String(error)}`);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    if (response.ok) throw new ApiError('invalidResponse', `${url} did not return JSON`, response.status);
  }
  if (!response.ok) {
    const kind = kindForStatus(response.status);
    throw new ApiError(kind, `${url} answered ${response.status}`, response.status, serviceError(body));
  }
  return body;
}

export function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  return requestJson(url, { signal });
}

/** A file the service sends (an export): the body as a Blob and the name from Content-Disposition. */
export async function requestFile(
  url: string,
  init: RequestInit = {},
): Promise<{ blob: Blob; name: string | null }> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new ApiError('network', `Request to ${url} failed: ${String(error)}`);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(
      kindForStatus(response.status),
      `${url} answered ${response.status}`,
      response.status,
      serviceError(body),
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return { blob: await response.blob(), name: match?.[1] ? decodeURIComponent(match[1]) : null };
}
