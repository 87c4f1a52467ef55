/**
 * The annual clock's reminders in the running app (REMINDERS=on, a fixed "today"): the daily schedule plans the
 * day, the delivery worker sends through the Bot Connector stand-in, channel posts go to the linked channels.
 * Each test has storage of its own (a table prefix), so the schedule sees only its organisation.
 */
import { randomBytes } from 'node:crypto';
import type { RunningApp } from '../../bot/src/app';
import { campaignId } from '../../bot/src/domain/reminder';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { openFanout } from '../../bot/src/fanout/fanout-engine';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { openStorageAccount } from '../../bot/src/storage/storage-account';
import { postActivity, teamInstallation } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { bearer, devToken } from '../support/tokens';
import { waitUntilFinished } from '../fanout/support/fanout-fixture';
import { PEOPLE, SERVICE_AREAS, TEAMS } from './support/small-city';

let standIn: ConnectorStandIn;
let tablePrefix: string;
let tenantId: string;
let repositories: Repositories;
const running: RunningApp[] = [];

/** The Teams app's id as provision writes it: the reminder cards link into the app inside Teams. */
const TEAMS_APP_ID = '7f6b0e3c-1a2b-4c5d-8e9f-001122334455';

/** Teams' ids of the Teams teams and channels in this test. */
const TEAM_A = { teamId: '19:team-a-general@thread.tacv2', channelId: '19:team-a-osaamiskello@thread.tacv2' };
const PRINCIPALS = { teamId: '19:principals@thread.tacv2', channelId: '19:principals@thread.tacv2' };
const KONSERNI = { teamId: '19:konserni@thread.tacv2', channelId: '19:konserni-johtoryhma@thread.tacv2' };

function startApp(now: string): Promise<RunningApp> {
  return startTestApp(
    {
      REMINDERS: 'on',
      TABLE_PREFIX: tablePrefix,
      BOT_SERVICE_URL: standIn.serviceUrl,
      TEAMS_APP_ID: TEAMS_APP_ID,
    },
    { now: () => new Date(now) },
  ).then((app) => {
    running.push(app);
    return app;
  });
}

async function stop(app: RunningApp): Promise<void> {
  running.splice(running.indexOf(app), 1);
  await app.stop();
}

/** The small city; everyone with a Teams account has chatted with the bot but emp-en, and teacher-2 has none. */
beforeEach(async () => {
  standIn = await startConnectorStandIn();
  tablePrefix = `rem${randomBytes(6).toString('hex')}`;
  tenantId = newTenantId();
  const connectionString = process.env.OSK_TEST_STORAGE_CONNECTION_STRING ?? '';
  repositories = await openRepositories(
    openStorageAccount({ kind: 'connectionString', connectionString, tablePrefix }),
  );
  const withTenant = <T extends object>(value: T) => ({ ...value, tenantId });
  await writeOrganisation(repositories, tenantId, {
    organisation: { tenantId, name: 'Pikkukaupunki', defaultLocale: 'fi', anonymityThreshold: 5 },
    serviceAreas: SERVICE_AREAS.map(withTenant),
    teams: TEAMS.map(withTenant),
    people: PEOPLE.map((person) =>
      withTenant({ ...person, aadObjectId: person.id === 'teacher-2' ? null : person.aadObjectId }),
    ),
  });
  for (const person of PEOPLE) {
    if (!person.aadObjectId || person.id === 'emp-en' || person.id === 'teacher-2') continue;
    await repositories.conversationReferences.save({
      tenantId,
      address: { kind: 'user', aadObjectId: person.aadObjectId },
      channelName: null,
      reference: { serviceUrl: standIn.serviceUrl, conversation: { id: `a:chat-${person.id}` } },
    });
  }
});

afterEach(async () => {
  await Promise.allSettled(running.splice(0).map((app) => app.stop()));
  await standIn.close();
});

/** The bot is added to a Teams team: Teams posts an installationUpdate, and the bot keeps the team's reference. */
async function installBotIn(app: RunningApp, team: { teamId: string }): Promise<void> {
  const installer = { tenantId, aadObjectId: 'aad-sup-a' };
  const response = await postActivity(
    app.url,
    teamInstallation(installer, { teamId: team.teamId }, 'add', { serviceUrl: standIn.serviceUrl }),
  );
  expect(response.status).toBeLessThan(300);
}

async function linkTeamChannel(
  app: RunningApp,
  personId: string,
  teamId: string,
  channel: { teamId: string; channelId: string },
): Promise<Response> {
  const token = await devToken(app.url, tenantId, personId);
  return fetch(`${app.url}/api/v1/teams/${teamId}/channel`, {
    method: 'PUT',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(channel),
  });
}

/** The channel a message went to: a channel post's thread is named `<channel>;messageid=<post>`. */
const channelOf = (conversationId: string | null): string => String(conversationId).split(';')[0] ?? '';

/** What the clock sent: the welcome the bot posts when it is added to a team is not a reminder. */
function reminders() {
  return standIn
    .activities()
    .filter((activity) => !JSON.stringify(activity).includes('Tervetuloa Osaamiskelloon'));
}

function summariesIn(conversationId: string): string[] {
  return reminders()
    .filter((activity) => channelOf(activity.conversationId) === conversationId)
    .map((activity) => String(activity.summary));
}

async function finished(app: RunningApp, ids: string[]) {
  const fanout = await openFanout(app.storage);
  return Promise.all(ids.map((id) => waitUntilFinished(fanout, tenantId, id)));
}

test('1.1.: the day’s reminders reach everyone once, however often the day is run', async () => {
  // Before 8 o'clock nothing is sent yet: the bot is installed and the team channels are linked meanwhile.
  const early = await startApp('2026-01-01T07:00:00+02:00');
  await installBotIn(early, TEAM_A);
  expect((await linkTeamChannel(early, 'sup-a', 'team-a', TEAM_A)).status).toBe(200);
  // The principals' channel is linked, but the bot was never added to that team.
  expect((await linkTeamChannel(early, 'hr-1', 'principals', PRINCIPALS)).status).toBe(200);
  // Nobody else's team: an employee may not link a channel.
  expect((await linkTeamChannel(early, 'emp-fi', 'team-a', KONSERNI)).status).toBe(403);
  await stop(early);
  expect(reminders()).toEqual([]);

  const day = '2026-01-01T08:30:00+02:00';
  const ids = [
    campaignId('2026-01-01', 'phaseOpened', 'development-discussions', 'employee'),
    campaignId('2026-01-01', 'phaseOpened', 'development-discussions', 'supervisor'),
    campaignId('2026-01-01', 'phaseOpened', 'group-discussions', 'channel'),
  ];
  const first = await startApp(day);
  const progress = await finished(first, ids);
  await stop(first);
  // The day again, as after a restart (or on a second server): nothing more is sent.
  const again = await startApp(day);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const fanout = await openFanout(again.storage);

  expect(progress.map((p) => p.counts)).toEqual([
    expect.objectContaining({ sent: 9, notInstalled: 1 }),
    expect.objectContaining({ sent: 5 }),
    expect.objectContaining({ sent: 1, notInstalled: 1, noChannel: 1 }),
  ]);
  const perConversation = new Map<string, number>();
  for (const activity of reminders()) {
    const key = `${activity.conversationId}\n${String(activity.summary)}`;
    perConversation.set(key, (perConversation.get(key) ?? 0) + 1);
  }
  expect([...perConversation.values()].every((count) => count === 1)).toBe(true);
  expect(reminders()).toHaveLength(9 + 5 + 1);
  // sup-a is both an employee and a supervisor; emp-sv reads Swedish; emp-en got a chat created.
  expect(summariesIn('a:chat-sup-a')).toHaveLength(2);
  expect(summariesIn('a:chat-emp-sv')).toEqual([expect.stringMatching(/^Utvecklingssamtal: /)]);
  expect(summariesIn(standIn.conversationOf('aad-emp-en') ?? '')).toEqual([
    expect.stringMatching(/^Development discussions: The development discussion period has started/),
  ]);
  expect(summariesIn(TEAM_A.channelId)).toEqual(['Ryhmäosaamiskeskustelut: Aika on alkanut: 1.1.–31.3.']);
  const supervisorCards = reminders().filter((a) => a.conversationId === 'a:chat-sup-a');
  expect(JSON.stringify(supervisorCards)).toContain(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/`);
  expect(await fanout.undelivered(tenantId, ids[2] as string)).toEqual([
    { recipientKey: 'team:hr-team', state: 'noChannel', lastError: 'noChannel' },
    { recipientKey: 'team:principals', state: 'notInstalled', lastError: 'botNotInTeam' },
  ]);
  expect(await fanout.undelivered(tenantId, ids[0] as string)).toEqual([
    { recipientKey: 'person:teacher-2', state: 'notInstalled', lastError: 'noTeamsAccount' },
  ]);
});

test('16.9.: the training-plan deadline is posted to the linked service-area channel only; the unlinked is reported', async () => {
  const early = await startApp('2026-09-16T06:00:00+03:00');
  await installBotIn(early, KONSERNI);
  const director = await devToken(early.url, tenantId, 'dir-k');
  const linked = await fetch(`${early.url}/api/v1/service-areas/konserni/channel`, {
    method: 'PUT',
    headers: { ...bearer(director), 'content-type': 'application/json' },
    body: JSON.stringify(KONSERNI),
  });
  expect(linked.status).toBe(200);
  await stop(early);

  const id = campaignId('2026-09-16', 'deadlineApproaching', 'training-plans', 'channel');
  const app = await startApp('2026-09-16T09:00:00+03:00');
  const fanout = await openFanout(app.storage);
  await finished(app, [id]);
  // Every send of the day (the service-area discussion's deadline is the same day) has finished.
  const day = await fanout.recent(tenantId, {});
  const all = await finished(
    app,
    day.items.map((send) => send.campaignId),
  );

  expect(all.find((p) => p.campaignId === id)?.counts).toEqual(
    expect.objectContaining({ sent: 1, noChannel: 1, pending: 0 }),
  );
  const channelPosts = reminders().filter((activity) => !activity.conversationId?.startsWith('a:'));
  expect(channelPosts.length).toBeGreaterThan(0);
  expect(channelPosts.every((post) => channelOf(post.conversationId) === KONSERNI.channelId)).toBe(true);
  expect(summariesIn(KONSERNI.channelId)).toContain('Henkilöstö- ja koulutussuunnitelma: Määräaika on 30.9.');
  expect(summariesIn('a:chat-hr-1')).toContainEqual(
    expect.stringMatching(/^Henkilöstö- ja koulutussuunnitelma: /),
  );
  expect(await fanout.undelivered(tenantId, id)).toEqual([
    { recipientKey: 'area:opetus', state: 'noChannel', lastError: 'noChannel' },
  ]);

  // HR's list of sends shows the post with its counts.
  const hr = await devToken(app.url, tenantId, 'hr-1');
  const sends = (await (await fetch(`${app.url}/api/v1/hr/sends`, { headers: bearer(hr) })).json()) as {
    sends: Array<{ campaignId: string; total: number; counts: Record<string, number>; finished: boolean }>;
  };
  expect(sends.sends).toContainEqual(
    expect.objectContaining({
      campaignId: id,
      total: 2,
      counts: { pending: 0, sending: 0, sent: 1, blocked: 0, notInstalled: 0, failed: 0, noChannel: 1 },
      finished: true,
    }),
  );
  // A finished send's counts are kept on its campaign: listing it again reads no delivery rows.
  expect((await fanout.campaigns.get(tenantId, id))?.value.finalCounts).toEqual({
    counts: { pending: 0, sending: 0, sent: 1, blocked: 0, notInstalled: 0, failed: 0, noChannel: 1 },
    uncertain: 0,
  });
});
