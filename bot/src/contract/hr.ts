/**
 * The wire contract of HR's round figures: progress of the round by service area (`GET /api/v1/hr/progress`)
 * and the reminder sends with their counts (`GET /api/v1/hr/sends`). The service answers these shapes and the
 * tabs read them through the same declarations (`tabs/src/api/types.ts`), so the two cannot drift apart.
 * Pure types: only the domain is imported.
 */
import type { StateCounts } from '../domain/delivery-state';
import type { DiscussionStatus } from '../domain/development-discussion';

export interface AreaProgress {
  id: string;
  name: string;
  /** Null when the area is too small to show (below the anonymity threshold). */
  due: number | null;
  counts: Record<DiscussionStatus, number> | null;
  /** When the counts were released (null: not yet, fewer than the threshold moved; then counts is null). */
  releasedAt: string | null;
}

export interface RoundProgress {
  year: number;
  anonymityThreshold: number;
  serviceAreas: AreaProgress[];
}

/** A send's progress: counts by state while it runs and afterwards. */
export interface CampaignProgress {
  campaignId: string;
  label: string;
  createdAt: string;
  total: number;
  counts: StateCounts;
  /** Deliveries that may have reached their recipient twice (the worker's lease ran out mid-request). */
  uncertain: number;
  /** Every delivery is in a final state. */
  finished: boolean;
}

/** A send as HR's sends list shows it: its progress and what the annual clock made it for. */
export interface SendProgress extends Omit<CampaignProgress, 'total' | 'counts' | 'uncertain'> {
  /** The clock's day of the send (else the day it was created). */
  date: string;
  /** The reminder kind, or the campaign's label when the clock did not make it. */
  kind: string;
  /** Empty when the clock did not make the campaign. */
  phaseId: string;
  /** The audience, or the escalation step. */
  scope: string;
  /** Null: not shown, as it would tell how many finished since the series' last send shown (anonymity, rule 10). */
  total: number | null;
  counts: StateCounts | null;
  uncertain: number | null;
}

/** A page of HR's sends, newest first. */
export interface SendsPage {
  sends: SendProgress[];
  continuationToken?: string;
}
