/**
 * The wire contract of HR's summaries desk (`/api/v1/hr/summaries…`, `/api/v1/hr/channels`): the service areas'
 * summaries with their channels, one summary with what anonymity held back and the card the channel would get,
 * and the channels the bot knows. The service answers these shapes and the tabs read them through the same
 * declarations (`tabs/src/api/hrDesk.ts`), so the two cannot drift apart. Pure types: only the domain is imported.
 */
import type { GroupTheme } from '../domain/group-discussion';
import type { ServiceAreaSummary, SummaryEvent, SummaryPostFailure } from '../domain/summary';

/** A Teams channel the bot knows (its name as Teams last told it; null: not yet known). */
export interface LinkedChannel {
  teamId: string;
  channelId: string;
  channelName: string | null;
}

/** Why the last publish's post did not arrive (the kept post's id stays the server's own). */
export type PostFailure = Pick<SummaryPostFailure, 'at' | 'reason'>;

/** `GET /api/v1/hr/summaries?year=`: a row per service area. */
export interface SummaryRow {
  serviceArea: { id: string; name: string };
  channel: LinkedChannel | null;
  status: ServiceAreaSummary['status'] | null;
  publishedAt: string | null;
  postFailure: PostFailure | null;
}

export interface SummariesOverview {
  year: number;
  serviceAreas: SummaryRow[];
}

export interface SummaryEventView extends SummaryEvent {
  /** Null for someone no longer in the organisation's data. */
  byName: string | null;
}

export interface SummaryView {
  serviceAreaId: string;
  year: number;
  status: ServiceAreaSummary['status'];
  conclusions: Partial<Record<GroupTheme, string[]>>;
  publishedAt: string | null;
  postFailure: PostFailure | null;
  /** Newest first. */
  history: SummaryEventView[];
  etag: string;
}

/** What anonymity held back in the area's figures: how many, never what. */
export interface SuppressedCounts {
  /** The whole area is under the threshold: no figure is shown. */
  areaBelowThreshold: boolean;
  /** Competence figures (self, supervisor, need) not shown because too few answered. */
  competenceFigures: number;
  /** Teams combined into one heatmap row because each was under the threshold. */
  teamsCombined: number;
  /** Heatmap cells not shown. */
  heatmapCells: number;
  /** Kinds of coaching or work-supervision requests not shown. */
  developmentActions: number;
  /** Why cells were hidden (docs/anonymity.md), counts only; null for figures stored before they were kept. */
  reasons: { small: number; change: number; hierarchy: number; complementary: number } | null;
  /** When the figures were released (the aggregates advance in steps of at least the threshold). */
  releasedAt: string | null;
}

/** `GET /api/v1/hr/summaries/:year/:serviceAreaId`, and the answer of each step of its workflow. */
export interface SummaryDetail {
  year: number;
  serviceArea: { id: string; name: string };
  threshold: number;
  channel: LinkedChannel | null;
  summary: SummaryView | null;
  respondents: number | null;
  suppressed: SuppressedCounts;
  /** The Adaptive Card the channel would get. */
  preview: Record<string, unknown> | null;
  /** The channel tab's publications; `releasedAt`: when their frozen figures were released (null: unknown). */
  publications: Array<{ year: number; publishedAt: string; releasedAt: string | null }>;
  /** After a publish: `delivered`, or why the card did not arrive. */
  posted?: string;
}

/** `GET /api/v1/hr/channels`: the teams and channels the bot is in. */
export interface KnownChannels {
  channels: LinkedChannel[];
}
