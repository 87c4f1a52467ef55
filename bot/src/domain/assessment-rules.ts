/** Which common competences a person is assessed on, and whether given ratings fit the framework. */
import type { Competence, CompetenceFramework, RatingScale } from './competence';
import type { Person } from './organisation';
import { isSupervisor } from './people-rules';

export const RATING_ERROR_CODES = ['rating.notAssessed', 'rating.notAnInteger', 'rating.outOfScale'] as const;
export type RatingErrorCode = (typeof RATING_ERROR_CODES)[number];

/**
 * The assessed all-staff competences, plus the assessed supervisor competences when asked for, in the
 * framework's order. Competences the management team left out this year are skipped.
 */
export function assessedCompetences(
  framework: CompetenceFramework,
  withSupervisorCompetences: boolean,
): Competence[] {
  return framework.competences.filter(
    (competence) => competence.assessed && (competence.audience === 'allStaff' || withSupervisorCompetences),
  );
}

/** A supervisor (by role: see `isSupervisor`) is also assessed on the supervisor competences. */
export function competencesAssessedFor(
  person: Pick<Person, 'roles'>,
  framework: CompetenceFramework,
): Competence[] {
  return assessedCompetences(framework, isSupervisor(person));
}

/**
 * Competence id → what is wrong with its rating; empty when all are fine. A rating may be missing (a draft is
 * saved part-way), but every given one must be for an assessed competence and a whole step of the scale.
 */
export function validateRatings(
  ratings: Record<string, number>,
  competences: Competence[],
  scale: RatingScale,
): Record<string, RatingErrorCode> {
  const assessed = new Set(competences.map((competence) => competence.id));
  const errors: Record<string, RatingErrorCode> = {};
  for (const [competenceId, rating] of Object.entries(ratings)) {
    if (!assessed.has(competenceId)) errors[competenceId] = 'rating.notAssessed';
    else if (!Number.isInteger(rating)) errors[competenceId] = 'rating.notAnInteger';
    else if (rating < scale.min || rating > scale.max) errors[competenceId] = 'rating.outOfScale';
  }
  return errors;
}
