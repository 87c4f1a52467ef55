/** The development discussion (kehityskeskustelu) between a supervisor and an employee. */

/** The seed's discussion sections (keskusteluosio). */
export const DISCUSSION_SECTIONS = [
  'pastYearReview', // kuluneen työvuoden arviointi
  'wellbeing', // hyvinvointi ja työssä jaksaminen
  'currentCompetence', // nykyinen osaaminen ja sen hyödyntäminen
  'futureNeeds', // tulevaisuuden osaamistarpeet ja toiveet
  'developmentSupport', // kehittämistarpeet ja tuki
  'supervisorCompetence', // esihenkilöosaaminen — only in a supervisor's own discussion
  'otherMatters', // muut asiat: palaute ja odotukset esihenkilölle
] as const;
export type DiscussionSection = (typeof DISCUSSION_SECTIONS)[number];

export const DISCUSSION_STATUSES = ['notScheduled', 'scheduled', 'prepared', 'held', 'signed'] as const;
export type DiscussionStatus = (typeof DISCUSSION_STATUSES)[number];

/** 70-20-10: learning at work, from others, formal training. */
export const LEARNING_WAYS = ['70', '20', '10'] as const;
export type LearningWay = (typeof LEARNING_WAYS)[number];

export const GOAL_STATUSES = ['open', 'inProgress', 'done', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface Goal {
  id: string;
  text: string;
  status: GoalStatus;
}

export interface LearningGoal extends Goal {
  way: LearningWay;
}

export interface Signature {
  personId: string;
  at: string;
}

export interface Reopening {
  by: string;
  at: string;
  reason: string;
}

export interface CancelledMeeting {
  scheduledAt: string;
  minutes: number;
  cancelledAt: string;
  /** The cancellation's iCalendar SEQUENCE: above the invitation's, even within the same second. */
  sequence: number;
}

export interface DevelopmentDiscussion {
  tenantId: string;
  year: number;
  employeeId: string;
  supervisorId: string;
  serviceAreaId: string;
  status: DiscussionStatus;
  /** ISO date-time of the meeting, once scheduled. */
  scheduledAt: string | null;
  /** The meeting's event in the supervisor's calendar (Graph's id), when Graph created one. */
  calendarEventId?: string | null;
  /** The meeting's length in minutes as the supervisor set it (for the .ics); absent on older records. */
  meetingMinutes?: number;
  /**
   * The meeting the supervisor last called off (its start, length and when it was cancelled), so its .ics
   * cancellation (RFC 5546 METHOD:CANCEL) can still be downloaded; cleared when a new time is set.
   */
  cancelledMeeting?: CancelledMeeting | null;
  /** Whether the supervisor-competence section applies (the employee is a supervisor). */
  includesSupervisorSection: boolean;
  /** The employee's preparation, by section. */
  preparation: Partial<Record<DiscussionSection, string>>;
  /** The supervisor's notes, by section. */
  supervisorNotes: Partial<Record<DiscussionSection, string>>;
  /** Competence id → rating on the framework's scale. */
  selfRatings: Record<string, number>;
  supervisorRatings: Record<string, number>;
  goals: Goal[];
  learningGoals: LearningGoal[];
  /** Learning goals the employee proposes in the preparation; the agreed ones are `learningGoals`. */
  proposedLearningGoals: LearningGoal[];
  employeeSignature: Signature | null;
  supervisorSignature: Signature | null;
  reopenings: Reopening[];
  /** ISO date-time of the last change ("saved at"). */
  updatedAt: string;
}
