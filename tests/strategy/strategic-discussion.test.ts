/**
 * The strategic competence discussion of the city manager's management team over HTTP, as Teams drives it: HR
 * compiles the four agenda items on a card (with the compiled plans and the city's and service areas' anonymous
 * assessments beside it), the management team reads the draft, HR shares it to the organisation's channel and
 * only there, and its guidelines appear in the next round's group discussions — of a service area's management
 * team and of the city manager's management team itself, whose members sit on it by role. Known data:
 * summaries/support/known-city.ts (2026 assessments).
 */
import type { RunningApp } from '../../bot/src/app';
import {
  startConnectorStandIn,
  type ConnectorStandIn,
  type ScriptedFailure,
} from '../../bot/src/devstack/bot-connector-stand-in';
import { groupDiscussionId } from '../../bot/src/group-discussions/group-discussion-start';
import { rebuildYear } from '../../bot/src/summaries/aggregate-refresh';
import { postActivity, teamInstallation, type TeamsUser } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { bearer, devToken } from '../support/tokens';
import { AREA_A, knownCity, storeKnownCity, YEAR } from '../summaries/support/known-city';
import { actionsOf, buttonsOf, cardAction, cardOf, invoke } from '../summaries/support/teams-activities';

/** The discussion of autumn 2027 looks back at the 2026 assessments and guides the 2028 round. */
const STRATEGY_YEAR = YEAR + 1;
const NEXT_ROUND = STRATEGY_YEAR + 1;
const NOW = new Date(`${STRATEGY_YEAR}-11-15T09:00:00.000Z`);
const CITY_CHANNEL = {
  teamId: '19:esihenkilot@thread.tacv2',
  channelId: '19:esihenkilot-linjaukset@thread.tacv2',
};
const AREA_CHANNEL = {
  teamId: '19:hyvinvointi@thread.tacv2',
  channelId: '19:hyvinvointi-osaaminen@thread.tacv2',
};

const AGENDA = {
  a_trainingPriorities: 'Keskitetty koulutus: tiedolla johtaminen ja digitaidot',
  a_commonCompetences: 'Osaamisen johtaminen arvioidaan ensi vuonna kaikilta esihenkilöiltä',
  a_learningModel: 'Vierihoito ja mentorointi näkyviksi 20-osuudessa',
};
const THEMES = {
  th_futureNeeds: 'Tekoäly ja digitaidot kaikille',
  th_developmentPriorities: 'Esihenkilötyön tuki',
};

/** What the bot posted to channels (threads); the welcome when it was added to a team is not a post. */
let posts: () => ReturnType<ConnectorStandIn['activities']> = () => [];
async function waitForPosts(count: number, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; posts().length < count && waited < timeoutMs; waited += 25)
    await new Promise((resolve) => setTimeout(resolve, 25));
}

describe('the strategic competence discussion: HR compiles, shares to a channel, the guidelines cascade', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const tenantId = newTenantId();
  const city = knownCity(tenantId);
  const as = (personId: string): TeamsUser => {
    const person = city.people.find((candidate) => candidate.id === personId);
    if (!person?.aadObjectId) throw new Error(`no person ${personId}`);
    return { tenantId, aadObjectId: person.aadObjectId, name: `${person.firstName} ${person.lastName}` };
  };
  const hr = city.hr.id;
  const nextPostAnswers: ScriptedFailure[] = [];
  const employee = city.member('alfa', 2).id;
  const strategy = { year: STRATEGY_YEAR };

  const press = async (personId: string, verb: string, data: Record<string, unknown>) =>
    invoke(app.url, cardAction(as(personId), verb, data, { serviceUrl: connector.serviceUrl }));
  /** The ETag HR's card carries now. */
  const etagOf = async () =>
    String(
      actionsOf(cardOf(await press(hr, 'strategy.open', strategy)).card).find(
        (action) => action.verb === 'strategy.share',
      )?.data.etag ?? '',
    );
  const put = async (path: string, body: unknown) =>
    fetch(`${app.url}${path}`, {
      method: 'PUT',
      headers: { ...bearer(await devToken(app.url, tenantId, hr)), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    [app, connector] = await Promise.all([
      startTestApp({}, { now: () => NOW }),
      // Teams' answers to the next channel posts (a new post is a created conversation), when a test scripts them.
      startConnectorStandIn({
        fail: (call) => (call.operation === 'createConversation' ? (nextPostAnswers.shift() ?? null) : null),
      }),
    ]);
    posts = () => connector.activities().filter((a) => String(a.conversationId).includes(';messageid='));
    await storeKnownCity(app.repositories, city);
    await rebuildYear(app.repositories, tenantId, YEAR);
    // Both the organisation's channel and a service area's are linked and have the bot: only one gets the card.
    expect((await put('/api/v1/organisation/channel', CITY_CHANNEL)).status).toBe(200);
    expect((await put(`/api/v1/service-areas/${AREA_A}/channel`, AREA_CHANNEL)).status).toBe(200);
    for (const channel of [CITY_CHANNEL, AREA_CHANNEL]) {
      await postActivity(
        app.url,
        teamInstallation(as(hr), { teamId: channel.teamId }, 'add', { serviceUrl: connector.serviceUrl }),
      );
    }
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  it('gives HR the four agenda items to compile, beside the compiled plans and anonymous assessments', async () => {
    const { json, card } = cardOf(await press(hr, 'strategy.open', strategy));
    for (const item of [
      '1. Koottujen koulutussuunnitelmien läpikäynti',
      '2. Yhteisten osaamisten läpikäynti',
      '3. Oppimisen 70-20-10 -mallin läpikäynti',
      '4. Teemat: linjaukset palvelualueiden ja tiimien ryhmäkeskusteluihin: Tulevaisuuden osaamistarpeet',
    ]) {
      expect(json).toContain(item);
    }
    expect(json).toContain('0/3 palvelualuetta jättänyt; keskitetty: ei vielä koottu');
    // The city's assessments of the year before, whole city and per service area (an area under 5 signings not at all).
    expect(json).toContain(`Osaamisarvioinnit koko kaupungissa (${YEAR})`);
    expect(json).toContain(`Osaamisarvioinnit palvelualueittain (${YEAR})`);
    expect(json).toContain(
      'Hyvinvointipalvelut: 21 arvioitua, suurin tarve Teknologia- ja digiosaaminen 43 %',
    );
    // The technical services' 4 signings are under 5 and never released: not shown, not in the city's 27, so
    // nothing subtracts them; the 6 of the group services stand on their own.
    expect(json).toContain('Konsernipalvelut: 6 arvioitua');
    expect(json).toContain('"value":"27"');
    expect(json).not.toContain('Tekniset palvelut');
    expect(json).toContain('Oppimistavoitteet 70-20-10');
    expect(buttonsOf(card)).toEqual(['strategy.save', 'strategy.share']);
  });

  it('refuses sharing by anyone but HR, and without guidelines on any theme; nothing is posted', async () => {
    const byManager = cardOf(
      await press(city.cityManager.id, 'strategy.share', { ...strategy, etag: '', ...AGENDA, ...THEMES }),
    );
    expect(byManager.json).toContain('Strategisen keskustelun kokoavat henkilöstöpalvelut.');
    const empty = cardOf(await press(hr, 'strategy.share', { ...strategy, etag: '', ...AGENDA }));
    expect(empty.json).toContain('Kirjaa linjaukset vähintään yhteen teemaan ennen jakamista.');
    expect((await app.repositories.strategicDiscussions.get(tenantId, STRATEGY_YEAR))?.value.status).toBe(
      'draft',
    );
    expect(posts()).toHaveLength(0);
  });

  it('shows HR’s draft read-only to the city manager’s management team, and to no one else', async () => {
    const saved = cardOf(
      await press(hr, 'strategy.save', { ...strategy, etag: await etagOf(), ...AGENDA, ...THEMES }),
    );
    expect(saved.json).toContain('Tallennettu.');
    for (const member of [city.cityManager.id, city.director.id]) {
      const { json, card } = cardOf(await press(member, 'strategy.open', strategy));
      expect(json).toContain(AGENDA.a_commonCompetences);
      expect(json).toContain('Luonnos');
      expect(buttonsOf(card)).toEqual([]);
    }
    expect((await press(employee, 'strategy.open', strategy)).value).toBe(
      'Strateginen keskustelu näkyy muille, kun henkilöstöpalvelut on jakanut sen.',
    );
  });

  it('shares it to the organisation’s channel only, with all four items', async () => {
    const shared = cardOf(
      await press(hr, 'strategy.share', { ...strategy, etag: await etagOf(), ...AGENDA, ...THEMES }),
    );
    expect(shared.json).toContain('Jaettu kanavalle.');
    await waitForPosts(1);
    const posted = posts();
    expect(posted.map((activity) => String(activity.conversationId).split(';')[0])).toEqual([
      CITY_CHANNEL.channelId,
    ]);
    const card = JSON.stringify(posted[0]);
    for (const text of [...Object.values(AGENDA), ...Object.values(THEMES)]) expect(card).toContain(text);
    // Once shared, everyone reads it.
    expect(cardOf(await press(employee, 'strategy.open', strategy)).json).toContain(THEMES.th_futureNeeds);
  });

  it('tells HR when Teams did not take the channel’s card: it will arrive by itself, or it was refused for good', async () => {
    await waitForPosts(1);
    const before = posts().length;
    // Beyond the card action's wait (8 s).
    nextPostAnswers.push({ status: 429, code: 'Throttled', retryAfterSeconds: 9 });
    const throttled = cardOf(
      await press(hr, 'strategy.share', { ...strategy, etag: await etagOf(), ...AGENDA, ...THEMES }),
    );
    expect(throttled.json).toContain('se lähetetään automaattisesti uudelleen');
    // Kept in storage and posted by the app's worker, without HR sharing again (after the Retry-After).
    await waitForPosts(before + 1, 25_000);
    expect(posts()).toHaveLength(before + 1);

    nextPostAnswers.push({ status: 400, code: 'BadArgument' });
    const refused = cardOf(
      await press(hr, 'strategy.share', { ...strategy, etag: await etagOf(), ...AGENDA, ...THEMES }),
    );
    expect(refused.json).toContain('Teams hylkäsi kortin kanavalle, eikä sitä yritetä uudelleen');
    expect(posts()).toHaveLength(before + 1);
  }, 45_000);

  it('shows the guidelines in the next round’s discussion of a service area’s management team', async () => {
    const opened = cardOf(
      await press(city.director.id, 'groupDiscussion.open', { year: NEXT_ROUND, teamId: 'a-jory' }),
    ).json;
    expect(opened).toContain(`Kaupungin linjaukset (strateginen osaamiskeskustelu ${STRATEGY_YEAR})`);
    expect(opened).toContain(`Linjaus: ${THEMES.th_futureNeeds}`);
    expect(opened).toContain(`Linjaus: ${THEMES.th_developmentPriorities}`);
    expect(opened).toContain('Keskustelkaa sekä johtoryhmän että koko palvelualueen näkökulmasta.');
    // The round the discussion itself looked back on is not guided by it.
    const earlier = cardOf(
      await press(city.director.id, 'groupDiscussion.open', { year: STRATEGY_YEAR, teamId: 'a-jory' }),
    ).json;
    expect(earlier).not.toContain('Kaupungin linjaukset');
  });

  it('and in the city manager’s management team’s own: a director takes part by role, an employee does not', async () => {
    const chaired = cardOf(
      await press(city.cityManager.id, 'groupDiscussion.open', { year: NEXT_ROUND, teamId: 'kj' }),
    ).json;
    expect(chaired).toContain(`Linjaus: ${THEMES.th_futureNeeds}`);
    expect(chaired).toContain('Keskustelkaa koko kaupungin näkökulmasta');
    const discussion = { year: NEXT_ROUND, id: groupDiscussionId('kj') };
    const added = cardOf(
      await press(city.director.id, 'groupDiscussion.contribute', {
        ...discussion,
        t_futureNeeds: 'Palvelualueiden yhteinen tiedolla johtamisen koulutus',
      }),
    ).json;
    expect(added).toContain('Ajatuksesi lisättiin.');
    expect(added).toContain(`Linjaus: ${THEMES.th_futureNeeds}`);
    const outside = cardOf(await press(employee, 'groupDiscussion.show', discussion)).json;
    expect(outside).toContain('Ryhmäkeskustelu näkyy vain tiimin jäsenille.');
    const stored = await app.repositories.groupDiscussions.get(tenantId, NEXT_ROUND, discussion.id);
    expect(stored?.value).toMatchObject({ level: 'cityManagementTeam', serviceAreaId: null });
    expect(stored?.value.contributions.map((c) => c.authorId)).toEqual([city.director.id]);
  });
});
