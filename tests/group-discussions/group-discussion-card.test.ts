/**
 * The group competence discussion over HTTP, as Teams drives it: the supervisor @mentions the bot in the team's
 * channel, the members contribute on the card, the chair records the conclusions and concludes; the strategic
 * discussion HR shares shows its guidelines in the next round (the cascade). Known data: summaries/support.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { groupDiscussionId } from '../../bot/src/group-discussions/group-discussion-start';
import { postActivity, teamInstallation, type TeamsUser } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { bearer, devToken } from '../support/tokens';
import { knownCity, storeKnownCity } from '../summaries/support/known-city';
import {
  actionsOf,
  buttonsOf,
  cardAction,
  cardOf,
  channelMention,
  invoke,
} from '../summaries/support/teams-activities';

/** The round of January–March 2027; the strategic discussion of autumn 2026 guides it. */
const ROUND = 2027;
const NOW = new Date(`${ROUND}-02-01T09:00:00.000Z`);
const ALFA_CHANNEL = { teamId: '19:alfa@thread.tacv2', channelId: '19:alfa-osaaminen@thread.tacv2' };
const CITY_CHANNEL = { teamId: '19:esihenkilot@thread.tacv2', channelId: '19:esihenkilot@thread.tacv2' };

describe('group competence discussion in a channel, with the strategic guidelines', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const tenantId = newTenantId();
  const city = knownCity(tenantId);
  const as = (personId: string): TeamsUser => {
    const person = city.people.find((candidate) => candidate.id === personId);
    if (!person?.aadObjectId) throw new Error(`no person ${personId}`);
    return { tenantId, aadObjectId: person.aadObjectId, name: `${person.firstName} ${person.lastName}` };
  };
  const chair = city.teamSupervisor('alfa');
  const member = city.member('alfa', 2);
  const outsider = city.member('delta', 2);
  const discussion = { year: ROUND, id: groupDiscussionId('alfa') };
  const nameOf = (person: { firstName: string; lastName: string }) =>
    `${person.firstName} ${person.lastName}`;

  const press = async (personId: string, verb: string, data: Record<string, unknown>) =>
    invoke(app.url, cardAction(as(personId), verb, data, { serviceUrl: connector.serviceUrl }));

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp({}, { now: () => NOW }), startConnectorStandIn()]);
    await storeKnownCity(app.repositories, city);
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  it('starts the team’s discussion when its supervisor asks in the channel; the posted card shows no contents', async () => {
    const response = await postActivity(
      app.url,
      channelMention(as(chair.id), ALFA_CHANNEL, 'ryhmäkeskustelu', { serviceUrl: connector.serviceUrl }),
    );
    expect(response.status).toBe(200);
    await connector.waitForActivities(1);
    const [reply] = connector.activities();
    expect(reply?.conversationId).toContain(ALFA_CHANNEL.channelId);
    const card = JSON.stringify(reply);
    expect(card).toContain(`Ryhmäosaamiskeskustelu ${ROUND}: Alfa`);
    expect(card).toContain('"verb":"groupDiscussion.show"');
    expect(card).not.toContain('Nykyosaaminen');
    const stored = await app.repositories.groupDiscussions.get(tenantId, ROUND, discussion.id);
    expect(stored?.value).toMatchObject({ teamId: 'alfa', chairId: chair.id, status: 'open' });
  });

  it('tells a member of a team without a started discussion to wait for the supervisor', async () => {
    const answer = await press(outsider.id, 'groupDiscussion.open', { year: ROUND, teamId: 'delta' });
    expect(cardOf(answer).json).toContain('Tiimin esihenkilö aloittaa sen');
    expect(
      await app.repositories.groupDiscussions.get(tenantId, ROUND, groupDiscussionId('delta')),
    ).toBeNull();
  });

  it('shows a member the four themes and adds their contributions with their name', async () => {
    const shown = cardOf(await press(member.id, 'groupDiscussion.show', discussion)).json;
    for (const theme of [
      'Nykyosaaminen',
      'Tulevaisuuden osaamistarpeet',
      'Työelämä- ja yhteistyötaidot',
      'Osaamisen kehittämisen painopisteet',
    ]) {
      expect(shown).toContain(theme);
    }
    const added = cardOf(
      await press(member.id, 'groupDiscussion.contribute', {
        ...discussion,
        t_futureNeeds: 'Tekoälyn käyttö asiakastyössä',
        t_currentCompetence: 'Vahva asiakaspalvelu',
      }),
    );
    expect(added.json).toContain('Ajatuksesi lisättiin.');
    expect(added.json).toContain(`Tekoälyn käyttö asiakastyössä (${nameOf(member)})`);
    // A member gets no conclusions form.
    expect(buttonsOf(added.card)).toEqual(['groupDiscussion.contribute', 'groupDiscussion.show']);
    expect(
      (await app.repositories.groupDiscussions.get(tenantId, ROUND, discussion.id))?.value.contributions,
    ).toHaveLength(2);
  });

  it('shows nothing of the discussion to someone outside the team', async () => {
    const { json } = cardOf(await press(outsider.id, 'groupDiscussion.show', discussion));
    expect(json).toContain('Ryhmäkeskustelu näkyy vain tiimin jäsenille.');
    expect(json).not.toContain('Tekoälyn');
    expect(json).not.toContain(member.lastName);
    const refused = cardOf(
      await press(outsider.id, 'groupDiscussion.contribute', {
        ...discussion,
        t_futureNeeds: 'Ulkopuolinen',
      }),
    );
    expect(refused.json).not.toContain('Ulkopuolinen');
    expect(
      (await app.repositories.groupDiscussions.get(tenantId, ROUND, discussion.id))?.value.contributions,
    ).toHaveLength(2);
  });

  it('lets only the chair record the conclusions and conclude; a concluded discussion takes no more contributions', async () => {
    const refused = cardOf(
      await press(member.id, 'groupDiscussion.saveConclusions', {
        ...discussion,
        k_futureNeeds: 'Jäsenen päätös',
      }),
    );
    expect(refused.json).toContain('Vain puheenjohtaja voi tehdä tämän.');
    const concluded = cardOf(
      await press(chair.id, 'groupDiscussion.conclude', {
        ...discussion,
        k_futureNeeds: 'Digitaidot ja tekoäly asiakastyössä',
        k_developmentPriorities: 'Perehdytys',
      }),
    );
    expect(concluded.json).toContain('Keskustelu on päätetty');
    expect(concluded.json).toContain('Johtopäätös: Digitaidot ja tekoäly asiakastyössä');
    expect(buttonsOf(concluded.card)).toEqual(['groupDiscussion.reopen', 'groupDiscussion.show']);
    const late = cardOf(
      await press(member.id, 'groupDiscussion.contribute', { ...discussion, t_futureNeeds: 'Myöhässä' }),
    );
    expect(late.json).toContain('Keskustelu on päätetty.');
    const stored = (await app.repositories.groupDiscussions.get(tenantId, ROUND, discussion.id))?.value;
    expect(stored?.status).toBe('concluded');
    expect(stored?.conclusions).toEqual({
      futureNeeds: 'Digitaidot ja tekoäly asiakastyössä',
      developmentPriorities: 'Perehdytys',
    });
  });

  it('lets the chair reopen the discussion for corrections', async () => {
    const { json } = cardOf(await press(chair.id, 'groupDiscussion.reopen', discussion));
    expect(json).toContain('Keskustelu avattiin uudelleen.');
    expect((await app.repositories.groupDiscussions.get(tenantId, ROUND, discussion.id))?.value.status).toBe(
      'open',
    );
  });

  it('shows the strategic discussion’s guidelines only once HR has shared it to the organisation’s channel', async () => {
    const strategy = { year: ROUND - 1, etag: '' };
    const themes = {
      th_futureNeeds: 'Tekoäly ja digitaidot kaikille',
      th_developmentPriorities: 'Esihenkilötyön tuki',
    };
    const saved = cardOf(
      await press(city.hr.id, 'strategy.save', {
        ...strategy,
        ...themes,
        a_trainingPriorities: 'Digitaidot',
      }),
    );
    expect(saved.json).toContain('Tallennettu.');
    expect(cardOf(await press(member.id, 'groupDiscussion.show', discussion)).json).not.toContain(
      'Tekoäly ja digitaidot kaikille',
    );
    // Only HR compiles, and sharing needs the organisation's channel.
    const etag = String(
      actionsOf(saved.card).find((action) => action.verb === 'strategy.share')?.data.etag ?? '',
    );
    expect(
      cardOf(await press(city.director.id, 'strategy.share', { ...strategy, etag, ...themes })).json,
    ).toContain('Strategisen keskustelun kokoavat henkilöstöpalvelut.');
    expect((await press(member.id, 'strategy.open', strategy)).value).toBe(
      'Strateginen keskustelu näkyy muille, kun henkilöstöpalvelut on jakanut sen.',
    );
    expect(
      cardOf(await press(city.hr.id, 'strategy.share', { ...strategy, etag, ...themes })).json,
    ).toContain('Organisaation kanavaa ei ole liitetty.');

    const linked = await fetch(`${app.url}/api/v1/organisation/channel`, {
      method: 'PUT',
      headers: {
        ...bearer(await devToken(app.url, tenantId, city.hr.id)),
        'content-type': 'application/json',
      },
      body: JSON.stringify(CITY_CHANNEL),
    });
    expect(linked.status).toBe(200);
    await postActivity(
      app.url,
      teamInstallation(as(city.hr.id), { teamId: CITY_CHANNEL.teamId }, 'add', {
        serviceUrl: connector.serviceUrl,
      }),
    );
    const before = connector.activities().length;
    const shared = cardOf(await press(city.hr.id, 'strategy.share', { ...strategy, etag, ...themes }));
    expect(shared.json).toContain('Jaettu kanavalle.');
    await connector.waitForActivities(before + 1);
    const posted = connector.activities().slice(before);
    expect(posted.map((activity) => String(activity.conversationId).split(';')[0])).toEqual([
      CITY_CHANNEL.channelId,
    ]);
    expect(JSON.stringify(posted[0])).toContain('Tekoäly ja digitaidot kaikille');

    const cascaded = cardOf(await press(member.id, 'groupDiscussion.show', discussion)).json;
    expect(cascaded).toContain(`Kaupungin linjaukset (strateginen osaamiskeskustelu ${ROUND - 1})`);
    expect(cascaded).toContain('Linjaus: Tekoäly ja digitaidot kaikille');
    expect(cascaded).toContain('Linjaus: Esihenkilötyön tuki');
  });
});
