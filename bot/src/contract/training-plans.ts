/**
 * The wire contract of the training plans' read (`GET /api/v1/training-plans?year=`): every plan the caller may
 * see, with its status history and who changed it, and every service area so the central plan's rows name their
 * origin. The service answers this shape and the tabs read it through the same declaration
 * (`tabs/src/api/hrDesk.ts`), so the two cannot drift apart. Pure types: only the domain is imported.
 */
import type { StatusChange, TrainingPlan } from '../domain/training-plan';

export interface StatusChangeView extends StatusChange {
  /** Null for someone no longer in the organisation's data. */
  byName: string | null;
}

export interface TrainingPlanView extends Omit<TrainingPlan, 'tenantId' | 'history'> {
  history: StatusChangeView[];
}

export interface TrainingPlans {
  year: number;
  /** Every area of the organisation, by name. */
  serviceAreas: Array<{ id: string; name: string }>;
  plans: TrainingPlanView[];
}
