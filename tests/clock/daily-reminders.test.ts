/**
 * A day of the clock end to end: the organisation in real Azurite, the day planned into campaigns, the fan-out
 * delivering cards to the Bot Connector stand-in. The same day run twice sends nothing twice.
 */
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { runRemindersForDay, type DailyReminderDeps } from '../../bot/src/clock/daily-reminders';
import { reminderActivity, type ReminderPayload } from '../../bot/src/clock/reminder-card';
import { storedAddresses, type ChannelDirectory } from '../../bot/src/clock/reminder-addresses';
import type { DeliveryWorker } from '../../bot/src/fanout/delivery-worker';
import { createLogger } from '../../bot/src/logging';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import { ConnectorSender } from '../../bot/src/teams/connector-sender';
import { openTestFanout, waitUntilFinished, type TestFanout } from '../fanout/support/fanout-fixture';
import { PEOPLE, SERVICE_AREAS, TEAMS } from './support/small-city';

const quiet = createLogger('error', () => undefined);

let test$: TestFanout;
let standIn: ConnectorStandIn;
let repositories: Repositories;
let worker: DeliveryWorker;
let deps: DailyReminderDeps;

/** The small city under this test's tenant; emp-en has never used the app, teacher-2 has no Teams account. */
async function seed(tenantId: string): Promise<void> {
  await repositories.organisations.create({
    tenantId,
    name: 'Pikkukaupunki',
    defaultLocale: 'fi',
    anonymityThreshold: 5,
  });
  for (const area of SERVICE_AREAS) await repositories.serviceAreas.create({ ...area, tenantId });
  for (const team of TEAMS) await repositories.teams.create({ ...team, tenantId });
  for (const person of PEOPLE) {
    const aadObjectId = person.id === 'teacher-2' ? null : person.aadObjectId;
    await repositories.people.createPerson({ ...person, tenantId, aadObjectId });
    if (!aadObjectId || person.id === 'emp-en') continue;
    await repositories.conversationReferences.save({
      tenantId,
      address: { kind: 'user', aadObjectId },
      channelName: null,
      reference: { serviceUrl: standIn.serviceUrl, conversation: { id: `a:chat-${person.id}` } },
    });
  }
}

beforeEach(async () => {
  test$ = await openTestFanout();
  standIn = await startConnectorStandIn();
  repositories = await openRepositories(test$.account);
  await seed(test$.tenantId);
  const channels: ChannelDirectory = {
    channelFor: async (_tenant, recipient) =>
      recipient.kind === 'teamChannel' && recipient.teamId === 'team-a'
        ? { serviceUrl: standIn.serviceUrl, conversationId: '19:team-a@thread.tacv2' }
        : null,
  };
  deps = {
    repositories,
    fanout: test$.fanout,
    addresses: storedAddresses(repositories.conversationReferences, channels, standIn.serviceUrl),
    logger: quiet,
  };
  worker = test$.fanout.worker(
    {
      sender: new ConnectorSender(null),
      render: (delivery) =>
        reminderActivity(delivery.payload as ReminderPayload, {
          teamsAppId: 'app-id',
          tabsBaseUrl: 'https://osk.test',
        }),
      logger: quiet,
    },
    { owner: 'test', concurrency: 16, idlePollMs: 100 },
  );
  worker.start();
});

afterEach(async () => {
  await worker.stop();
  await standIn.close();
  await test$.cleanup();
});

/** The cards in a chat, or in a channel: each reminder there is a new post, a thread `<channel>;messageid=<post>`. */
function cardTextsIn(conversationId: string): string[] {
  return standIn
    .activities()
    .filter(
      (activity) =>
        activity.conversationId === conversationId ||
        activity.conversationId?.startsWith(`${conversationId};messageid=`),
    )
    .map((activity) => String(activity.summary));
}

test('1.1.: each person gets their cards once, in their language; the unreachable are reported', async () => {
  const runs = await runRemindersForDay(deps, test$.tenantId, '2026-01-01');
  for (const run of runs) await waitUntilFinished(test$.fanout, test$.tenantId, run.campaignId);

  expect(runs.map((run) => run.campaignId.slice(11)).sort()).toEqual([
    'phaseOpened|development-discussions|employee',
    'phaseOpened|development-discussions|supervisor',
    'phaseOpened|group-discussions|channel',
  ]);
  // sup-a is both: employee of dir-k and supervisor of three.
  expect(cardTextsIn('a:chat-sup-a')).toHaveLength(2);
  expect(cardTextsIn('a:chat-emp-sv')).toEqual([
    'Utvecklingssamtal: Tiden för utvecklingssamtal har börjat. Håll ditt utvecklingssamtal med din chef senast 31.3. Du kan redan nu börja förbereda dig.',
  ]);
  // emp-en had no chat with the bot: one was created for the reminder.
  const created = standIn.conversationOf('aad-emp-en');
  expect(created).not.toBeNull();
  expect(cardTextsIn(created ?? '')[0]).toMatch(
    /^Development discussions: The development discussion period has started/,
  );
  expect(cardTextsIn('19:team-a@thread.tacv2')).toEqual([
    'Ryhmäosaamiskeskustelut: Aika on alkanut: 1.1.–31.3.',
  ]);

  const employees = runs.find((run) => run.campaignId.endsWith('employee'))?.campaignId ?? '';
  expect(await test$.fanout.undelivered(test$.tenantId, employees)).toEqual([
    { recipientKey: 'person:teacher-2', state: 'notInstalled', lastError: 'noTeamsAccount' },
  ]);
  const channelPosts = runs.find((run) => run.campaignId.endsWith('channel'))?.campaignId ?? '';
  expect(
    (await test$.fanout.undelivered(test$.tenantId, channelPosts)).map((u) => u.recipientKey).sort(),
  ).toEqual(['team:hr-team', 'team:principals']);
});

test('the same day run twice (or by two servers) sends nothing twice', async () => {
  const [first, second] = await Promise.all([
    runRemindersForDay(deps, test$.tenantId, '2026-01-01'),
    runRemindersForDay(deps, test$.tenantId, '2026-01-01'),
  ]);
  for (const run of first) await waitUntilFinished(test$.fanout, test$.tenantId, run.campaignId);
  const again = await runRemindersForDay(deps, test$.tenantId, '2026-01-01');
  await new Promise((resolve) => setTimeout(resolve, 500));

  expect(again.every((run) => run.outcome === 'alreadyStarted')).toBe(true);
  expect(second.map((run) => run.campaignId).sort()).toEqual(first.map((run) => run.campaignId).sort());
  const perConversation = new Map<string, number>();
  for (const activity of standIn.activities()) {
    const key = `${activity.conversationId}\n${String(activity.summary)}`;
    perConversation.set(key, (perConversation.get(key) ?? 0) + 1);
  }
  expect([...perConversation.values()].every((count) => count === 1)).toBe(true);
  expect(standIn.activities()).toHaveLength(
    first.reduce((sum, run) => sum + run.recipients, 0) - 3 /* teacher-2, two teams without a channel */,
  );
});
