/** Competence frameworks (yhteiset osaamiset), versioned per year, with a rating scale. */
import type { LocalisedText } from './locale';

export type CompetenceAudience = 'allStaff' | 'supervisors';

export interface Competence {
  /** Stable id, e.g. "self-management". */
  id: string;
  audience: CompetenceAudience;
  name: LocalisedText;
  description: LocalisedText;
  /** The city manager's management team decides each year which competences are assessed. */
  assessed: boolean;
}

export interface RatingScale {
  min: number;
  max: number;
  /** One label per step from min to max. */
  labels: LocalisedText[];
}

export interface CompetenceFramework {
  year: number;
  competences: Competence[];
  scale: RatingScale;
}
