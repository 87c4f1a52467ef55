/**
 * HR's desk for the summaries, over HTTP against Azurite: the HR tab's API compiles, edits and publishes a
 * service area's summary. A publish whose channel post fails is NOT published: the summary stays a draft with
 * the reason, the channel tab gets no publication, and publishing again (the retry) publishes it. A post Teams
 * asks to wait for is kept and retried by itself, and its arrival publishes the summary; a refusal is not
 * retried, and a kept post Teams refuses later turns "will retry" into why. HR publishing again while a post is
 * kept replaces that retry (the card arrives once), or is told to wait while the kept post is being sent. Known data from support/known-city.ts; the Bot Connector stand-in answers posts as Teams can.
 */
import type { RunningApp } from '../../bot/src/app';
import {
  startConnectorStandIn,
  type ConnectorStandIn,
  type ScriptedFailure,
} from '../../bot/src/devstack/bot-connector-stand-in';
import { openFanout } from '../../bot/src/fanout/fanout-engine';
import { startTestApp } from '../support/app';
import { newTenantId, testStorageAccount } from '../support/storage';
import { postActivity, teamInstallation, type TeamsUser } from '../support/activities';
import { bearer, devToken } from '../support/tokens';
import { AREA_A, AREA_B, groupDiscussion, knownCity, storeKnownCity, YEAR } from './support/known-city';

const TEAM = {
  teamId: '19:hyvinvointi-team@thread.tacv2',
  channelId: '19:hyvinvointi-osaaminen@thread.tacv2',
};
/** A team the bot was never added to: a post there has no conversation to go to. */
const STRANGER = { teamId: '19:vieras-team@thread.tacv2', channelId: '19:vieras-kanava@thread.tacv2' };

interface Detail {
  summary: {
    status: string;
    etag: string;
    conclusions: Record<string, string[]>;
    postFailure: { reason: string } | null;
    history: Array<{ action: string; reason: string | null; byName: string | null }>;
  } | null;
  channel: { channelId: string; channelName: string | null } | null;
  suppressed: {
    areaBelowThreshold: boolean;
    teamsCombined: number;
    competenceFigures: number;
    reasons: { small: number; change: number; hierarchy: number; complementary: number } | null;
    releasedAt: string | null;
  };
  preview: { body?: unknown[] } | null;
  publications: Array<{ year: number; publishedAt: string; releasedAt: string | null }>;
  posted?: string;
  error?: { code: string; message: string; details?: { latest?: Detail } };
}

describe('HR’s desk: summaries over the HR tab’s API', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  /** How Teams answers the next posts to the channel (e.g. 400, refused for good), instead of taking them. */
  const nextPosts: ScriptedFailure[] = [];
  const tenantId = newTenantId();
  const city = knownCity(tenantId);
  const director: TeamsUser = { tenantId, aadObjectId: city.director.aadObjectId ?? '' };
  const path = (rest = '') => `/api/v1/hr/summaries/${YEAR}/${AREA_A}${rest}`;

  const call = async (
    personId: string,
    method: string,
    url: string,
    options: { body?: unknown; etag?: string; locale?: string } = {},
  ): Promise<{ status: number; body: Detail }> => {
    const response = await fetch(`${app.url}${url}`, {
      method,
      headers: {
        ...bearer(await devToken(app.url, tenantId, personId)),
        'accept-language': options.locale ?? 'fi',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.etag ? { 'if-match': options.etag } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return { status: response.status, body: (await response.json()) as Detail };
  };
  const hr = (method: string, url: string, options?: Parameters<typeof call>[3]) =>
    call(city.hr.id, method, url, options);
  const etagNow = async () => (await hr('GET', path())).body.summary?.etag ?? '';

  beforeAll(async () => {
    [app, connector] = await Promise.all([
      startTestApp(),
      startConnectorStandIn({
        limits: null,
        fail: (call) => {
          if (call.operation !== 'createConversation') return null;
          return nextPosts.shift() ?? null;
        },
      }),
    ]);
    await storeKnownCity(app.repositories, city);
    await app.repositories.groupDiscussions.create(
      groupDiscussion(city, 'alfa', 'concluded', { futureNeeds: 'Digitaidot asiakastyössä' }),
    );
    const installed = await postActivity(
      app.url,
      teamInstallation(director, { teamId: TEAM.teamId }, 'add', { serviceUrl: connector.serviceUrl }),
    );
    expect(installed.status).toBe(200);
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  it('is HR’s only', async () => {
    expect((await call(city.director.id, 'GET', '/api/v1/hr/summaries')).status).toBe(403);
    expect((await call(city.director.id, 'POST', path('/draft'))).status).toBe(403);
    expect(await app.repositories.summaries.get(tenantId, YEAR, AREA_A)).toBeNull();
  });

  it('compiles the draft, shows what anonymity held back (counts only) and previews the channel card', async () => {
    const drafted = await hr('POST', path('/draft'));
    expect(drafted.status).toBe(200);
    expect(drafted.body.summary?.status).toBe('draft');
    expect(drafted.body.summary?.conclusions.futureNeeds).toEqual(['Digitaidot asiakastyössä']);
    // Beeta (4 signed) is under the threshold of 5: it is combined, never shown on its own.
    expect(drafted.body.suppressed.areaBelowThreshold).toBe(false);
    expect(drafted.body.suppressed.teamsCombined).toBeGreaterThan(0);
    // Why: small values (Beeta's ratings of 1, self-management's 3 needs) and what hides them from subtraction,
    // as counts only; and when the figures were released.
    expect(drafted.body.suppressed.reasons?.small).toBeGreaterThan(0);
    expect(Object.values(drafted.body.suppressed.reasons ?? {}).every(Number.isInteger)).toBe(true);
    expect(Date.parse(drafted.body.suppressed.releasedAt ?? '')).not.toBeNaN();
    const preview = JSON.stringify(drafted.body.preview);
    expect(preview).toContain(`Osaamiskoonti ${YEAR}: Hyvinvointipalvelut`);
    expect(preview).toContain('Digitaidot asiakastyössä');

    const list = await hr('GET', `/api/v1/hr/summaries?year=${YEAR}`);
    const rows = (
      list.body as unknown as { serviceAreas: Array<{ serviceArea: { id: string }; status: string }> }
    ).serviceAreas;
    expect(rows.find((row) => row.serviceArea.id === AREA_A)?.status).toBe('draft');
    expect(rows.find((row) => row.serviceArea.id === AREA_B)?.status).toBeNull();
  });

  it('saves edited conclusions with the ETag read, and answers a stale one with 409 and the latest', async () => {
    const etag = await etagNow();
    const saved = await hr('PUT', path('/conclusions'), {
      etag,
      body: { conclusions: { futureNeeds: ['Digitaidot', 'Tiedolla johtaminen'] } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.summary?.conclusions.futureNeeds).toEqual(['Digitaidot', 'Tiedolla johtaminen']);
    const stale = await hr('PUT', path('/conclusions'), {
      etag,
      body: { conclusions: { futureNeeds: ['Vanha'] } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.details?.latest?.summary?.conclusions.futureNeeds).toEqual([
      'Digitaidot',
      'Tiedolla johtaminen',
    ]);
  });

  it('lists the channels the bot knows, and HR links the area to one from the HR tab', async () => {
    const known = await hr('GET', '/api/v1/hr/channels');
    const channels = (known.body as unknown as { channels: Array<{ teamId: string; channelId: string }> })
      .channels;
    expect(channels).toContainEqual(expect.objectContaining({ teamId: TEAM.teamId }));
    const linked = await hr('PUT', `/api/v1/service-areas/${AREA_A}/channel`, {
      body: { teamId: TEAM.teamId, channelId: TEAM.teamId },
    });
    expect(linked.status).toBe(200);
    expect((await hr('GET', path())).body.channel?.channelId).toBe(TEAM.teamId);
  });

  it('shows a publish whose post failed as NOT published, with the reason; the retry publishes', async () => {
    nextPosts.push({ status: 400, code: 'BadArgument' });
    const failed = await hr('POST', path('/publish'), { etag: await etagNow() });
    expect(failed.status).toBe(200);
    expect(failed.body.posted).toBe('failed');
    expect(failed.body.summary?.status).toBe('draft');
    expect(failed.body.summary?.postFailure?.reason).toBe('failed');
    expect(failed.body.summary?.history[0]).toMatchObject({ action: 'postFailed', reason: 'failed' });
    expect(failed.body.publications).toEqual([]);
    expect(await app.repositories.summaryPublications.get(tenantId, AREA_A, YEAR)).toBeNull();
    // No post reached the channel (the bot's welcome when it was added to the team is not a post).
    expect(
      connector.activities().filter((a) => String(a.conversationId).includes(';messageid=')),
    ).toHaveLength(0);

    const retried = await hr('POST', path('/publish'), { etag: failed.body.summary?.etag });
    expect(retried.body.posted).toBe('delivered');
    expect(retried.body.summary?.status).toBe('published');
    expect(retried.body.summary?.postFailure).toBeNull();
    expect(retried.body.summary?.history.map((event) => event.action)).toEqual(['published', 'postFailed']);
    expect(retried.body.summary?.history[0]?.byName).toBe(`${city.hr.firstName} ${city.hr.lastName}`);
    expect(retried.body.publications.map((publication) => publication.year)).toEqual([YEAR]);
    // The publication keeps when its frozen figures were released, as stored with it.
    const publication = await app.repositories.summaryPublications.get(tenantId, AREA_A, YEAR);
    expect(publication?.value.figures.releasedAt).toBeTruthy();
    expect(retried.body.publications[0]?.releasedAt).toBe(publication?.value.figures.releasedAt);
    await connector.waitForActivities(2);
    const posts = connector.activities().filter((a) => String(a.conversationId).includes(';messageid='));
    expect(posts.map((post) => String(post.conversationId).split(';')[0])).toEqual([TEAM.teamId]);
    const stored = (await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value;
    expect(stored?.channelPost?.conversationId).toBe(posts[0]?.conversationId);
  });

  it('refuses edits to a published summary until it is revised; republishing to an unreached team fails visibly', async () => {
    const refused = await hr('PUT', path('/conclusions'), {
      etag: await etagNow(),
      body: { conclusions: { futureNeeds: ['Muutos'] } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('summary.published');
    expect(refused.body.error?.message).toBe('Koonti on julkaistu. Valitse ensin ”Muokkaa uudelleen”.');

    const revised = await hr('POST', path('/revise'), { etag: await etagNow() });
    expect(revised.body.summary?.status).toBe('draft');
    await hr('PUT', `/api/v1/service-areas/${AREA_A}/channel`, { body: STRANGER });
    const unreached = await hr('POST', path('/publish'), { etag: revised.body.summary?.etag });
    expect(unreached.body.posted).toBe('notInstalled');
    expect(unreached.body.summary?.status).toBe('draft');
    expect(unreached.body.summary?.postFailure?.reason).toBe('notInstalled');
    // The channel tab keeps the version that did arrive.
    expect(unreached.body.publications.map((publication) => publication.year)).toEqual([YEAR]);
  });

  /** The posts that reached the channel (new threads), in the order they arrived. */
  const channelPosts = () =>
    connector.activities().filter((a) => String(a.conversationId).startsWith(`${TEAM.teamId};messageid=`));
  /** The kept single sends of this organisation (one-delivery campaigns of the fan-out). */
  const keptSends = async () =>
    (await (await openFanout(testStorageAccount())).recent(tenantId, { pageSize: 50 })).items.filter((c) =>
      c.campaignId.startsWith('proactive:'),
    );

  it('keeps a post Teams asks to wait for; when the retry arrives, the summary is published by itself', async () => {
    await hr('PUT', `/api/v1/service-areas/${AREA_A}/channel`, {
      body: { teamId: TEAM.teamId, channelId: TEAM.teamId },
    });
    const postsBefore = channelPosts().length;
    // Longer than HR's request waits (8 s): the post is kept and the fan-out's worker sends it again.
    nextPosts.push({ status: 429, code: 'Throttled', retryAfterSeconds: 9 });
    const startedAt = Date.now();

    const waiting = await hr('POST', path('/publish'), { etag: await etagNow() });

    expect(waiting.body.posted).toBe('willRetry');
    expect(waiting.body.summary?.status).toBe('draft');
    expect(waiting.body.summary?.postFailure?.reason).toBe('willRetry');
    const before = await app.repositories.summaryPublications.get(tenantId, AREA_A, YEAR);
    const deadline = Date.now() + 25_000;
    let detail = await hr('GET', path());
    while (detail.body.summary?.status !== 'published' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      detail = await hr('GET', path());
    }

    expect(detail.body.summary?.status).toBe('published');
    expect(detail.body.summary?.postFailure).toBeNull();
    expect(detail.body.summary?.history.map((event) => event.action).slice(0, 2)).toEqual([
      'published',
      'postFailed',
    ]);
    const posts = channelPosts();
    expect(posts).toHaveLength(postsBefore + 1);
    // Sent again not sooner than Teams' Retry-After.
    const throttled = connector.received.find((r) => r.status === 429 && r.at >= startedAt);
    const arrived = connector.received.find((r) => r.createdConversationId === posts.at(-1)?.conversationId);
    expect((arrived?.at ?? 0) - (throttled?.at ?? Infinity)).toBeGreaterThanOrEqual(9000);
    const stored = (await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value;
    // The thread Teams answered for the retried post, and the publication that post announced.
    expect(stored?.channelPost?.conversationId).toBe(posts[posts.length - 1]?.conversationId);
    const publication = await app.repositories.summaryPublications.get(tenantId, AREA_A, YEAR);
    expect(publication?.value.publishedAt).toBe(stored?.publishedAt);
    expect(publication?.value.publishedAt).not.toBe(before?.value.publishedAt);
    expect((await keptSends()).map((send) => send.counts.sent)).toEqual([1]);
    const list = await hr('GET', `/api/v1/hr/summaries?year=${YEAR}`);
    const rows = (
      list.body as unknown as { serviceAreas: Array<{ serviceArea: { id: string }; status: string }> }
    ).serviceAreas;
    expect(rows.find((row) => row.serviceArea.id === AREA_A)?.status).toBe('published');
  }, 45_000);

  it('does not keep a post Teams refuses (the app is not in the team): not published, with the reason', async () => {
    const revised = await hr('POST', path('/revise'), { etag: await etagNow() });
    const postsBefore = channelPosts().length;
    nextPosts.push({ status: 404, code: 'NotFound' });

    const refused = await hr('POST', path('/publish'), { etag: revised.body.summary?.etag });

    expect(refused.body.posted).toBe('notInstalled');
    expect(refused.body.summary?.status).toBe('draft');
    expect(refused.body.summary?.postFailure?.reason).toBe('notInstalled');
    expect(await keptSends()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(channelPosts()).toHaveLength(postsBefore);
    expect((await hr('GET', path())).body.summary?.status).toBe('draft');
  });
  /** The summary as HR's tab reads it, once `done` holds for it (polled while the kept post is retried). */
  const detailOnce = async (done: (detail: Detail) => boolean, waitMs = 25_000): Promise<Detail> => {
    const deadline = Date.now() + waitMs;
    let detail = (await hr('GET', path())).body;
    while (!done(detail) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      detail = (await hr('GET', path())).body;
    }
    return detail;
  };

  it('shows a kept post Teams refuses on its retry as not published with that reason, and the retry publishes', async () => {
    const postsBefore = channelPosts().length;
    // Teams asks to wait longer than HR's request does; when the worker sends the post again, Teams answers that
    // the bot is no longer in the team ("Status codes from bot conversational APIs": 403 BotNotInConversationRoster).
    nextPosts.push(
      { status: 429, code: 'Throttled', retryAfterSeconds: 9 },
      { status: 403, code: 'BotNotInConversationRoster' },
    );

    const waiting = await hr('POST', path('/publish'), { etag: await etagNow() });
    expect(waiting.body.posted).toBe('willRetry');
    expect(waiting.body.summary?.postFailure?.reason).toBe('willRetry');

    const ended = await detailOnce((detail) => detail.summary?.postFailure?.reason !== 'willRetry');
    expect(ended.summary?.status).toBe('draft');
    expect(ended.summary?.postFailure?.reason).toBe('removed');
    expect(ended.summary?.history[0]).toMatchObject({ action: 'postFailed', reason: 'removed' });
    expect(ended.summary?.history[1]).toMatchObject({ action: 'postFailed', reason: 'willRetry' });
    expect(ended.publications.map((publication) => publication.year)).toEqual([YEAR]);
    expect(channelPosts()).toHaveLength(postsBefore);
    expect((await keptSends())[0]?.counts).toMatchObject({ blocked: 1, sent: 0 });
    // HR's list says "not published" (a draft with the reason), and the chat card offers the retry.
    const list = await hr('GET', `/api/v1/hr/summaries?year=${YEAR}`);
    const row = (
      list.body as unknown as {
        serviceAreas: Array<{ serviceArea: { id: string }; status: string; postFailure: unknown }>;
      }
    ).serviceAreas.find((area) => area.serviceArea.id === AREA_A);
    expect(row).toMatchObject({ status: 'draft', postFailure: { reason: 'removed' } });
    // The team is marked unreachable, as when Teams refuses while HR waits: nothing goes there until it is added.
    const team = await app.repositories.conversationReferences.get(tenantId, {
      kind: 'team',
      teamId: TEAM.teamId,
    });
    expect(team?.value.unreachable).toBe('removed');
    const refused = await hr('POST', path('/publish'), { etag: ended.summary?.etag });
    expect(refused.body.posted).toBe('removed');
    expect(channelPosts()).toHaveLength(postsBefore);

    // The app is added to the team again: the retry publishes.
    await postActivity(
      app.url,
      teamInstallation(director, { teamId: TEAM.teamId }, 'add', { serviceUrl: connector.serviceUrl }),
    );
    const retried = await hr('POST', path('/publish'), { etag: refused.body.summary?.etag });
    expect(retried.body.posted).toBe('delivered');
    expect(retried.body.summary?.status).toBe('published');
    expect(channelPosts()).toHaveLength(postsBefore + 1);
  }, 45_000);
  it('publishing again while the post is kept for a retry replaces that retry: the card arrives once', async () => {
    const revised = await hr('POST', path('/revise'), { etag: await etagNow() });
    const postsBefore = channelPosts().length;
    nextPosts.push({ status: 429, code: 'Throttled', retryAfterSeconds: 9 });
    const waiting = await hr('POST', path('/publish'), { etag: revised.body.summary?.etag });
    expect(waiting.body.summary?.postFailure?.reason).toBe('willRetry');
    const throttledAt = Date.now();

    // HR does not wait for the retry and presses "Try publishing again": Teams takes the card now.
    const again = await hr('POST', path('/publish'), { etag: waiting.body.summary?.etag });
    expect(again.body.posted).toBe('delivered');
    expect(again.body.summary?.status).toBe('published');
    // Past the kept post's Retry-After, when the worker would have sent it: still the one card.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, throttledAt + 11_000 - Date.now())));
    expect(channelPosts()).toHaveLength(postsBefore + 1);
    expect((await keptSends())[0]?.counts).toMatchObject({ failed: 1, sent: 0 });
    const stored = (await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value;
    expect(stored).toMatchObject({ status: 'published', postFailure: null });
    expect(stored?.channelPost?.conversationId).toBe(channelPosts().at(-1)?.conversationId);
    expect((await hr('GET', path())).body.summary?.history[0]).toMatchObject({ action: 'published' });
  }, 45_000);

  it('refuses to publish again while the kept post is being sent, in the reader’s language, changing nothing', async () => {
    const revised = await hr('POST', path('/revise'), { etag: await etagNow() });
    nextPosts.push({ status: 429, code: 'Throttled', retryAfterSeconds: 30 });
    const waiting = await hr('POST', path('/publish'), { etag: revised.body.summary?.etag });
    expect(waiting.body.summary?.postFailure?.reason).toBe('willRetry');
    const postsBefore = channelPosts().length;
    // A worker (in another server process) holds the kept post's lease: its request may be on its way to Teams.
    const keptId = (await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.postFailure?.keptId;
    const deliveries = (await openFanout(testStorageAccount())).deliveries;
    const row = await deliveries.get(tenantId, keptId ?? '', 'single');
    if (!row) throw new Error('The kept post has no delivery row.');
    await deliveries.update(
      row,
      { state: 'sending', leaseOwner: 'another-server', leaseUntil: Date.now() + 60_000 },
      new Date(),
    );

    const texts: Record<string, string> = {
      fi: 'Koontikorttia lähetetään kanavalle juuri nyt uudelleen. Odota hetki ja katso tilanne uudelleen ennen kuin julkaiset.',
      sv: 'Sammanställningskortet skickas till kanalen igen just nu. Vänta en stund och se efter igen innan du publicerar.',
      en: 'The summary card is being sent to the channel again right now. Wait a moment and look again before publishing.',
    };
    for (const locale of ['fi', 'sv', 'en']) {
      const refused = await hr('POST', path('/publish'), { etag: waiting.body.summary?.etag, locale });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'summary.postRetrying', message: texts[locale] });
    }
    const after = await hr('GET', path());
    expect(after.body.summary).toMatchObject({ status: 'draft', etag: waiting.body.summary?.etag });
    expect(after.body.summary?.postFailure?.reason).toBe('willRetry');
    expect(channelPosts()).toHaveLength(postsBefore);
    expect((await deliveries.get(tenantId, keptId ?? '', 'single'))?.value.state).toBe('sending');
  });
});
