/** HR's summary (koonti) of a service area's group discussions and assessments, published to its channel. */
import type { GroupTheme } from './group-discussion';

export interface CompetenceDistribution {
  competenceId: string;
  /** Rating → count; omitted when the group is below the anonymity threshold. */
  self: Record<string, number>;
  supervisor: Record<string, number>;
  respondents: number;
}

export interface ServiceAreaSummary {
  tenantId: string;
  serviceAreaId: string;
  year: number;
  status: 'draft' | 'published';
  conclusions: Partial<Record<GroupTheme, string[]>>;
  competences: CompetenceDistribution[];
  learningWaySplit: Record<'70' | '20' | '10', number>;
  /** When the version the channel shows was published (kept while a revised draft is edited). */
  publishedAt: string | null;
  publishedBy: string | null;
  /**
   * The last publish whose channel post did not arrive: the summary stayed a draft. `reason` is the poster's
   * outcome code (`noConversation`: the bot is not in the channel's team; `failed`: Teams refused the post;
   * `willRetry`: Teams asked to wait, and the post is kept and retried by itself — when it arrives, the summary
   * becomes published; when it finally does not arrive, the reason becomes why). Cleared by a publish that
   * arrives. Absent on summaries stored before it existed.
   */
  postFailure?: SummaryPostFailure | null;
  /** The published version's post in the channel: its thread (`19:…;messageid=…`) and activity. */
  channelPost?: SummaryChannelPost | null;
  /** What happened to the summary, oldest first (at most MAX_SUMMARY_HISTORY entries). */
  history?: SummaryEvent[];
  /**
   * How many of the draft's figures anonymity hid, by reason (never their values), so HR can tell a small area
   * why its figures roll up. Absent on summaries drafted before it was kept.
   */
  suppressed?: SummarySuppression | null;
}

/** Hidden cells by reason (docs/anonymity.md): counts only. */
export interface SummarySuppression {
  /** The value itself is under the threshold. */
  small: number;
  /** The change since the previous release is under the threshold. */
  change: number;
  /** The same figure is hidden at the level above (the city). */
  hierarchy: number;
  /** Hidden so that another hidden figure cannot be worked out by subtraction. */
  complementary: number;
  /** The whole area is under the threshold: nothing is shown of it. */
  wholeGroup: boolean;
}

export interface SummaryChannelPost {
  conversationId: string;
  activityId: string;
}

export interface SummaryPostFailure {
  at: string;
  reason: string;
  /** For `willRetry`: the kept post (fanout/proactive-retries.ts), withdrawn when HR publishes again. */
  keptId?: string;
}

export const SUMMARY_EVENT_ACTIONS = ['published', 'postFailed', 'revised'] as const;

export interface SummaryEvent {
  action: (typeof SUMMARY_EVENT_ACTIONS)[number];
  at: string;
  by: string;
  /** For `postFailed`: why the post did not arrive. */
  reason: string | null;
}

export const MAX_SUMMARY_HISTORY = 50;

/** The history with one more event, the oldest dropped beyond the cap. */
export function withEvent(summary: Pick<ServiceAreaSummary, 'history'>, event: SummaryEvent): SummaryEvent[] {
  return [...(summary.history ?? []), event].slice(-MAX_SUMMARY_HISTORY);
}
