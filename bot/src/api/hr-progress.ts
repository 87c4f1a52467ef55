/**
 * HR's view of a year's round per service area: how many development discussions are due (people who have
 * one that year by `conversationsFor`) and how many are scheduled, held and signed. Aggregates only, and a
 * service area smaller than the organisation's anonymity threshold shows no counts at all. The counts by status
 * are released in steps (docs/anonymity.md, rule 9): they move only when at least the threshold of people moved
 * between statuses since the last release, so reading them before and after one signing does not tell when
 * that person signed; `releasedAt` says how fresh they are.
 */
import { canShowGroup, MIN_ANONYMITY_THRESHOLD } from '../domain/anonymity';
import { DISCUSSION_STATUSES, type DiscussionStatus } from '../domain/development-discussion';
import { conversationsFor } from '../domain/discussion-year-rules';
import type { ServiceArea, Team } from '../domain/organisation';
import type { AreaProgress, RoundProgress } from '../contract/hr';
import type { Repositories } from '../storage/repositories';
import { readAll } from '../storage/read-all';
import { releaseInSteps } from '../summaries/released-counts';

type Repos = Pick<
  Repositories,
  'organisations' | 'serviceAreas' | 'teams' | 'people' | 'developmentDiscussions' | 'teamAggregates'
>;

const emptyCounts = (): Record<DiscussionStatus, number> =>
  Object.fromEntries(DISCUSSION_STATUSES.map((status) => [status, 0])) as Record<DiscussionStatus, number>;

export async function roundProgress(repos: Repos, tenantId: string, year: number): Promise<RoundProgress> {
  const [organisation, areaReads, teams, people] = await Promise.all([
    repos.organisations.get(tenantId),
    repos.serviceAreas.list(tenantId),
    readAll((page) => repos.teams.list(tenantId, page)),
    readAll((page) => repos.people.listPeople(tenantId, page)),
  ]);
  const threshold = organisation?.value.anonymityThreshold ?? MIN_ANONYMITY_THRESHOLD;
  const areas = new Map<string, ServiceArea>(areaReads.map((read) => [read.value.id, read.value]));
  const teamsById = new Map<string, Team>(teams.map((read) => [read.value.id, read.value]));

  const due = new Map<string, number>();
  for (const { value: person } of people) {
    const area = areas.get(person.serviceAreaId);
    const team = teamsById.get(person.teamId);
    const has = conversationsFor(person, { alternatingYearRule: area?.alternatingYearRule ?? null }, year, {
      kind: team?.kind ?? 'team',
    }).developmentDiscussion;
    if (has) due.set(person.serviceAreaId, (due.get(person.serviceAreaId) ?? 0) + 1);
  }

  const shown = [...areas.values()].filter((area) => canShowGroup(due.get(area.id) ?? 0, threshold));
  const live = await Promise.all(
    shown.map(async (area) => {
      const statuses = await readAll((page) =>
        repos.developmentDiscussions.listFieldsForServiceArea(tenantId, year, area.id, ['status'], page),
      );
      const counts: Record<string, number> = emptyCounts();
      for (const { status } of statuses) counts[status] = (counts[status] ?? 0) + 1;
      return [`progress:${area.id}`, counts] as const;
    }),
  );
  const released = await releaseInSteps(repos, tenantId, year, new Map(live), threshold);
  const serviceAreas = [...areas.values()].map((area): AreaProgress => {
    const release = released.get(`progress:${area.id}`);
    if (!release?.releasedAt) {
      const areaDue = release ? (due.get(area.id) ?? 0) : null;
      return { id: area.id, name: area.name, due: areaDue, counts: null, releasedAt: null };
    }
    const counts = emptyCounts();
    for (const status of DISCUSSION_STATUSES) counts[status] = release.counts[status] ?? 0;
    return {
      id: area.id,
      name: area.name,
      due: due.get(area.id) ?? 0,
      counts,
      releasedAt: release.releasedAt,
    };
  });
  serviceAreas.sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  return { year, anonymityThreshold: threshold, serviceAreas };
}
