/**
 * Wraps an API route handler: an ApiError thrown inside becomes its localised JSON answer, anything else
 * a logged 500 with a generic message (never the error's own text, which may hold data).
 */
import type { Request, Response } from 'restify';
import type { Locale } from '../domain/locale';
import { describeError, type Logger } from '../logging';
import { InvalidContinuationTokenError } from '../storage/errors';
import { ApiError, requestLocale, sendApiError } from './api-error';

export type RouteHandler = (req: Request, res: Response) => Promise<void>;

export function apiRoute(
  logger: Logger,
  handler: (req: Request, res: Response, setLocale: (locale: Locale) => void) => Promise<void>,
): RouteHandler {
  return async (req, res) => {
    let locale = requestLocale(req, 'fi');
    try {
      await handler(req, res, (known) => {
        locale = known;
      });
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof ApiError) return sendApiError(res, error, locale);
      if (error instanceof InvalidContinuationTokenError)
        return sendApiError(res, ApiError.of(400, 'request.invalid', { field: 'continuationToken' }), locale);
      logger.error('api.error', { method: req.method, route: req.getRoute()?.path, ...describeError(error) });
      sendApiError(res, ApiError.of(500, 'server.error'), locale);
    }
  };
}
