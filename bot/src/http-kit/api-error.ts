/**
 * The API's error answers: `{ error: { code, message, details? } }` with the message in the reader's
 * language. Route code throws an ApiError; the route wrapper (auth/api-auth.ts) sends it.
 */
import type { Request, Response } from 'restify';
import { resolveLocale, type Locale, type LocalisedText } from '../domain/locale';
import { API_MESSAGES, type ApiMessageCode } from './api-messages';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalisedText,
    /** Machine-readable specifics (field names, limits); never personal data. */
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. WWW-Authenticate on a 401. */
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }

  /** An error whose text is in the shared catalogue (api-messages.ts). */
  static of(
    status: number,
    code: ApiMessageCode,
    details?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): ApiError {
    return new ApiError(status, code, API_MESSAGES[code], details, headers);
  }
}

export function sendApiError(res: Response, error: ApiError, locale: Locale): void {
  const body = {
    error: {
      code: error.code,
      message: error.text[locale],
      ...(error.details ? { details: error.details } : {}),
    },
  };
  for (const [name, value] of Object.entries(error.headers)) res.header(name, value);
  res.json(error.status, body);
}

/** The language the client asked for (the tabs send Teams' locale as Accept-Language), else the fallback. */
export function requestLocale(req: Request, fallback: Locale): Locale {
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return fallback;
  const preferred = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q)[0];
  return preferred ? resolveLocale(preferred.tag, fallback) : fallback;
}
