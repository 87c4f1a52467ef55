/**
 * Installing and removing the app, as Teams tells the bot (installationUpdate, conversationUpdate), over HTTP with
 * the connector stand-in: a localised welcome on personal and team install, the team's channels remembered so a
 * post can go to any of them, and an uninstall or a 403 marking the address unreachable until the app is added
 * again, which reminder campaigns count without sending.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { storedAddresses } from '../../bot/src/clock/reminder-addresses';
import { unreachableState } from '../../bot/src/fanout/delivery';
import { translate } from '../../bot/src/i18n/translate';
import { personalMessage, postActivity, teamInstallation } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';

const TEAM = '19:team-general@thread.tacv2';
const PLANNING = '19:planning@thread.tacv2';

let app: RunningApp;
let connector: ConnectorStandIn;

beforeAll(async () => {
  connector = await startConnectorStandIn({
    limits: null,
    teams: { [TEAM]: [{ id: TEAM }, { id: PLANNING, name: 'Suunnittelu' }] },
  });
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

type Json = Record<string, unknown>;

function personalInstallation(
  tenantId: string,
  aadObjectId: string,
  action: 'add' | 'remove',
  locale: string,
) {
  const activity = personalMessage({ tenantId, aadObjectId }, '', {
    serviceUrl: connector.serviceUrl,
    locale,
  });
  return { ...activity, type: 'installationUpdate', action, text: undefined };
}

function cardsInto(conversationId: string): Json[] {
  return connector
    .activities()
    .filter((activity) => activity.conversationId === conversationId)
    .flatMap((activity) =>
      ((activity.attachments as Json[] | undefined) ?? []).map((a) => a.content as Json),
    );
}

test('a personal install gets a short welcome in the person’s language with the three most useful commands', async () => {
  const tenantId = newTenantId();
  const swedish = await postActivity(app.url, personalInstallation(tenantId, 'aad-sv', 'add', 'sv-SE'));
  const finnish = await postActivity(app.url, personalInstallation(tenantId, 'aad-fi', 'add', 'fi-FI'));

  expect([swedish.status, finnish.status]).toEqual([200, 200]);
  const [welcome] = cardsInto('a:aad-sv');
  const text = JSON.stringify(welcome);
  expect(text).toContain('Välkommen till Osaamiskello');
  for (const key of ['help.command.myDiscussion', 'help.command.myTeam', 'help.command.help'] as const)
    expect(text).toContain(JSON.stringify(translate('sv', key)).slice(1, -1));
  expect(JSON.stringify(cardsInto('a:aad-fi'))).toContain('Tervetuloa Osaamiskelloon');
});

test('a team install welcomes the team in its channel and remembers every channel, so a post can go to any', async () => {
  const tenantId = newTenantId();
  const user = { tenantId, aadObjectId: 'aad-supervisor' };

  await postActivity(
    app.url,
    teamInstallation(user, { teamId: TEAM }, 'add', { serviceUrl: connector.serviceUrl }),
  );

  expect(JSON.stringify(cardsInto(TEAM))).toContain('Osaamiskello on nyt tiimissä');
  const channels = await app.repositories.conversationReferences.listChannelsOfTeam(tenantId, TEAM);
  expect(channels.map((c) => [c.value.address, c.value.channelName])).toEqual([
    [{ kind: 'channel', teamId: TEAM, channelId: PLANNING }, 'Suunnittelu'],
  ]);
});

test('uninstalling marks the person unreachable until the app is added again; campaigns count them as blocked', async () => {
  const tenantId = newTenantId();
  const address = { kind: 'user', aadObjectId: 'aad-leaver' } as const;
  const person = { aadObjectId: 'aad-leaver' } as Parameters<
    ReturnType<typeof storedAddresses>['targetOf']
  >[2];
  const addresses = storedAddresses(
    app.repositories.conversationReferences,
    { channelFor: async () => null },
    null,
  );
  await postActivity(app.url, personalInstallation(tenantId, 'aad-leaver', 'add', 'fi-FI'));

  await postActivity(app.url, personalInstallation(tenantId, 'aad-leaver', 'remove', 'fi-FI'));

  expect((await app.repositories.conversationReferences.get(tenantId, address))?.value.unreachable).toBe(
    'removed',
  );
  const target = await addresses.targetOf(tenantId, { kind: 'person', personId: 'p' } as never, person);
  expect(target).toEqual({ kind: 'unreachable', reason: 'removed' });
  expect(unreachableState('removed')).toBe('blocked');

  await postActivity(app.url, personalInstallation(tenantId, 'aad-leaver', 'add', 'fi-FI'));
  expect(
    (await app.repositories.conversationReferences.get(tenantId, address))?.value.unreachable ?? null,
  ).toBeNull();
  expect((await addresses.targetOf(tenantId, { kind: 'person', personId: 'p' } as never, person)).kind).toBe(
    'user',
  );
});
