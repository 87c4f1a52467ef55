/**
 * Turns a group's signed development discussions into anonymous counts: per competence how many gave each
 * rating (self and supervisor) and how many have a development need, and the learning goals by way of
 * learning. Only signed discussions count: a draft is not yet what the two agreed. Nothing of the
 * discussions' text is read, and the result names nobody.
 */
import type { RatingScale } from '../domain/competence';
import {
  LEARNING_WAYS,
  type DevelopmentDiscussion,
  type LearningWay,
} from '../domain/development-discussion';
import type { CompetenceTally, RatingCounts } from '../storage/team-aggregate-repository';

/** What a tally reads of a discussion. */
export const TALLY_FIELDS = ['status', 'selfRatings', 'supervisorRatings', 'learningGoals'] as const;
export type TalliedDiscussion = Pick<DevelopmentDiscussion, (typeof TALLY_FIELDS)[number]>;

export interface Tally {
  respondents: number;
  competences: Record<string, CompetenceTally>;
  learningWays: Record<LearningWay, number>;
}

export function emptyTally(): Tally {
  return { respondents: 0, competences: {}, learningWays: { '70': 0, '20': 0, '10': 0 } };
}

/**
 * A development need: a rating, the person's own or the supervisor's, below the middle of the scale (1 or 2
 * on 1–5). Either view is enough: the seed asks the discussion to surface needs from both sides.
 */
export function isNeed(rating: number, scale: RatingScale): boolean {
  return rating < (scale.min + scale.max) / 2;
}

function addRating(counts: RatingCounts, rating: number | undefined): void {
  if (rating === undefined) return;
  const key = String(rating);
  counts[key] = (counts[key] ?? 0) + 1;
}

function competenceTally(tally: Tally, competenceId: string): CompetenceTally {
  let found = tally.competences[competenceId];
  if (!found) {
    found = { self: {}, supervisor: {}, rated: 0, needs: 0 };
    tally.competences[competenceId] = found;
  }
  return found;
}

/** Adds one signed discussion to `tally` (in place); others are skipped. */
export function addDiscussion(tally: Tally, discussion: TalliedDiscussion, scale: RatingScale): void {
  if (discussion.status !== 'signed') return;
  tally.respondents += 1;
  const competenceIds = new Set([
    ...Object.keys(discussion.selfRatings),
    ...Object.keys(discussion.supervisorRatings),
  ]);
  for (const competenceId of competenceIds) {
    const self = discussion.selfRatings[competenceId];
    const supervisor = discussion.supervisorRatings[competenceId];
    const counts = competenceTally(tally, competenceId);
    addRating(counts.self, self);
    addRating(counts.supervisor, supervisor);
    counts.rated += 1;
    if ([self, supervisor].some((rating) => rating !== undefined && isNeed(rating, scale))) counts.needs += 1;
  }
  for (const goal of discussion.learningGoals) tally.learningWays[goal.way] += 1;
}

export function tallyDiscussions(discussions: Iterable<TalliedDiscussion>, scale: RatingScale): Tally {
  const tally = emptyTally();
  for (const discussion of discussions) addDiscussion(tally, discussion, scale);
  return tally;
}

function addCounts(into: RatingCounts, from: RatingCounts): void {
  for (const [rating, count] of Object.entries(from)) into[rating] = (into[rating] ?? 0) + count;
}

/** The sum of several groups' tallies: a combined group, a service area, the city. */
export function mergeTallies(tallies: Iterable<Tally>): Tally {
  const merged = emptyTally();
  for (const tally of tallies) {
    merged.respondents += tally.respondents;
    for (const [competenceId, from] of Object.entries(tally.competences)) {
      const into = competenceTally(merged, competenceId);
      addCounts(into.self, from.self);
      addCounts(into.supervisor, from.supervisor);
      into.rated += from.rated;
      into.needs += from.needs;
    }
    for (const way of LEARNING_WAYS) merged.learningWays[way] += tally.learningWays[way];
  }
  return merged;
}
