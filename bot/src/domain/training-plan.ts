/** Personnel and training plans: service area → central, confirmed by the co-operation committee. */
import type { LearningWay } from './development-discussion';

export type TrainingPlanScope = 'serviceArea' | 'central';

export const TRAINING_PLAN_STATUSES = [
  'draft',
  'submitted', // a service area's plan handed to HR (due 30.9.)
  'reviewed', // the central plan reviewed by the city manager's management team
  'confirmed', // confirmed by the co-operation committee
] as const;
export type TrainingPlanStatus = (typeof TRAINING_PLAN_STATUSES)[number];

export interface TrainingPlanItem {
  id: string;
  need: string;
  competenceId: string | null;
  way: LearningWay;
  audience: string;
  /** How many people the need concerns, as an aggregate (0 to the number of people in the plan's area). */
  headcount: number;
  /**
   * In the central plan, where the row came from: the service area whose submitted plan held it, or null for a
   * need HR compiled from the whole city's discussions. Absent in a service area's own plan.
   */
  serviceAreaId?: string | null;
}

export interface StatusChange {
  status: TrainingPlanStatus;
  by: string;
  at: string;
}

export interface TrainingPlan {
  tenantId: string;
  year: number;
  scope: TrainingPlanScope;
  /** Set for a service area's plan. */
  serviceAreaId: string | null;
  status: TrainingPlanStatus;
  items: TrainingPlanItem[];
  history: StatusChange[];
  /** The central plan: the service areas whose submitted plans it combines. */
  combinedAreas?: string[];
}
