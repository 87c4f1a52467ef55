/**
 * The supervisor's calendar through Microsoft Graph (GRAPH_CALENDAR=on, Entra sign-in): the API exchanges the
 * supervisor's token on their behalf (a local stand-in for Entra's token endpoint and Graph) and keeps one
 * event per discussion — created, moved, cancelled — with the employee as attendee; throttling is waited
 * out, and a refused calendar keeps the meeting and falls back to the invitation's .ics.
 */
import { startGraphStandIn, type GraphStandIn } from '../../bot/src/devstack/graph-stand-in';
import { startOpenIdStandIn, type OpenIdStandIn } from '../../bot/src/devstack/openid-stand-in';
import { entraClaims, type SignInOrganisation } from '../support/tokens';
import {
  call,
  IN_WINDOW,
  meetingPath,
  newOrganisation,
  openPersonalChat,
  ROUND_YEAR,
  startTabsApi,
  type TestApi,
} from './tabs-api-fixture';

type Json = Record<string, unknown>;

interface MeetingAnswer {
  discussion: { status: string; scheduledAt: string | null; etag: string };
  invitation: string;
  calendar: { via: 'graph' | 'ics'; error?: { code: string; message: string } };
}

const entraApp = { clientId: 'c0ffee00-0000-4000-8000-00000000ca1e', tabDomain: 'osaamiskello.example.test' };

let entra: OpenIdStandIn;

beforeAll(async () => {
  entra = await startOpenIdStandIn();
});

afterAll(async () => {
  await entra?.close();
});

function entraEnv(graph: GraphStandIn, graphCalendar: 'on' | 'off'): Record<string, string> {
  return {
    AAD_APP_CLIENT_ID: entraApp.clientId,
    TAB_DOMAIN: entraApp.tabDomain,
    ENTRA_KEYS_BASE_URL: entra.url,
    GRAPH_CALENDAR: graphCalendar,
    AAD_APP_CLIENT_SECRET: graph.clientSecret,
    ENTRA_TOKEN_BASE_URL: graph.url,
    GRAPH_BASE_URL: graph.graphUrl,
  };
}

async function asSupervisor(api: TestApi, org: SignInOrganisation) {
  const token = await entra.key.sign(
    entraClaims(entraApp, org.tenantId, org.people.supervisor.aadObjectId ?? ''),
  );
  return async (method: string, path: string, options: { body?: unknown; ifMatch?: string | null } = {}) => {
    const answer = await call<Json>(api.app, token, method, path, options);
    return { status: answer.status, body: answer.body as unknown as MeetingAnswer };
  };
}

function sentTo(api: TestApi, org: SignInOrganisation): Json[] {
  const conversation = `a:${org.people.employee.aadObjectId}`;
  return api.connector
    .activities()
    .filter((activity) => activity.conversationId === conversation && Array.isArray(activity.attachments));
}

const contentTypes = (activity: Json | undefined) =>
  ((activity?.attachments ?? []) as Json[]).map((attachment) => attachment.contentType);

describe('with GRAPH_CALENDAR=on', () => {
  let graph: GraphStandIn;
  let api: TestApi;

  beforeAll(async () => {
    graph = await startGraphStandIn({ clientId: entraApp.clientId, assertionKey: entra.key.publicJwk });
    api = await startTabsApi(entraEnv(graph, 'on'));
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), graph?.close()]);
  });

  const eventsOf = (org: SignInOrganisation) => graph.events().filter((e) => e.tenantId === org.tenantId);

  test('scheduling creates one event in the supervisor’s calendar with the employee as attendee', async () => {
    const org = await newOrganisation(api.app);
    await openPersonalChat(api, org.tenantId, org.people.employee);
    const supervisor = await asSupervisor(api, org);

    const answer = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: IN_WINDOW, durationMinutes: 45 },
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ invitation: 'delivered', calendar: { via: 'graph' } });
    const events = eventsOf(org);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      ownerObjectId: org.people.supervisor.aadObjectId,
      cancelled: false,
      resource: {
        subject: 'Kehityskeskustelu 2027',
        start: { dateTime: '2027-02-10T09:00:00', timeZone: 'Europe/Helsinki' },
        end: { dateTime: '2027-02-10T09:45:00', timeZone: 'Europe/Helsinki' },
        attendees: [
          {
            emailAddress: { address: 'p-employee@example.test', name: 'p-employee Testinen' },
            type: 'required',
          },
        ],
      },
    });
    expect(typeof events[0]?.transactionId).toBe('string');
    const stored = await api.app.repositories.developmentDiscussions.get(
      org.tenantId,
      ROUND_YEAR,
      'p-employee',
    );
    expect(stored?.value.calendarEventId).toBe(events[0]?.id);
    expect(stored?.etag).toBe(answer.body.discussion.etag);
    // The card says the event is in the calendar, and carries no .ics.
    const [invitation] = sentTo(api, org);
    expect(contentTypes(invitation)).toEqual(['application/vnd.microsoft.card.adaptive']);
    expect(JSON.stringify(invitation)).toContain('Tapahtuma on päivitetty kalenteriisi.');
    expect(graph.requests).toContain(`POST /${org.tenantId}/oauth2/v2.0/token`);
  });

  test('moving updates the same event and cancelling cancels it', async () => {
    const org = await newOrganisation(api.app);
    await openPersonalChat(api, org.tenantId, org.people.employee);
    const supervisor = await asSupervisor(api, org);
    const first = await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } });
    const moved = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: '2027-03-01T13:00:00+02:00' },
      ifMatch: first.body.discussion.etag,
    });
    expect(moved.body).toMatchObject({ calendar: { via: 'graph' }, discussion: { status: 'scheduled' } });
    const [event] = eventsOf(org);
    expect(eventsOf(org)).toHaveLength(1);
    expect(event?.resource).toMatchObject({
      start: { dateTime: '2027-03-01T13:00:00', timeZone: 'Europe/Helsinki' },
      end: { dateTime: '2027-03-01T14:00:00', timeZone: 'Europe/Helsinki' },
    });
    expect(graph.requests).toContain(`PATCH /v1.0/me/events/${event?.id}`);

    const cancelled = await supervisor('DELETE', meetingPath('p-employee'), {
      ifMatch: moved.body.discussion.etag,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      calendar: { via: 'graph' },
      discussion: { status: 'notScheduled', scheduledAt: null },
    });
    expect(eventsOf(org)).toEqual([expect.objectContaining({ id: event?.id, cancelled: true })]);
    expect(eventsOf(org)[0]?.cancelComment).toContain('perui vuoden 2027 kehityskeskustelusi');
    const stored = await api.app.repositories.developmentDiscussions.get(
      org.tenantId,
      ROUND_YEAR,
      'p-employee',
    );
    expect(stored?.value.calendarEventId).toBeUndefined();
    expect(sentTo(api, org).map(contentTypes)).toEqual([
      ['application/vnd.microsoft.card.adaptive'],
      ['application/vnd.microsoft.card.adaptive'],
      ['application/vnd.microsoft.card.adaptive'],
    ]);
  });

  test('a 429 is retried after its Retry-After, and still one event is created', async () => {
    const org = await newOrganisation(api.app);
    const supervisor = await asSupervisor(api, org);
    graph.fail({ status: 429, retryAfterSeconds: 1 });
    const before = graph.calendarRequests.length;

    const answer = await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } });

    expect(answer.body).toMatchObject({ calendar: { via: 'graph' }, discussion: { status: 'scheduled' } });
    const attempts = graph.calendarRequests.slice(before);
    expect(attempts.map((r) => r.line)).toEqual(['POST /v1.0/me/events', 'POST /v1.0/me/events']);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(eventsOf(org)).toHaveLength(1);
  });

  test('a 403 from Graph keeps the meeting and falls back to the .ics with a clear message', async () => {
    const org = await newOrganisation(api.app);
    await openPersonalChat(api, org.tenantId, org.people.employee);
    const supervisor = await asSupervisor(api, org);
    graph.fail({ status: 403 });

    const answer = await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      invitation: 'delivered',
      discussion: { status: 'scheduled', scheduledAt: '2027-02-10T07:00:00.000Z' },
      calendar: {
        via: 'ics',
        error: {
          code: 'calendar.consentMissing',
          message:
            'The event could not be created in your calendar because the app has not been given consent to it. The meeting is saved and the invitation has a Teams calendar button; the calendar file (.ics) is in the tab.',
        },
      },
    });
    expect(eventsOf(org)).toEqual([]);
    const stored = await api.app.repositories.developmentDiscussions.get(
      org.tenantId,
      ROUND_YEAR,
      'p-employee',
    );
    expect(stored?.value).toMatchObject({ status: 'scheduled' });
    expect(stored?.value.calendarEventId ?? null).toBeNull();
    // No inline file (Teams shows none): the card opens Teams' meeting form instead.
    const [invitation] = sentTo(api, org);
    expect(contentTypes(invitation)).toEqual(['application/vnd.microsoft.card.adaptive']);
    expect(JSON.stringify(invitation)).toContain('https://teams.microsoft.com/l/meeting/new?');
  });
});

describe('with GRAPH_CALENDAR=off', () => {
  let graph: GraphStandIn;
  let api: TestApi;

  beforeAll(async () => {
    graph = await startGraphStandIn({ clientId: entraApp.clientId });
    api = await startTabsApi(entraEnv(graph, 'off'));
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), graph?.close()]);
  });

  test("nothing is sent to Graph and the invitation offers Teams' meeting form, never an inline .ics", async () => {
    const org = await newOrganisation(api.app);
    await openPersonalChat(api, org.tenantId, org.people.employee);
    const supervisor = await asSupervisor(api, org);
    const first = await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } });
    const cancelled = await supervisor('DELETE', meetingPath('p-employee'), {
      ifMatch: first.body.discussion.etag,
    });

    expect(first.body).toMatchObject({ invitation: 'delivered', calendar: { via: 'ics' } });
    expect(first.body.calendar.error).toBeUndefined();
    expect(cancelled.body).toMatchObject({ calendar: { via: 'ics' } });
    expect(graph.requests).toEqual([]);
    expect(sentTo(api, org).map(contentTypes)).toEqual([
      ['application/vnd.microsoft.card.adaptive'],
      ['application/vnd.microsoft.card.adaptive'],
    ]);
  });
});
