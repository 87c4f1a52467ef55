/**
 * The wire contract of the published summaries (koonnit) a service area's channel tab shows
 * (`GET /api/v1/channel/summaries`): what HR published, frozen at publishing, with anonymous figures only.
 * The service answers these shapes and the tabs read them through the same declarations
 * (`tabs/src/api/types.ts`), so the two cannot drift apart. Pure: only the domain is imported.
 */
import type { GROUP_THEMES } from '../domain/group-discussion';
import type { SummaryFigures } from '../domain/summary-figures';

export type {
  CompetenceFigures,
  HeatmapCell,
  HeatmapRow,
  NeedFigure,
  RatingFigure,
  SummaryFigures,
} from '../domain/summary-figures';

/** A summary as HR published it to the service area's channel. */
export interface PublishedSummary {
  serviceAreaId: string;
  serviceAreaName: string;
  year: number;
  /** The channel tab's deep-link page of the year ("summary-2026"). */
  subEntityId: string;
  publishedAt: string;
  conclusions: Partial<Record<(typeof GROUP_THEMES)[number], string[]>>;
  figures: SummaryFigures;
}

/** A service area's published summaries, newest first. */
export interface PublishedSummaries {
  serviceArea: { id: string; name: string };
  publications: PublishedSummary[];
}
