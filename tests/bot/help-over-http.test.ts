/**
 * The bot endpoint over real HTTP: Teams-shaped activities in, replies delivered to the activity's
 * serviceUrl (a local Bot Connector stand-in) as the Bot Connector API would receive them.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { generateDemoMunicipality, demoPersonas } from '../../bot/src/organisation-data/demo-municipality';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { translate, type MessageKey } from '../../bot/src/i18n/translate';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { personalMessage, postActivity, teamInstallation } from '../support/activities';

describe('bot endpoint: help in the user language, replies to the serviceUrl', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const tenantId = newTenantId();
  const demo = generateDemoMunicipality(tenantId);
  const personas = demoPersonas(demo);
  const employee = { tenantId, aadObjectId: personas.employee.aadObjectId, name: personas.employee.name };

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
    // A slice of the demo city is enough: the employee, their supervisor and the Swedish speaker's area.
    const wanted = new Set([
      personas.employee.personId,
      personas.supervisor.personId,
      personas.swedishEmployee.personId,
    ]);
    const people = demo.people
      .filter((person) => wanted.has(person.id))
      .map((person) => ({
        ...person,
        supervisorId: wanted.has(person.supervisorId ?? '') ? person.supervisorId : null,
      }));
    const teamIds = new Set(people.map((person) => person.teamId));
    await writeOrganisation(app.repositories, tenantId, {
      organisation: demo.organisation,
      serviceAreas: demo.serviceAreas,
      teams: demo.teams
        .filter((team) => teamIds.has(team.id))
        .map((team) => ({ ...team, supervisorId: null })),
      people,
    });
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  async function replyTo(activity: Record<string, unknown>): Promise<Record<string, unknown>> {
    const before = connector.activities().length;
    const response = await postActivity(app.url, activity);
    expect(response.status).toBe(200);
    await connector.waitForActivities(before + 1);
    return connector.activities()[before] as Record<string, unknown>;
  }

  it('answers "help" from a demo employee in Finnish, delivered to the serviceUrl conversation', async () => {
    const activity = personalMessage(employee, 'help', { serviceUrl: connector.serviceUrl, locale: 'fi-FI' });
    const reply = await replyTo(activity);
    expect(reply.type).toBe('message');
    expect(reply.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(reply.text).toContain('Osaamiskello auttaa');
    expect(reply.text).toContain('**ohje**');
    expect(reply.text).not.toContain('ei löytynyt'); // the employee is linked to their person record
    expect(reply.replyToId).toBe(activity.id);
  });

  it('answers unknown text with help (never silence), in Swedish for a Swedish Teams', async () => {
    const swede = { tenantId, aadObjectId: personas.swedishEmployee.aadObjectId };
    const reply = await replyTo(
      personalMessage(swede, 'vad är detta', { serviceUrl: connector.serviceUrl, locale: 'sv-FI' }),
    );
    expect(reply.text).toContain('Jag kände inte igen meddelandet');
    expect(reply.text).toContain('**hjälp**');
  });

  it('answers a person in their own language, not the client’s: Finnish from an English Teams', async () => {
    const reply = await replyTo(
      personalMessage(employee, 'Ohje', { serviceUrl: connector.serviceUrl, locale: 'en-US' }),
    );
    expect(reply.text).toContain('Osaamiskello auttaa');
    expect(reply.text).not.toContain('Osaamiskello helps you');
  });

  it('answers the Swedish speaker in Swedish whatever their Teams says', async () => {
    const swede = { tenantId, aadObjectId: personas.swedishEmployee.aadObjectId };
    const reply = await replyTo(
      personalMessage(swede, 'help', { serviceUrl: connector.serviceUrl, locale: 'en-US' }),
    );
    expect(reply.text).toContain('**hjälp**');
  });

  it('answers someone it does not know in their Teams language, recognising the Finnish command too', async () => {
    const stranger = { tenantId, aadObjectId: 'not-in-the-people-data' };
    const reply = await replyTo(
      personalMessage(stranger, 'Ohje', { serviceUrl: connector.serviceUrl, locale: 'en-GB' }),
    );
    expect(reply.text).toContain('Osaamiskello helps you');
    expect(reply.text).not.toContain('did not recognise');
  });

  it('lists only what the person’s roles can do: no HR, strategy or plan commands for an employee', async () => {
    const line = (key: MessageKey) => translate('fi', key);
    const help = String(
      (await replyTo(personalMessage(employee, 'ohje', { serviceUrl: connector.serviceUrl }))).text,
    );
    expect(help).toContain(line('help.command.myDiscussion'));
    const forOthers: MessageKey[] = [
      'help.command.summaries',
      'help.command.trainingPlan',
      'help.command.strategy',
      'help.command.myTeam',
    ];
    for (const key of forOthers) expect(help).not.toContain(line(key));
    const supervisor = { tenantId, aadObjectId: personas.supervisor.aadObjectId };
    const supervisorHelp = String(
      (await replyTo(personalMessage(supervisor, 'ohje', { serviceUrl: connector.serviceUrl }))).text,
    );
    expect(supervisorHelp).toContain(line('help.command.myTeam'));
    expect(supervisorHelp).not.toContain(line('help.command.summaries'));
  });

  it('never links a user to a person of another tenant', async () => {
    const stranger = { tenantId: newTenantId(), aadObjectId: personas.employee.aadObjectId };
    const reply = await replyTo(personalMessage(stranger, 'help', { serviceUrl: connector.serviceUrl }));
    expect(reply.text).toContain('Henkilötietojasi ei löytynyt');
  });

  it('stores the personal conversation reference so reminders can reach the user later', async () => {
    await replyTo(personalMessage(employee, 'ohje', { serviceUrl: connector.serviceUrl }));
    const stored = await app.repositories.conversationReferences.get(tenantId, {
      kind: 'user',
      aadObjectId: employee.aadObjectId,
    });
    expect(stored?.value.reference).toMatchObject({ serviceUrl: connector.serviceUrl });
  });

  it('stores a team on installation and marks it removed on removal (nothing is posted there until re-added)', async () => {
    const team = { teamId: '19:demo-team@thread.tacv2' };
    const add = await postActivity(
      app.url,
      teamInstallation(employee, team, 'add', { serviceUrl: connector.serviceUrl }),
    );
    expect(add.status).toBe(200);
    const address = { kind: 'team' as const, teamId: team.teamId };
    expect(await app.repositories.conversationReferences.get(tenantId, address)).not.toBeNull();
    const remove = await postActivity(
      app.url,
      teamInstallation(employee, team, 'remove', { serviceUrl: connector.serviceUrl }),
    );
    expect(remove.status).toBe(200);
    expect((await app.repositories.conversationReferences.get(tenantId, address))?.value.unreachable).toBe(
      'removed',
    );
  });

  it.each([
    ['from', 'name'],
    ['recipient', 'name'],
    ['conversation', 'conversationType'],
  ])(
    'refuses a message whose %s.%s is empty with a 400 and sends no reply the connector would refuse',
    async (account, field) => {
      const activity = personalMessage(employee, 'help', { serviceUrl: connector.serviceUrl });
      (activity[account] as Record<string, unknown>)[field] = '';
      const before = connector.received.length;
      const response = await postActivity(app.url, activity);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: expect.any(String), message: expect.any(String) },
      });
      // The same message with the field present is answered, so nothing was held back for another reason.
      (activity[account] as Record<string, unknown>)[field] = account === 'conversation' ? 'personal' : 'X';
      await replyTo(activity);
      // Only that reply reached the connector (a 429 of its rate limit may precede the retry): none refused.
      const statuses = connector.received.slice(before).map((request) => request.status);
      expect(statuses.filter((status) => status < 300)).toHaveLength(1);
      expect(statuses.filter((status) => status !== 429 && status >= 300)).toEqual([]);
    },
  );

  it('reports storage as reachable on /healthz', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: { reachable: true } });
  });
});
