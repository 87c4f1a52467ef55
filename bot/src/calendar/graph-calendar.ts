/**
 * The supervisor's Outlook calendar through Microsoft Graph (delegated, with an on-behalf-of token): the
 * development discussion as one event with the employee as a required attendee, in Finnish time. Graph's
 * throttling (429, or 503 when busy) is waited out as its Retry-After asks, a bounded number of times;
 * 401/403 mean the calendar permission has not been consented to, which no retry mends.
 */
import type { GraphCalendarConfig } from '../config';
import { localParts, ORGANISATION_TIME_ZONE } from '../domain/organisation-time';
import { OnBehalfOfError, type GraphTokenSource, type OnBehalfOfCaller } from './on-behalf-of';

/** Attempts per Graph call, the first included. */
const MAX_ATTEMPTS = 3;
/** A longer Retry-After than this is not waited for inside an API request. */
const MAX_RETRY_WAIT_MS = 10_000;
/** Without a Retry-After header. */
const DEFAULT_RETRY_WAIT_MS = 1_000;

export interface MeetingEvent {
  /** Stable for one creation, so a retried POST does not make a second event. */
  transactionId: string;
  subject: string;
  body: string;
  start: Date;
  end: Date;
  attendee: { name: string; email: string };
}

export type CalendarFailure = 'consentMissing' | 'unavailable' | 'eventGone';

export class GraphCalendarError extends Error {
  constructor(
    readonly reason: CalendarFailure,
    detail: string,
  ) {
    super(`Graph calendar: ${detail}`);
    this.name = 'GraphCalendarError';
  }
}

export interface GraphCalendar {
  /** The new event's id. */
  create(caller: OnBehalfOfCaller, event: MeetingEvent): Promise<string>;
  update(caller: OnBehalfOfCaller, eventId: string, event: MeetingEvent): Promise<void>;
  /** Cancels the event and tells the attendee, with `comment`. */
  cancel(caller: OnBehalfOfCaller, eventId: string, comment: string): Promise<void>;
}

/** Graph's dateTimeTimeZone: the wall-clock time in Helsinki, named with its zone. */
export function helsinkiDateTime(instant: Date): { dateTime: string; timeZone: string } {
  const { date, time, seconds } = localParts(instant);
  return { dateTime: `${date}T${time}:${seconds}`, timeZone: ORGANISATION_TIME_ZONE };
}

function eventResource(event: MeetingEvent): Record<string, unknown> {
  return {
    subject: event.subject,
    body: { contentType: 'text', content: event.body },
    start: helsinkiDateTime(event.start),
    end: helsinkiDateTime(event.end),
    attendees: [
      { emailAddress: { address: event.attendee.email, name: event.attendee.name }, type: 'required' },
    ],
  };
}

function retryWaitMs(response: Response): number {
  const header = response.headers.get('retry-after');
  if (header === null) return DEFAULT_RETRY_WAIT_MS;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_WAIT_MS : Math.max(0, date - Date.now());
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function graphCalendar(
  config: Pick<GraphCalendarConfig, 'graphBaseUrl'>,
  tokens: GraphTokenSource,
  fetchImpl: typeof fetch = fetch,
): GraphCalendar {
  async function send(
    caller: OnBehalfOfCaller,
    method: 'POST' | 'PATCH',
    path: string,
    body: unknown,
  ): Promise<Response> {
    let token: string;
    try {
      token = await tokens.graphToken(caller);
    } catch (error) {
      if (error instanceof OnBehalfOfError) throw new GraphCalendarError(error.reason, error.message);
      throw error;
    }
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetchImpl(`${config.graphBaseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      } catch (error) {
        throw new GraphCalendarError('unavailable', error instanceof Error ? error.message : String(error));
      }
      if (response.ok) return response;
      if (response.status === 401 || response.status === 403)
        throw new GraphCalendarError('consentMissing', `${method} ${path}: ${response.status}`);
      if (response.status === 404) throw new GraphCalendarError('eventGone', `${method} ${path}: 404`);
      const wait = retryWaitMs(response);
      const throttled = response.status === 429 || response.status === 503;
      if (!throttled || attempt >= MAX_ATTEMPTS || wait > MAX_RETRY_WAIT_MS)
        throw new GraphCalendarError('unavailable', `${method} ${path}: ${response.status}`);
      await response.body?.cancel();
      await sleep(wait);
    }
  }

  const eventPath = (eventId: string) => `/me/events/${encodeURIComponent(eventId)}`;

  return {
    async create(caller, event) {
      const response = await send(caller, 'POST', '/me/events', {
        ...eventResource(event),
        transactionId: event.transactionId,
      });
      const created = (await response.json()) as { id?: unknown };
      if (typeof created.id !== 'string') throw new GraphCalendarError('unavailable', 'event without id');
      return created.id;
    },
    async update(caller, eventId, event) {
      await send(caller, 'PATCH', eventPath(eventId), eventResource(event));
    },
    async cancel(caller, eventId, comment) {
      await send(caller, 'POST', `${eventPath(eventId)}/cancel`, { comment });
    },
  };
}
