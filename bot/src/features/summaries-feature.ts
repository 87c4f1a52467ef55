import { shownBy, type Feature } from './feature';
import { apiAuth } from '../api/auth/api-auth';
import { startAggregateJob } from '../summaries/aggregate-job';
import { summaryInteractions } from '../summaries/summary-actions';
import { registerSummaryDeskRoutes } from '../summaries/summary-desk-routes';
import { registerSummaryRoutes } from '../summaries/summary-routes';
import { announcementMessage, SUMMARY_VERBS } from '../summaries/summary-views';
import {
  SUMMARY_POST_DELIVERED,
  summaryPostDelivered,
  summaryPostUndelivered,
  type SummaryDeps,
} from '../summaries/summary-workflow';

/**
 * HR's summaries per service area: drafting, editing and publishing in HR's chat, the announcement in the area's
 * channel, the channel tab's API, and the background refresh of the anonymous team aggregates.
 */
export const summariesFeature: Feature = (context) => {
  const { repositories, messenger, logger, now } = context;
  const deps: SummaryDeps = {
    repositories,
    messenger,
    now,
    announcement: announcementMessage(repositories.organisations),
  };
  const { cardActions, command } = summaryInteractions(deps);
  const kit = { auth: apiAuth(context), now };
  return {
    routes: [
      (server) => registerSummaryRoutes(server, kit, repositories),
      (server) => registerSummaryDeskRoutes(server, kit, deps),
    ],
    commands: [command],
    cardActions,
    cardViews: shownBy(SUMMARY_VERBS, cardActions[SUMMARY_VERBS.open]),
    onDelivered: { [SUMMARY_POST_DELIVERED]: summaryPostDelivered(repositories, now) },
    onUndelivered: { [SUMMARY_POST_DELIVERED]: summaryPostUndelivered(repositories, now) },
    start: async () => startAggregateJob({ repositories, logger, now }),
  };
};
