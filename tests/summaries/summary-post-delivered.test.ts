/**
 * What a summary's kept channel post does when Teams takes it on a later retry (summaryPostDelivered), against
 * the summaries and publications in Azurite: the draft that publish left waiting becomes published with the
 * post's thread and the publication it announced; a second call (the worker redoing it after a crash) changes
 * nothing more; a draft HR edited, or published again, meanwhile is left as HR has it. A kept post that ends
 * without arriving (summaryPostUndelivered) turns the waiting draft's "will retry" into why, once.
 */
import type { ServiceAreaSummary } from '../../bot/src/domain/summary';
import type { DeliveredNote } from '../../bot/src/fanout/proactive-retries';
import { openRepositories, type Repositories } from '../../bot/src/storage/repositories';
import type { SummaryPublication } from '../../bot/src/storage/summary-publication-repository';
import {
  SUMMARY_POST_DELIVERED,
  summaryPostDelivered,
  summaryPostUndelivered,
} from '../../bot/src/summaries/summary-workflow';
import { newTenantId, testStorageAccount } from '../support/storage';

const YEAR = 2026;
const AREA = 'sa-hyvinvointi';
const TRIED_AT = '2026-11-23T10:00:00.000Z';
const LATER = new Date('2026-11-23T10:00:12.000Z');
const THREAD = { conversationId: '19:kanava@thread.tacv2;messageid=1700', activityId: '1700' };

let repositories: Repositories;

beforeAll(async () => {
  repositories = await openRepositories(testStorageAccount());
});

function publicationOf(tenantId: string): SummaryPublication {
  return {
    tenantId,
    serviceAreaId: AREA,
    year: YEAR,
    serviceAreaName: 'Hyvinvointipalvelut',
    conclusions: { futureNeeds: ['Digitaidot'] },
    figures: {
      threshold: 5,
      respondents: 21,
      competences: [],
      heatmap: [],
      needsRanking: [],
      learningWays: null,
      developmentActions: [],
    },
    publishedAt: TRIED_AT,
    publishedBy: 'p-hr',
  };
}

/** The draft a publish left after Teams asked to wait: "not published", reason willRetry. */
async function waitingDraft(tenantId: string, changes: Partial<ServiceAreaSummary> = {}) {
  return repositories.summaries.create({
    tenantId,
    serviceAreaId: AREA,
    year: YEAR,
    status: 'draft',
    conclusions: { futureNeeds: ['Digitaidot'] },
    competences: [],
    learningWaySplit: { '70': 0, '20': 0, '10': 0 },
    publishedAt: null,
    publishedBy: null,
    postFailure: { at: TRIED_AT, reason: 'willRetry' },
    history: [{ action: 'postFailed', at: TRIED_AT, by: 'p-hr', reason: 'willRetry' }],
    ...changes,
  });
}

function note(tenantId: string): DeliveredNote {
  return {
    kind: SUMMARY_POST_DELIVERED,
    keys: { year: YEAR, serviceAreaId: AREA, publishedAt: TRIED_AT },
    data: publicationOf(tenantId),
  };
}

/** The handler as the app registers it, with the clock at the retry's arrival. */
const delivered: ReturnType<typeof summaryPostDelivered> = (tenantId, kept, at) =>
  summaryPostDelivered(repositories, () => LATER)(tenantId, kept, at);

test('the waiting draft becomes published with the post’s thread and the publication it announced, once', async () => {
  const tenantId = newTenantId();
  await waitingDraft(tenantId);

  await delivered(tenantId, note(tenantId), THREAD);
  await delivered(tenantId, note(tenantId), THREAD);

  const summary = (await repositories.summaries.get(tenantId, YEAR, AREA))?.value;
  expect(summary).toMatchObject({
    status: 'published',
    publishedAt: TRIED_AT,
    publishedBy: 'p-hr',
    postFailure: null,
    channelPost: THREAD,
  });
  expect(summary?.history?.map((event) => event.action)).toEqual(['postFailed', 'published']);
  const publication = await repositories.summaryPublications.get(tenantId, AREA, YEAR);
  expect(publication?.value).toMatchObject({
    publishedAt: TRIED_AT,
    conclusions: { futureNeeds: ['Digitaidot'] },
  });
});

test('a draft HR edited meanwhile is not published by the late post: it no longer shows what the post did', async () => {
  const tenantId = newTenantId();
  await waitingDraft(tenantId, { conclusions: { futureNeeds: ['Digitaidot', 'Tiedolla johtaminen'] } });

  await delivered(tenantId, note(tenantId), THREAD);

  const summary = (await repositories.summaries.get(tenantId, YEAR, AREA))?.value;
  expect(summary).toMatchObject({ status: 'draft', postFailure: { reason: 'willRetry' } });
  expect(await repositories.summaryPublications.get(tenantId, AREA, YEAR)).toBeNull();
});

test('a draft whose later publish failed otherwise is left as it is', async () => {
  const tenantId = newTenantId();
  await waitingDraft(tenantId, { postFailure: { at: '2026-11-23T10:05:00.000Z', reason: 'failed' } });

  await delivered(tenantId, note(tenantId), THREAD);

  expect((await repositories.summaries.get(tenantId, YEAR, AREA))?.value).toMatchObject({
    status: 'draft',
    postFailure: { reason: 'failed' },
  });
  expect(await repositories.summaryPublications.get(tenantId, AREA, YEAR)).toBeNull();
});

test('a post that arrives before its publish wrote "will retry" publishes the claimed summary', async () => {
  const tenantId = newTenantId();
  // The publish's claim: published at its time, no failure recorded yet.
  await waitingDraft(tenantId, {
    status: 'published',
    publishedAt: TRIED_AT,
    publishedBy: 'p-hr',
    postFailure: null,
    history: [],
  });

  await delivered(tenantId, note(tenantId), THREAD);

  const summary = (await repositories.summaries.get(tenantId, YEAR, AREA))?.value;
  expect(summary).toMatchObject({ status: 'published', channelPost: THREAD });
  expect(summary?.history?.map((event) => event.action)).toEqual(['published']);
  expect(await repositories.summaryPublications.get(tenantId, AREA, YEAR)).not.toBeNull();
});

/** The end handler as the app registers it. */
const undelivered: ReturnType<typeof summaryPostUndelivered> = (tenantId, kept, end) =>
  summaryPostUndelivered(repositories, () => LATER)(tenantId, kept, end);

test('a kept post that ends without arriving turns the waiting draft’s "will retry" into the reason, once', async () => {
  const tenantId = newTenantId();
  await waitingDraft(tenantId);

  await undelivered(tenantId, note(tenantId), { reason: 'failed', lastError: '500' });
  await undelivered(tenantId, note(tenantId), { reason: 'failed', lastError: '500' });

  const summary = (await repositories.summaries.get(tenantId, YEAR, AREA))?.value;
  expect(summary).toMatchObject({ status: 'draft', postFailure: { at: TRIED_AT, reason: 'failed' } });
  expect(summary?.history?.map((event) => [event.action, event.reason])).toEqual([
    ['postFailed', 'willRetry'],
    ['postFailed', 'failed'],
  ]);
  expect(await repositories.summaryPublications.get(tenantId, AREA, YEAR)).toBeNull();
});

test('the end of a post from an earlier publish leaves a later publish’s state alone', async () => {
  const tenantId = newTenantId();
  const later = { at: '2026-11-23T10:05:00.000Z', reason: 'willRetry' };
  await waitingDraft(tenantId, { postFailure: later });

  await undelivered(tenantId, note(tenantId), { reason: 'removed', lastError: '403' });

  expect((await repositories.summaries.get(tenantId, YEAR, AREA))?.value.postFailure).toEqual(later);
});
