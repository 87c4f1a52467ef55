/**
 * The supervisor's scheduling through the API: the clock's window, the alternating-year rule, ETags on every
 * change, and the invitation card that reaches the employee through the bot (with Teams' meeting form as a deep
 * link, the .ics from the API: never an inline file, which Teams does not show); when it cannot reach them, the
 * supervisor gets the link and the .ics to send themselves; the team's group discussion and its channel card.
 */
import { teamInstallation, postActivity } from '../support/activities';
import type { SignInOrganisation } from '../support/tokens';
import {
  call,
  IN_WINDOW,
  meetingPath,
  newOrganisation,
  openPersonalChat,
  ROUND_YEAR,
  startTabsApi,
  meetingCalendar,
  tokenOf,
  type TestApi,
} from './tabs-api-fixture';

interface MeetingAnswer {
  discussion: { status: string; scheduledAt: string | null; etag: string };
  invitation: string;
}

type Json = Record<string, unknown>;

let api: TestApi;

beforeAll(async () => {
  api = await startTabsApi();
});

afterAll(async () => {
  await api?.stop();
});

async function asSupervisor(org: SignInOrganisation) {
  const token = await tokenOf(api.app, org, org.people.supervisor);
  return (method: string, path: string, options: { body?: unknown; ifMatch?: string | null } = {}) =>
    call<Json>(api.app, token, method, path, options);
}

/** The activities the connector stand-in accepted into the employee's personal chat. */
function sentTo(org: SignInOrganisation) {
  const conversation = `a:${org.people.employee.aadObjectId}`;
  return api.connector
    .activities()
    .filter((activity) => activity.conversationId === conversation && Array.isArray(activity.attachments));
}

function cardOf(activity: Json): Json {
  return ((activity.attachments as Json[])[0] as { content: Json }).content;
}

/** The meeting's .ics as the tab API gives it to `who`, unfolded (RFC 5545 3.1) so each property is one line. */
async function calendarFor(
  org: SignInOrganisation,
  who: 'employee' | 'supervisor' | 'otherEmployee',
  year = ROUND_YEAR,
) {
  const token = await tokenOf(api.app, org, org.people[who]);
  const file = await meetingCalendar(api.app, token, `/api/v1/discussions/${year}/p-employee/meeting.ics`);
  return { ...file, ics: file.status === 200 ? file.text.replace(/\r\n /g, '') : '' };
}

describe('scheduling a development discussion', () => {
  test('stores the meeting and sends a card with the time, a Teams meeting link and the preparation button; the .ics comes from the API', async () => {
    const org = await newOrganisation(api.app);
    await openPersonalChat(api, org.tenantId, org.people.employee);
    const supervisor = await asSupervisor(org);

    const answer = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: IN_WINDOW, durationMinutes: 45 },
    });

    expect(answer.status).toBe(200);
    const body = answer.body as unknown as MeetingAnswer;
    expect(body.invitation).toBe('delivered');
    expect(body.discussion).toMatchObject({ status: 'scheduled', scheduledAt: '2027-02-10T07:00:00.000Z' });
    const stored = await api.app.repositories.developmentDiscussions.get(
      org.tenantId,
      ROUND_YEAR,
      'p-employee',
    );
    expect(stored?.value).toMatchObject({ status: 'scheduled', supervisorId: 'p-supervisor' });
    expect(stored?.etag).toBe(body.discussion.etag);

    const [invitation] = sentTo(org);
    const card = cardOf(invitation as Json);
    expect(JSON.stringify(card.body)).toContain('Kutsu kehityskeskusteluun');
    expect(JSON.stringify(card.body)).toContain(
      '{{DATE(2027-02-10T07:00:00Z, LONG)}} {{TIME(2027-02-10T07:00:00Z)}}',
    );
    // No inline file: Teams shows none (the connector stand-in refuses one, as Teams' file rules say).
    expect((invitation?.attachments as Json[]).map((a) => a.contentType)).toEqual([
      'application/vnd.microsoft.card.adaptive',
    ]);
    const link = new URL(String((card.actions as Json[])[0]?.url));
    expect((card.actions as Json[])[0]).toMatchObject({
      type: 'Action.OpenUrl',
      title: 'Lisää Teams-kalenteriin',
    });
    expect(`${link.origin}${link.pathname}`).toBe('https://teams.microsoft.com/l/meeting/new');
    expect(Object.fromEntries(link.searchParams)).toMatchObject({
      subject: `Kehityskeskustelu ${ROUND_YEAR}`,
      startTime: '2027-02-10T07:00:00.000Z',
      endTime: '2027-02-10T07:45:00.000Z',
      attendees: 'p-supervisor@example.test',
    });
    expect((card.actions as Json[]).slice(1)).toEqual([
      {
        type: 'Action.Execute',
        title: 'Valmistaudu keskusteluun',
        verb: 'discussion.open',
        data: { employeeId: 'p-employee', year: ROUND_YEAR, view: { kind: 'step', step: 1 } },
      },
    ]);
    const { ics, ...file } = await calendarFor(org, 'employee');
    expect(file).toMatchObject({
      fileName: `kehityskeskustelu-${ROUND_YEAR}.ics`,
      contentType: 'text/calendar; charset=utf-8',
    });
    expect((await calendarFor(org, 'supervisor')).ics).toBe(ics);
    expect((await calendarFor(org, 'otherEmployee')).status).toBe(404);
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain('DTSTART:20270210T070000Z\r\n');
    expect(ics).toContain('DTEND:20270210T074500Z\r\n');
    expect(ics).toContain(
      'ATTENDEE;CN=p-employee Testinen;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:p-employee@example.test',
    );
    expect(ics).not.toContain('p-employee@osaamiskello');
  });

  test('refuses a time outside the clock’s window or in the past, and stores nothing', async () => {
    const org = await newOrganisation(api.app);
    const supervisor = await asSupervisor(org);

    const outside = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: '2027-05-04T09:00:00+03:00' },
    });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({
      error: {
        code: 'meeting.outsideWindow',
        details: { windows: [{ opens: '2027-01-01', closes: '2027-03-31' }] },
      },
    });
    // The window is in Finnish time: 31.3. at 23:30 in Helsinki is still inside, though it is 20:30 UTC.
    const lastEvening = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: '2027-03-31T20:30:00Z' },
    });
    expect(lastEvening.status).toBe(200);
    const afterMidnight = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: '2027-03-31T21:30:00Z' },
      ifMatch: (lastEvening.body as unknown as MeetingAnswer).discussion.etag,
    });
    expect(afterMidnight.body).toMatchObject({ error: { code: 'meeting.outsideWindow' } });

    const past = await supervisor('PUT', meetingPath('p-employee', 2026), {
      body: { scheduledAt: '2026-02-10T09:00:00+02:00' },
    });
    expect(past.body).toMatchObject({ error: { code: 'meeting.inPast' } });
    await expect(
      api.app.repositories.developmentDiscussions.get(org.tenantId, 2026, 'p-employee'),
    ).resolves.toBeNull();
  });

  test('under the alternating-year model an employee in a group-discussion year gets no meeting', async () => {
    const org = await newOrganisation(api.app, (o) => {
      // 2027 is odd: with individual discussions in even years, the staff have group discussions in 2027.
      for (const area of o.snapshot.serviceAreas)
        area.alternatingYearRule = { individualDiscussionYears: 'even' };
    });
    const supervisor = await asSupervisor(org);
    const answer = await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: 'meeting.noDiscussionThisYear' } });
  });

  test('a stale ETag changes nothing and answers 409 with the discussion as it stands', async () => {
    const org = await newOrganisation(api.app);
    const supervisor = await asSupervisor(org);
    const first = (await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } }))
      .body as unknown as MeetingAnswer;
    const moved = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: '2027-02-11T10:00:00+02:00' },
      ifMatch: first.discussion.etag,
    });
    expect(moved.status).toBe(200);

    const stale = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: '2027-02-12T10:00:00+02:00' },
      ifMatch: first.discussion.etag,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: {
        code: 'edit.conflict',
        message:
          'Someone else changed this in the meantime. Check the latest version and make your change again.',
        details: {
          latest: {
            status: 'scheduled',
            scheduledAt: '2027-02-11T08:00:00.000Z',
            etag: (moved.body as unknown as MeetingAnswer).discussion.etag,
          },
        },
      },
    });
    // Scheduling as if nothing existed is stale too, once a discussion exists.
    const blind = await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } });
    expect(blind.status).toBe(409);
    const stored = await api.app.repositories.developmentDiscussions.get(
      org.tenantId,
      ROUND_YEAR,
      'p-employee',
    );
    expect(stored?.value.scheduledAt).toBe('2027-02-11T08:00:00.000Z');
  });

  test('moving and cancelling tell the employee, with the same calendar event updated and then cancelled', async () => {
    const org = await newOrganisation(api.app);
    await openPersonalChat(api, org.tenantId, org.people.employee);
    const supervisor = await asSupervisor(org);
    const first = (await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } }))
      .body as unknown as MeetingAnswer;
    const moved = (
      await supervisor('PUT', meetingPath('p-employee'), {
        body: { scheduledAt: '2027-03-01T13:00:00+02:00' },
        ifMatch: first.discussion.etag,
      })
    ).body as unknown as MeetingAnswer;
    const cancelled = await supervisor('DELETE', meetingPath('p-employee'), {
      ifMatch: moved.discussion.etag,
    });

    expect(cancelled.status).toBe(200);
    expect((cancelled.body as unknown as MeetingAnswer).discussion).toMatchObject({
      status: 'notScheduled',
      scheduledAt: null,
    });
    const messages = sentTo(org);
    expect(
      messages.map(
        (m) =>
          JSON.stringify(cardOf(m).body).match(/Kutsu kehityskeskusteluun|aika on muuttunut|on peruttu/)?.[0],
      ),
    ).toEqual(['Kutsu kehityskeskusteluun', 'aika on muuttunut', 'on peruttu']);
    expect(messages.flatMap((m) => (m.attachments as Json[]).map((a) => a.contentType))).not.toContain(
      'text/calendar',
    );
    expect(JSON.stringify(cardOf(messages[1] as Json).actions)).toContain(
      encodeURIComponent('2027-03-01T11:00:00.000Z'),
    );
    expect(cardOf(messages[2] as Json).actions).toEqual([]);
    expect(JSON.stringify(cardOf(messages[2] as Json).body)).toContain('Poista tapaaminen kalenteristasi');
    const cancellation = await calendarFor(org, 'employee');
    expect(cancellation.status).toBe(200);
    expect(cancellation.ics).toContain('METHOD:CANCEL\r\n');
    expect(cancellation.ics).toContain('STATUS:CANCELLED\r\n');
  });

  test('without the employee’s chat with the bot the meeting is saved and the supervisor gets the link and .ics to send', async () => {
    const org = await newOrganisation(api.app);
    const supervisor = await asSupervisor(org);
    const answer = await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } });
    expect(answer.body).toMatchObject({ invitation: 'notInstalled', discussion: { status: 'scheduled' } });
    const fallback = (answer.body as { fallback: { teamsMeetingLink: string; icsPath: string } }).fallback;
    expect(new URL(fallback.teamsMeetingLink).searchParams.get('attendees')).toBe('p-employee@example.test');
    const file = await meetingCalendar(
      api.app,
      await tokenOf(api.app, org, org.people.supervisor),
      fallback.icsPath,
    );
    expect(file.text).toContain('ATTENDEE;CN=p-employee Testinen');
  });

  test('a retried invitation arrives after a 429 with Retry-After, and a blocked employee is reported as blocked', async () => {
    const org = await newOrganisation(api.app);
    await openPersonalChat(api, org.tenantId, org.people.employee);
    const supervisor = await asSupervisor(org);
    const conversation = `a:${org.people.employee.aadObjectId}`;
    api.throttleOnce(conversation, 1);
    const before = api.connector.received.length;

    const first = await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } });

    expect(first.body).toMatchObject({ invitation: 'delivered', fallback: null });
    const attempts = api.connector.received.slice(before).filter((r) => r.conversationId === conversation);
    expect(attempts.map((r) => r.status)).toEqual([429, 201]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);

    api.connector.refuseUser(org.people.employee.aadObjectId ?? '', 'blocked', conversation);
    const moved = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: '2027-03-01T13:00:00+02:00' },
      ifMatch: (first.body as unknown as MeetingAnswer).discussion.etag,
    });
    expect(moved.body).toMatchObject({ invitation: 'blocked', fallback: { icsPath: expect.any(String) } });
    const stored = await api.app.repositories.conversationReferences.get(org.tenantId, {
      kind: 'user',
      aadObjectId: org.people.employee.aadObjectId ?? '',
    });
    expect(stored?.value.unreachable).toBe('blocked');
  });

  test('an invitation Teams throttles beyond the supervisor’s wait is "will retry", kept, and arrives by itself', async () => {
    const org = await newOrganisation(api.app);
    await openPersonalChat(api, org.tenantId, org.people.employee);
    const supervisor = await asSupervisor(org);
    const conversation = `a:${org.people.employee.aadObjectId}`;
    // Retry-After beyond the wait (8 s): the tab hears "will retry" at once instead of waiting for it.
    api.throttleOnce(conversation, 9);
    const startedAt = Date.now();

    const answer = await supervisor('PUT', meetingPath('p-employee'), { body: { scheduledAt: IN_WINDOW } });

    expect(answer.body).toMatchObject({ invitation: 'willRetry', fallback: null });
    expect(Date.now() - startedAt).toBeLessThan(8000);
    // The app's worker sends the kept invitation from storage, not sooner than Teams asked; no one schedules
    // again.
    for (let waited = 0; sentTo(org).length === 0 && waited < 25_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const [invitation] = sentTo(org);
    expect(JSON.stringify(cardOf(invitation as Json).body)).toContain('Kutsu kehityskeskusteluun');
    const intoChat = api.connector.received.filter(
      (r) => r.conversationId === conversation && r.at >= startedAt,
    );
    expect(intoChat.map((r) => r.status)).toEqual([429, 201]);
    expect((intoChat[1]?.at ?? 0) - (intoChat[0]?.at ?? Infinity)).toBeGreaterThanOrEqual(9000);
  }, 40_000);

  test('refuses a malformed time or duration before touching anything', async () => {
    const org = await newOrganisation(api.app);
    const supervisor = await asSupervisor(org);
    const noZone = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: '2027-02-10T09:00' },
    });
    const tooLong = await supervisor('PUT', meetingPath('p-employee'), {
      body: { scheduledAt: IN_WINDOW, durationMinutes: 600 },
    });
    expect([noZone.status, tooLong.status]).toEqual([400, 400]);
    expect(tooLong.body).toMatchObject({
      error: { code: 'request.invalid', details: { fields: ['durationMinutes'] } },
    });
  });
});

describe("the team's group competence discussion", () => {
  test('starts once and posts its card to the team channel the tab names', async () => {
    const org = await newOrganisation(api.app);
    const channel = { teamId: '19:team-channel@thread.tacv2', channelId: '19:kehitys@thread.tacv2' };
    await postActivity(
      api.app.url,
      teamInstallation(
        { tenantId: org.tenantId, aadObjectId: org.people.supervisor.aadObjectId ?? '' },
        { teamId: channel.teamId, channelId: channel.channelId, channelName: 'Kehitys' },
        'add',
        { serviceUrl: api.connector.serviceUrl },
      ),
    );
    const supervisor = await asSupervisor(org);
    const body = { year: ROUND_YEAR, teamId: 't-team', channel };

    const first = await supervisor('POST', '/api/v1/team/group-discussions', { body });
    const again = await supervisor('POST', '/api/v1/team/group-discussions', { body });

    expect([first.status, again.status]).toEqual([201, 200]);
    expect(first.body).toMatchObject({
      created: true,
      posted: 'delivered',
      groupDiscussion: { teamId: 't-team', status: 'open', year: ROUND_YEAR, posted: true },
    });
    expect(again.body).toMatchObject({
      created: false,
      groupDiscussion: (first.body as { groupDiscussion: unknown }).groupDiscussion,
    });
    // Each start is a new post in the chosen channel: a thread of its own, as Teams starts one.
    const posts = api.connector
      .activities()
      .filter((a) => String(a.conversationId).startsWith(`${channel.channelId};messageid=`));
    expect(posts).toHaveLength(2);
    const text = JSON.stringify(cardOf(posts[0] as Json).body);
    expect(text).toContain('Ryhmäosaamiskeskustelu 2027: t-team');
    expect(text).toContain('Tulevaisuuden osaamistarpeet');
  });

  test('a start post Teams takes only on a later retry still leaves its thread on the discussion', async () => {
    const org = await newOrganisation(api.app);
    const channel = { teamId: '19:retry-team@thread.tacv2', channelId: '19:retry-kanava@thread.tacv2' };
    await postActivity(
      api.app.url,
      teamInstallation(
        { tenantId: org.tenantId, aadObjectId: org.people.supervisor.aadObjectId ?? '' },
        { teamId: channel.teamId, channelId: channel.channelId, channelName: 'Kehitys' },
        'add',
        { serviceUrl: api.connector.serviceUrl },
      ),
    );
    const supervisor = await asSupervisor(org);
    // Teams asks for longer than the tab waits (8 s): the post is kept and the fan-out's worker retries it.
    api.throttleNextChannelPost(9);
    const startedAt = Date.now();

    const started = await supervisor('POST', '/api/v1/team/group-discussions', {
      body: { year: ROUND_YEAR, teamId: 't-team', channel },
    });

    expect(started.body).toMatchObject({ posted: 'willRetry', groupDiscussion: { posted: false } });
    const id = (started.body as { groupDiscussion: { id: string } }).groupDiscussion.id;
    const threadPrefix = `${channel.channelId};messageid=`;
    const deadline = Date.now() + 25_000;
    let stored = await api.app.repositories.groupDiscussions.get(org.tenantId, ROUND_YEAR, id);
    while (!stored?.value.channelPost && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      stored = await api.app.repositories.groupDiscussions.get(org.tenantId, ROUND_YEAR, id);
    }
    const posts = api.connector.activities().filter((a) => String(a.conversationId).startsWith(threadPrefix));
    expect(posts).toHaveLength(1);
    // Not sooner than Teams' Retry-After.
    const throttled = api.connector.received.find(
      (r) => r.operation === 'createConversation' && r.status === 429 && r.at >= startedAt,
    );
    const arrived = api.connector.received.find((r) => r.createdConversationId?.startsWith(threadPrefix));
    expect((arrived?.at ?? 0) - (throttled?.at ?? Infinity)).toBeGreaterThanOrEqual(9000);
    // The thread Teams answered for the retried post, where replies and updates to the discussion go.
    expect(stored?.value.channelPost).toMatchObject({
      conversationId: posts[0]?.conversationId,
      activityId: expect.any(String),
    });
    const tab = await call<{ teams: Array<{ id: string; groupDiscussion: unknown }> }>(
      api.app,
      await tokenOf(api.app, org, org.people.supervisor),
      'GET',
      `/api/v1/team?year=${ROUND_YEAR}`,
    );
    expect(tab.body.teams.find((team) => team.id === 't-team')?.groupDiscussion).toEqual({
      id,
      status: 'open',
      posted: true,
    });
  }, 40_000);

  test('a channel the bot is not in is reported, and the discussion is still started', async () => {
    const org = await newOrganisation(api.app);
    const supervisor = await asSupervisor(org);
    const answer = await supervisor('POST', '/api/v1/team/group-discussions', {
      body: {
        year: ROUND_YEAR,
        teamId: 't-team',
        channel: { teamId: '19:unknown@thread.tacv2', channelId: null },
      },
    });
    expect(answer.body).toMatchObject({ created: true, posted: 'notInstalled' });
  });
});
