/**
 * The wire contract of the supervisor's team tab: the team overview (`GET /api/v1/team/discussions/:year`),
 * scheduling a development discussion and what became of its invitation, and starting a group discussion.
 * The service answers these shapes and the tabs read them through the same declarations
 * (`tabs/src/api/types.ts`), so the two cannot drift apart. Pure types: only the domain is imported.
 */
import type { DiscussionStatus } from '../domain/development-discussion';
import type { YearConversations } from '../domain/discussion-year-rules';
import type { GroupCompetenceDiscussion } from '../domain/group-discussion';
import type { TeamKind } from '../domain/organisation';

/** What became of a message the bot sent for the tab, as one word (each has its fi/sv/en text). */
export type OutcomeCode = 'delivered' | 'willRetry' | 'notInstalled' | 'removed' | 'blocked' | 'failed';

export interface DiscussionState {
  year: number;
  employeeId: string;
  status: DiscussionStatus;
  scheduledAt: string | null;
  etag: string;
}

/** Where the meeting went: the calendars through Graph, or an .ics in the invitation (with why, on a failure). */
export type CalendarOutcome =
  | { via: 'graph' }
  | { via: 'ics'; error?: { code: 'calendar.consentMissing' | 'calendar.unavailable'; message: string } };

/**
 * What the supervisor can send the employee themselves when the invitation could not arrive (no app, removed,
 * blocked, refused): Teams' meeting form pre-filled with the employee, and the meeting as an .ics from the API.
 */
export interface MeetingFallback {
  teamsMeetingLink: string;
  icsPath: string;
}

export interface MeetingOutcome {
  discussion: DiscussionState;
  invitation: OutcomeCode;
  calendar: CalendarOutcome;
  /** Set when the invitation did not arrive and will not be retried. */
  fallback: MeetingFallback | null;
}

export interface ReportRow {
  id: string;
  firstName: string;
  lastName: string;
  teamId: string;
  serviceAreaId: string;
  conversations: YearConversations;
  discussion: { status: DiscussionStatus; scheduledAt: string | null; etag: string } | null;
}

export interface LedTeam {
  id: string;
  name: string;
  kind: TeamKind;
  serviceAreaId: string;
  holdsGroupDiscussion: boolean;
  /** `posted`: its start card is in the team's channel (also when Teams took it only on a later retry). */
  groupDiscussion: { id: string; status: GroupCompetenceDiscussion['status']; posted: boolean } | null;
}

/** A window of dates: ISO dates of the year. */
export interface DateWindow {
  opens: string;
  closes: string;
}

export interface TeamOverviewPage {
  year: number;
  reports: ReportRow[];
  /** Development-discussion windows by service area. */
  windows: Record<string, DateWindow[]>;
  teams: LedTeam[];
  continuationToken?: string;
}

export interface GroupDiscussionStart {
  groupDiscussion: {
    id: string;
    year: number;
    teamId: string;
    status: GroupCompetenceDiscussion['status'];
    /** Its start card is in the channel (the thread is known). */
    posted: boolean;
  };
  created: boolean;
  /** What became of the card in the channel; `notInstalled` also when the tab is not in a channel. */
  posted: OutcomeCode;
}
