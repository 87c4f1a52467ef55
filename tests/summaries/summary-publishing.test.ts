/**
 * HR's summary over HTTP, as Teams drives it: card actions to /api/messages, the channel tab's API with a
 * signed-in token, and the Bot Connector stand-in recording what the bot posts. Known data from
 * support/known-city.ts.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { postActivity, teamInstallation, type TeamsUser } from '../support/activities';
import { bearer, devToken } from '../support/tokens';
import { AREA_A, AREA_B, groupDiscussion, knownCity, storeKnownCity, YEAR } from './support/known-city';
import { actionsOf, cardAction, cardOf, invoke } from './support/teams-activities';

const TEAMS_A = {
  teamId: '19:hyvinvointi-team@thread.tacv2',
  channelId: '19:hyvinvointi-osaaminen@thread.tacv2',
};
const TEAMS_B = { teamId: '19:tekninen-team@thread.tacv2', channelId: '19:tekninen-osaaminen@thread.tacv2' };

/** What the bot posted to channels (threads); the welcome when it was added to a team is not a post. */
let posts: () => ReturnType<ConnectorStandIn['activities']> = () => [];
async function waitForPosts(count: number): Promise<void> {
  for (let waited = 0; posts().length < count && waited < 10_000; waited += 25)
    await new Promise((resolve) => setTimeout(resolve, 25));
}

describe('summaries: draft, edit and publish to the service area’s channel', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const tenantId = newTenantId();
  const city = knownCity(tenantId);
  const user = (personId: string): TeamsUser => {
    const person = city.people.find((candidate) => candidate.id === personId);
    if (!person?.aadObjectId) throw new Error(`no person ${personId}`);
    return { tenantId, aadObjectId: person.aadObjectId };
  };
  const hr = user(city.hr.id);
  const target = { year: YEAR, serviceAreaId: AREA_A };

  const press = async (who: TeamsUser, verb: string, data: Record<string, unknown>) =>
    invoke(app.url, cardAction(who, verb, data, { serviceUrl: connector.serviceUrl }));

  /** The summary's card as HR sees it now, and the ETag its buttons carry. */
  const open = async () => {
    const { json, card } = cardOf(await press(hr, 'summary.open', target));
    const withEtag = actionsOf(card).find((action) => typeof action.data.etag === 'string');
    return { json, card, etag: String(withEtag?.data.etag ?? '') };
  };

  const linkChannel = async (personId: string, serviceAreaId: string, channel: typeof TEAMS_A) =>
    fetch(`${app.url}/api/v1/service-areas/${serviceAreaId}/channel`, {
      method: 'PUT',
      headers: { ...bearer(await devToken(app.url, tenantId, personId)), 'content-type': 'application/json' },
      body: JSON.stringify({
        ...channel,
        tabEntityId: `osaamiskello-${serviceAreaId}`,
        teamsAppId: 'app-123',
      }),
    });

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
    posts = () => connector.activities().filter((a) => String(a.conversationId).includes(';messageid='));
    await storeKnownCity(app.repositories, city);
    await Promise.all([
      app.repositories.groupDiscussions.create(
        groupDiscussion(city, 'alfa', 'concluded', {
          futureNeeds: 'Digitaidot asiakastyössä',
          developmentPriorities: 'Perehdytys uusille',
        }),
      ),
      app.repositories.groupDiscussions.create(
        groupDiscussion(city, 'a-jory', 'concluded', { futureNeeds: 'Tiedolla johtaminen koko alueella' }),
      ),
      app.repositories.groupDiscussions.create(
        groupDiscussion(city, 'beeta', 'open', { futureNeeds: 'Keskeneräinen ajatus' }),
      ),
    ]);
    for (const channel of [TEAMS_A, TEAMS_B]) {
      const installed = await postActivity(
        app.url,
        teamInstallation(user(city.director.id), { teamId: channel.teamId }, 'add', {
          serviceUrl: connector.serviceUrl,
        }),
      );
      expect(installed.status).toBe(200);
    }
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  it('refuses anyone but HR', async () => {
    const answer = await press(user(city.director.id), 'summary.draft', { ...target, etag: '' });
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toBe('Koonteja laativat henkilöstöpalvelut.');
    expect(await app.repositories.summaries.get(tenantId, YEAR, AREA_A)).toBeNull();
  });

  it('drafts the summary from the concluded group discussions and the signed discussions’ figures', async () => {
    const { json } = cardOf(await press(hr, 'summary.draft', { ...target, etag: '' }));
    expect(json).toContain('Luonnos on valmis.');
    const stored = (await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value;
    expect(stored?.status).toBe('draft');
    // HR sees what anonymity hid and why, as counts only (the small values' own counts never appear).
    const suppressed = stored?.suppressed;
    expect(suppressed?.wholeGroup).toBe(false);
    expect(suppressed?.small).toBeGreaterThan(0);
    expect(json).toContain('Anonymiteetin vuoksi piilotetut luvut');
    expect(json).toContain(`Alle 5 henkeä: ${suppressed?.small}`);
    // The management team's view of the whole area first; the open discussion is not compiled.
    expect(stored?.conclusions).toEqual({
      futureNeeds: ['Tiedolla johtaminen koko alueella', 'Digitaidot asiakastyössä'],
      developmentPriorities: ['Perehdytys uusille'],
    });
    expect(stored?.learningWaySplit).toEqual({ '70': 5, '20': 8, '10': 7 });
    const tech = stored?.competences.find(
      (competence) => competence.competenceId === 'technology-and-digital',
    );
    // The values chosen by 4 (self 1 and 3, supervisor 1) are merged into a band with enough people in it.
    expect(tech).toEqual({
      competenceId: 'technology-and-digital',
      self: { '2': 5, '4': 8, '1, 3': 8 },
      supervisor: { '3': 9, '1, 4': 12 },
      respondents: 21,
    });
    const hidden = stored?.competences.find(
      (competence) => competence.competenceId === 'competence-management',
    );
    expect(hidden).toEqual({
      competenceId: 'competence-management',
      self: {},
      supervisor: {},
      respondents: 0,
    });
    // Contributions are the members' own words: they never reach the summary.
    expect(JSON.stringify(stored)).not.toContain('Henkilökohtainen ajatus');
    expect(JSON.stringify(stored)).not.toContain('Keskeneräinen ajatus');
  });

  it('saves HR’s edited conclusions, and refuses a change from a card that is out of date', async () => {
    const { etag } = await open();
    const saved = cardOf(
      await press(hr, 'summary.saveConclusions', {
        ...target,
        etag,
        c_futureNeeds: 'Tiedolla johtaminen\nDigitaidot asiakastyössä\n',
        c_currentCompetence: 'Vahva ammattitaito',
      }),
    );
    expect(saved.json).toContain('Tallennettu.');
    expect((await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.conclusions).toEqual({
      currentCompetence: ['Vahva ammattitaito'],
      futureNeeds: ['Tiedolla johtaminen', 'Digitaidot asiakastyössä'],
    });
    const stale = cardOf(
      await press(hr, 'summary.saveConclusions', { ...target, etag, c_futureNeeds: 'Vanha kortti' }),
    );
    expect(stale.json).toContain('Joku muutti koontia sillä välin');
    expect(
      (await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.conclusions.futureNeeds,
    ).toEqual(['Tiedolla johtaminen', 'Digitaidot asiakastyössä']);
  });

  it('refuses to publish before the service area has a channel, and publishes nothing', async () => {
    const { etag } = await open();
    const { json } = cardOf(await press(hr, 'summary.publish', { ...target, etag }));
    expect(json).toContain('Palvelualueelle ei ole liitetty kanavaa');
    expect((await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.status).toBe('draft');
    expect(posts()).toHaveLength(0);
  });

  it('lets HR or the area’s management team link a channel, and no one else', async () => {
    expect((await linkChannel(city.member('alfa', 2).id, AREA_A, TEAMS_A)).status).toBe(403);
    expect((await linkChannel(city.director.id, AREA_B, TEAMS_B)).status).toBe(403);
    expect((await linkChannel(city.director.id, AREA_A, TEAMS_A)).status).toBe(200);
    expect((await linkChannel(city.hr.id, AREA_B, TEAMS_B)).status).toBe(200);
  });

  it('posts the summary card to the area’s channel and nowhere else, with a deep link to the channel tab', async () => {
    const { etag } = await open();
    const { json } = cardOf(await press(hr, 'summary.publish', { ...target, etag }));
    expect(json).toContain('Julkaistu, ja koontikortti lähetettiin palvelualueen kanavalle.');
    await waitForPosts(1);
    const posted = posts();
    expect(posted).toHaveLength(1);
    // A new post in the channel: its thread is named by the channel (`<channel>;messageid=<post>`).
    expect(String(posted[0]?.conversationId).split(';')[0]).toBe(TEAMS_A.channelId);
    const card = JSON.stringify(posted[0]);
    expect(card).toContain(`Osaamiskoonti ${YEAR}: Hyvinvointipalvelut`);
    expect(card).toContain('Teknologia- ja digiosaaminen: 43 % (9/21)');
    const context = encodeURIComponent(
      JSON.stringify({ subEntityId: `summary-${YEAR}`, channelId: TEAMS_A.channelId }),
    );
    expect(card).toContain(
      `https://teams.microsoft.com/l/entity/app-123/osaamiskello-${AREA_A}?context=${context}`,
    );
    expect((await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.status).toBe('published');
  });

  it('gives the channel tab the published summary: heatmap, needs ranking and history by year', async () => {
    const published = await app.repositories.summaryPublications.get(tenantId, AREA_A, YEAR);
    if (!published) throw new Error('not published');
    await app.repositories.summaryPublications.put({ ...published.value, year: YEAR - 1 });
    const token = await devToken(app.url, tenantId, city.member('alfa', 3).id);
    const response = await fetch(`${app.url}/api/v1/service-areas/${AREA_A}/summary-publications`, {
      headers: bearer(token),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      serviceArea: { name: string };
      publications: Array<{
        year: number;
        subEntityId: string;
        conclusions: unknown;
        figures: { heatmap: Array<{ name: string | null }>; needsRanking: unknown[] };
      }>;
    };
    expect(body.serviceArea.name).toBe('Hyvinvointipalvelut');
    expect(body.publications.map((publication) => publication.year)).toEqual([YEAR, YEAR - 1]);
    expect(body.publications[0]?.subEntityId).toBe(`summary-${YEAR}`);
    expect(body.publications[0]?.figures.heatmap.map((row) => row.name)).toEqual(['Alfa', 'Delta', null]);
    // Technology's 9 needs; self-management's 3 are under the threshold and not in the ranking.
    expect(body.publications[0]?.figures.needsRanking).toEqual([
      { competenceId: 'technology-and-digital', rated: 21, needs: 9, share: 0.429 },
    ]);
    expect(JSON.stringify(body)).not.toContain(city.hr.id);
    const other = await fetch(`${app.url}/api/v1/service-areas/${AREA_B}/summary-publications`, {
      headers: bearer(token),
    });
    expect(((await other.json()) as { publications: unknown[] }).publications).toEqual([]);
    const unsigned = await fetch(`${app.url}/api/v1/service-areas/${AREA_A}/summary-publications`);
    expect(unsigned.status).toBe(401);
  });

  it('keeps a published summary from changing until HR revises it; publishing again posts a new card', async () => {
    let { etag } = await open();
    const refused = cardOf(
      await press(hr, 'summary.saveConclusions', { ...target, etag, c_futureNeeds: 'Muutos' }),
    );
    expect(refused.json).toContain('Koonti on julkaistu.');
    const revised = cardOf(await press(hr, 'summary.revise', { ...target, etag }));
    expect(revised.json).toContain('Koonti on taas luonnos.');
    ({ etag } = await open());
    cardOf(await press(hr, 'summary.publish', { ...target, etag }));
    await waitForPosts(2);
    expect(posts().map((activity) => String(activity.conversationId).split(';')[0])).toEqual([
      TEAMS_A.channelId,
      TEAMS_A.channelId,
    ]);
  });

  it('publishes again only when no figure moved by fewer than 5 since the last publication', async () => {
    const last = await app.repositories.summaryPublications.get(tenantId, AREA_A, YEAR);
    if (!last) throw new Error('not published');
    const republish = async (respondentsBefore: number): Promise<string> => {
      // The channel's last publication as if fewer had signed then.
      await app.repositories.summaryPublications.put({
        ...last.value,
        figures: { ...last.value.figures, respondents: respondentsBefore },
      });
      let { etag } = await open();
      cardOf(await press(hr, 'summary.revise', { ...target, etag }));
      ({ etag } = await open());
      return cardOf(await press(hr, 'summary.publish', { ...target, etag })).json;
    };
    // 2 more signed discussions between the two: whoever kept both could subtract the 2. Nothing is posted.
    expect(await republish(21 - 2)).toContain('vähemmän kuin anonymiteettirajan verran henkilöitä');
    expect((await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.status).toBe('draft');
    expect(
      (await app.repositories.summaryPublications.get(tenantId, AREA_A, YEAR))?.value.figures.respondents,
    ).toBe(19);
    expect(posts()).toHaveLength(2);
    // 5 more: a group of the threshold; published.
    expect(await republish(21 - 5)).not.toContain('anonymiteettirajan');
    await waitForPosts(3);
    expect(
      (await app.repositories.summaryPublications.get(tenantId, AREA_A, YEAR))?.value.figures.respondents,
    ).toBe(21);
  });
});
