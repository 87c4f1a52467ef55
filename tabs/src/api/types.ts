/**
 * What the tabs' API answers, as the pages use it: the service's own wire contract (`bot/src/contract/`) and the
 * domain's constants, imported at build time. A field the service renames or drops fails the tabs' typecheck,
 * so the two sides cannot drift apart (the bundler takes only the constants; the types are erased).
 */
import type { ClockPhase, ServiceAreaClockOverride } from '../../../bot/src/domain/annual-clock';
import type { ClockEditorError, ClockEditorView, ServiceAreaRuleView } from '../../../bot/src/contract/clock';

export { ROLES, type AlternatingYearRule, type Role } from '../../../bot/src/domain/organisation';
export type { LocalisedText } from '../../../bot/src/domain/locale';
export {
  DISCUSSION_STATUSES,
  type DiscussionStatus,
  type Goal,
  type GoalStatus,
  type LearningGoal,
  type LearningWay,
} from '../../../bot/src/domain/development-discussion';
export type { YearConversations } from '../../../bot/src/domain/discussion-year-rules';
export { DELIVERY_STATES, type DeliveryState } from '../../../bot/src/domain/delivery-state';

export type { Me, MyCompetence } from '../../../bot/src/contract/personal';
export type {
  DateWindow,
  DiscussionState,
  GroupDiscussionStart,
  LedTeam,
  MeetingOutcome,
  OutcomeCode as DeliveryOutcome,
  ReportRow,
  TeamOverviewPage,
} from '../../../bot/src/contract/team';
export type { RoundProgress, SendProgress, SendsPage } from '../../../bot/src/contract/hr';
export type {
  HeatmapCell,
  HeatmapRow,
  NeedFigure,
  PublishedSummaries,
  PublishedSummary,
  SummaryFigures,
} from '../../../bot/src/contract/summaries';

/** The clock as HR edits it: month-days, not dates of a year. */
export type ClockPhaseSetting = ClockPhase;
export type ClockOverride = ServiceAreaClockOverride;
export type ClockSettings = ClockEditorView['clock'];
export type ServiceAreaRule = ServiceAreaRuleView;
export type ClockEditorData = ClockEditorView;
export type ClockValidationError = ClockEditorError;

export interface ServiceAreaName {
  id: string;
  name: string;
}
