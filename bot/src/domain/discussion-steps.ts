/**
 * The development discussion as a sequence of small cards, one part of the seed's form per card, so that each
 * message stays small and fits a phone. Employee and supervisor go through the same steps.
 */
import type { DevelopmentDiscussion, DiscussionSection } from './development-discussion';

export const STEP_KEYS = [
  'pastYear',
  'wellbeing',
  'professional',
  'supervisorCompetence',
  'otherMatters',
  'assessment',
  'learningGoals',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** The discussion sections written on each step; the last two steps hold ratings and goals instead. */
const SECTIONS: Record<StepKey, DiscussionSection[]> = {
  pastYear: ['pastYearReview'],
  wellbeing: ['wellbeing'],
  professional: ['currentCompetence', 'futureNeeds', 'developmentSupport'],
  supervisorCompetence: ['supervisorCompetence'],
  otherMatters: ['otherMatters'],
  assessment: [],
  learningGoals: [],
};

export interface Step {
  key: StepKey;
  /** 1-based, as shown in the progress "2 / 6". */
  number: number;
  total: number;
  sections: DiscussionSection[];
}

/** The supervisor-competence step only appears in a supervisor's own discussion. */
export function stepsOf(discussion: Pick<DevelopmentDiscussion, 'includesSupervisorSection'>): Step[] {
  const keys = STEP_KEYS.filter(
    (key) => key !== 'supervisorCompetence' || discussion.includesSupervisorSection,
  );
  return keys.map((key, index) => ({ key, number: index + 1, total: keys.length, sections: SECTIONS[key] }));
}

/** The step with this number, clamped into range (a card from before the section changed stays usable). */
export function stepAt(
  discussion: Pick<DevelopmentDiscussion, 'includesSupervisorSection'>,
  number: number,
): Step {
  const steps = stepsOf(discussion);
  const index = Math.min(Math.max(Math.trunc(number), 1), steps.length) - 1;
  return steps[index] as Step;
}
