/** What the tabs' API answers, as the pages use it (the service's own types live in bot/src/api). */
import type { Level, PhaseKind } from '../clock/model';
import type { Locale } from '../i18n/locale';

export const ROLES = [
  'employee',
  'supervisor',
  'serviceAreaManagementTeam',
  'cityManagementTeam',
  'hr',
  'cooperationCommittee',
] as const;
export type Role = (typeof ROLES)[number];

export type LocalisedText = Record<Locale, string>;

export interface Me {
  tenantId: string;
  person: {
    id: string;
    firstName: string;
    lastName: string;
    roles: Role[];
    locale: Locale;
    serviceAreaId: string;
    teamId: string;
  };
}

export const DISCUSSION_STATUSES = ['notScheduled', 'scheduled', 'prepared', 'held', 'signed'] as const;
export type DiscussionStatus = (typeof DISCUSSION_STATUSES)[number];
export type GoalStatus = 'open' | 'inProgress' | 'done' | 'dropped';
export type LearningWay = '70' | '20' | '10';

export interface Goal {
  id: string;
  text: string;
  status: GoalStatus;
}
export interface LearningGoal extends Goal {
  way: LearningWay;
}

export interface YearConversations {
  developmentDiscussion: boolean;
  groupDiscussion: boolean;
}

export interface MyCompetence {
  roundYear: number;
  conversations: YearConversations;
  discussions: Array<{
    year: number;
    status: DiscussionStatus;
    scheduledAt: string | null;
    supervisorName: string | null;
    goals: Goal[];
    learningGoals: LearningGoal[];
    updatedAt: string;
  }>;
  competences: Array<{
    id: string;
    name: LocalisedText;
    points: Array<{ year: number; self: number | null; supervisor: number | null }>;
  }>;
  scale: { min: number; max: number; labels: LocalisedText[] };
  upcoming: Array<{
    phaseId: string;
    kind: PhaseKind;
    level: Level;
    opens: string;
    closes: string;
    meetingAt: string | null;
  }>;
}

export interface DiscussionState {
  status: DiscussionStatus;
  scheduledAt: string | null;
  etag: string;
}

export interface ReportRow {
  id: string;
  firstName: string;
  lastName: string;
  teamId: string;
  serviceAreaId: string;
  conversations: YearConversations;
  discussion: DiscussionState | null;
}

export interface LedTeam {
  id: string;
  name: string;
  kind: string;
  serviceAreaId: string;
  holdsGroupDiscussion: boolean;
  groupDiscussion: { id: string; status: 'open' | 'concluded' } | null;
}

export interface DateWindow {
  opens: string;
  closes: string;
}

export interface TeamOverviewPage {
  year: number;
  reports: ReportRow[];
  windows: Record<string, DateWindow[]>;
  teams: LedTeam[];
  continuationToken?: string;
}

/** What became of a message the bot sent for the tab (the bot's OutcomeCode). */
export type DeliveryOutcome = 'delivered' | 'willRetry' | 'notInstalled' | 'removed' | 'blocked' | 'failed';

export interface MeetingOutcome {
  discussion: DiscussionState & { year: number; employeeId: string };
  invitation: DeliveryOutcome;
  /** Where the supervisor's calendar entry is: an event through Graph, or the invitation's .ics (with why). */
  calendar?: { via: 'graph' | 'ics'; error?: { code: string; message: string } };
  /** When the invitation could not arrive: Teams' meeting form pre-filled, and the meeting's .ics to send. */
  fallback?: { teamsMeetingLink: string; icsPath: string } | null;
}

export interface GroupDiscussionStart {
  groupDiscussion: { id: string; year: number; teamId: string; status: 'open' | 'concluded' };
  created: boolean;
  posted: DeliveryOutcome;
}

/** The clock as HR edits it: month-days, not dates of a year. */
export interface ClockPhaseSetting {
  id: string;
  kind: PhaseKind;
  level: Level;
  opens: string;
  closes: string;
  remindDaysBefore: number[];
  audience: Role[];
}

export interface ClockOverride {
  serviceAreaId: string;
  phases: Record<string, { opens?: string; closes?: string; remindDaysBefore?: number[] }>;
}

export interface ClockSettings {
  phases: ClockPhaseSetting[];
  overrides: ClockOverride[];
}

export interface AlternatingYearRule {
  individualDiscussionYears: 'even' | 'odd';
}

export interface ServiceAreaRule {
  id: string;
  name: string;
  alternatingYearRule: AlternatingYearRule | null;
  etag: string;
}

export interface ClockEditorData {
  clock: ClockSettings;
  etag: string | null;
  serviceAreas: ServiceAreaRule[];
}

export interface ClockValidationError {
  code: string;
  phaseId: string | null;
  serviceAreaId: string | null;
}

export interface RoundProgress {
  year: number;
  anonymityThreshold: number;
  serviceAreas: Array<{
    id: string;
    name: string;
    due: number | null;
    counts: Record<DiscussionStatus, number> | null;
    /** When the counts were released (in steps of at least the threshold); null: never released. */
    releasedAt: string | null;
  }>;
}

export const DELIVERY_STATES = [
  'pending',
  'sending',
  'sent',
  'blocked',
  'notInstalled',
  'failed',
  'noChannel',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface SendProgress {
  campaignId: string;
  date: string;
  kind: string;
  /** Empty for a send the annual clock did not make. */
  phaseId: string;
  createdAt: string;
  /** Null: not shown, as it would tell how many finished since the last reminder of its series shown. */
  total: number | null;
  counts: Record<DeliveryState, number> | null;
  uncertain: number | null;
  finished: boolean;
}

/** A page of HR's sends, newest first. */
export interface SendsPage {
  sends: SendProgress[];
  continuationToken?: string;
}

export interface ServiceAreaName {
  id: string;
  name: string;
}

/** A competence's figures for one row of the heatmap; null is "not shown" (under the anonymity threshold). */
export interface HeatmapCell {
  n: number | null;
  self: number | null;
  supervisor: number | null;
  /** Share (0–1) of those rated who have a development need in the competence. */
  needShare: number | null;
}

export interface HeatmapRow {
  /** A team of its own, or the teams too small to show combined (rolled up). */
  kind: 'group' | 'combined';
  groupId: string | null;
  name: string | null;
  groupCount: number;
  respondents: number;
  cells: Record<string, HeatmapCell>;
}

export interface NeedFigure {
  competenceId: string;
  rated: number;
  needs: number;
  share: number;
}

export interface SummaryFigures {
  threshold: number;
  /** Null when the whole area is under the threshold: nothing is shown. */
  respondents: number | null;
  competences: Array<{
    competenceId: string;
    name: LocalisedText;
    audience: 'allStaff' | 'supervisors';
    self: { n: number; mean: number } | null;
    supervisor: { n: number; mean: number } | null;
    previousYear: { self: number | null; supervisor: number | null };
  }>;
  heatmap: HeatmapRow[];
  needsRanking: NeedFigure[];
  learningWays: { counts: Record<LearningWay, number>; percent: Record<LearningWay, number> } | null;
}

/** A summary (koonti) as HR published it to the service area's channel. */
export interface PublishedSummary {
  year: number;
  /** The channel tab's deep-link page of the year ("summary-2026"). */
  subEntityId: string;
  publishedAt: string;
  conclusions: Partial<Record<string, string[]>>;
  figures: SummaryFigures;
}

/** A service area's published summaries, newest first. */
export interface PublishedSummaries {
  serviceArea: ServiceAreaName;
  publications: PublishedSummary[];
}
