/**
 * What the scheduler reads about an organisation on a day: its structure, and for each year concerned the
 * progress of that year's conversations and plans (only the fields the reminders need).
 */
import type { DevelopmentDiscussion } from './development-discussion';
import type { GroupCompetenceDiscussion } from './group-discussion';
import type { Organisation, Person, ServiceArea, Team } from './organisation';
import type { TrainingPlan } from './training-plan';

export interface DiscussionProgress extends Pick<
  DevelopmentDiscussion,
  'employeeId' | 'supervisorId' | 'status'
> {
  /** The meeting's date in the organisation's time zone, once scheduled. */
  meetingDate: string | null;
}

export interface YearProgress {
  developmentDiscussions: DiscussionProgress[];
  groupDiscussions: Array<Pick<GroupCompetenceDiscussion, 'teamId' | 'status'>>;
  trainingPlans: Array<Pick<TrainingPlan, 'scope' | 'serviceAreaId' | 'status'>>;
}

export interface OrganisationSnapshot {
  organisation: Pick<Organisation, 'tenantId' | 'defaultLocale'>;
  serviceAreas: ServiceArea[];
  teams: Team[];
  people: Person[];
  /** By year; a year that is missing has nothing done yet. */
  progress: ReadonlyMap<number, YearProgress>;
}

export const NO_PROGRESS: YearProgress = {
  developmentDiscussions: [],
  groupDiscussions: [],
  trainingPlans: [],
};
