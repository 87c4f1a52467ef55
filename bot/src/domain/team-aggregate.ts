/**
 * A team's anonymous tallies for one round: how many signed discussions, the ratings of each competence and the
 * learning goals by way of learning. Never shown as such: the disclosure model (`disclosure.ts`) decides what of
 * them anyone reads.
 */
import type { LearningWay } from './development-discussion';
import type { TenantId } from './organisation';

/** Rating (as a string, e.g. "3") → how many gave it. */
export type RatingCounts = Record<string, number>;

export interface CompetenceTally {
  self: RatingCounts;
  supervisor: RatingCounts;
  /** People with at least one rating of the competence. */
  rated: number;
  /** Of those, people with a development need in it (a rating below the middle of the scale). */
  needs: number;
}

export interface TeamAggregate {
  tenantId: TenantId;
  year: number;
  serviceAreaId: string;
  teamId: string;
  /** Signed discussions counted. */
  respondents: number;
  /** Competence id → tally. */
  competences: Record<string, CompetenceTally>;
  /** Learning goals by way of learning (70-20-10). */
  learningWays: Record<LearningWay, number>;
  /**
   * The aggregates are released in steps (summaries/aggregate-refresh.ts): when this release was made, and the
   * team's tallies at the release before (null: none), so a change under the threshold can be hidden. Rows
   * written before releases were kept have neither.
   */
  releasedAt?: string | null;
  previous?: TeamTally | null;
}

/** A team's tallies without its keys. */
export interface TeamTally {
  respondents: number;
  competences: Record<string, CompetenceTally>;
  learningWays: Record<LearningWay, number>;
}
