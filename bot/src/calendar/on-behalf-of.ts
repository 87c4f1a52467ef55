/**
 * The OAuth 2.0 on-behalf-of exchange (Entra's jwt-bearer grant): the supervisor's own access token for the
 * tabs' API becomes a delegated Graph token for their calendar, so events are the supervisor's, not the app's.
 * Tokens are kept per user until shortly before they expire: one exchange serves a whole planning session.
 */
import type { GraphCalendarConfig } from '../config';
import { OBO_EXPIRY_MARGIN_MS, OBO_MAX_CACHED_USERS } from '../tunables';

export const CALENDAR_SCOPE = 'https://graph.microsoft.com/Calendars.ReadWrite';

export interface OnBehalfOfCaller {
  tenantId: string;
  aadObjectId: string;
  /** The caller's incoming API access token (the assertion). */
  accessToken: string;
}

/** Why no Graph token: consent (or a permission) is missing, or Entra could not be reached or answered oddly. */
export class OnBehalfOfError extends Error {
  constructor(
    readonly reason: 'consentMissing' | 'unavailable',
    detail: string,
  ) {
    super(`On-behalf-of exchange failed: ${detail}`);
    this.name = 'OnBehalfOfError';
  }
}

export interface GraphTokenSource {
  graphToken(caller: OnBehalfOfCaller): Promise<string>;
}

interface TokenAnswer {
  access_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
}

/** Errors that need the user's or an admin's consent (or a fresh sign-in), not a retry. */
const CONSENT_ERRORS = new Set([
  'invalid_grant',
  'interaction_required',
  'consent_required',
  'unauthorized_client',
]);

export function onBehalfOf(
  config: Pick<GraphCalendarConfig, 'clientId' | 'clientSecret' | 'tokenBaseUrl'>,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): GraphTokenSource {
  const cache = new Map<string, { token: string; renewAt: number }>();
  return {
    async graphToken(caller) {
      const key = `${caller.tenantId}/${caller.aadObjectId}`;
      const cached = cache.get(key);
      if (cached && cached.renewAt > now()) return cached.token;
      const form = new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        client_id: config.clientId,
        client_secret: config.clientSecret,
        assertion: caller.accessToken,
        scope: CALENDAR_SCOPE,
        requested_token_use: 'on_behalf_of',
      });
      let response: Response;
      try {
        response = await fetchImpl(
          `${config.tokenBaseUrl}/${encodeURIComponent(caller.tenantId)}/oauth2/v2.0/token`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
          },
        );
      } catch (error) {
        throw new OnBehalfOfError('unavailable', error instanceof Error ? error.message : String(error));
      }
      const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
      if (!response.ok || typeof answer.access_token !== 'string') {
        const code = typeof answer.error === 'string' ? answer.error : `status ${response.status}`;
        throw new OnBehalfOfError(CONSENT_ERRORS.has(code) ? 'consentMissing' : 'unavailable', code);
      }
      // Entra's v2 endpoint sends a number; older answers carried a numeric string.
      const lifetimeMs = (Number(answer.expires_in) || 0) * 1000;
      cache.delete(key);
      if (cache.size >= OBO_MAX_CACHED_USERS) cache.delete(cache.keys().next().value as string);
      cache.set(key, { token: answer.access_token, renewAt: now() + lifetimeMs - OBO_EXPIRY_MARGIN_MS });
      return answer.access_token;
    },
  };
}
