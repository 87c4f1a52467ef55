/** Who looks at a discussion card and what the card shows: the input every discussion view is built from. */
import type { CoachingBank } from '../domain/coaching-bank';
import type { CompetenceFramework } from '../domain/competence';
import type { DevelopmentDiscussion, DiscussionStatus } from '../domain/development-discussion';
import type { Locale } from '../domain/locale';
import type { MeetingRound } from '../domain/meeting-rules';
import type { Versioned } from '../storage/table-store';
import { translate } from '../i18n/translate';
import type { FieldErrors } from './card-inputs';
import type { ActionModel, Banner, RefreshModel } from './card-models';
import { formatDateTime } from '../domain/organisation-time';
import type { OwedAuditEntry } from './owed-audit-entry';
import { VERBS } from './verbs';
import { cardText } from './card-text';

export type Party = 'employee' | 'supervisor';

export interface DiscussionViewer {
  locale: Locale;
  party: Party;
  record: Versioned<DevelopmentDiscussion>;
  framework: CompetenceFramework;
  /** The other party's name: the supervisor for the employee, the employee for the supervisor. */
  otherName: string;
  /** Teams user ids (MRIs) of both parties that are known, for the card's automatic refresh. */
  userIds: string[];
  /** The organisation's coaching questions, for the supervisor's cards; null on the employee's. */
  coaching: CoachingBank | null;
  /** When the card is made: what it offers depends on the day (marking held, a proposed meeting day). */
  now: Date;
  /** The employee's round as the meeting rules see it, for the supervisor's scheduling; null for the employee. */
  meetingRound: MeetingRound | null;
  /** The audit entry this request owes for showing the discussion (written before the card is returned). */
  audit: OwedAuditEntry;
}

export type DiscussionView = { kind: 'step'; step: number } | { kind: 'summary' } | { kind: 'followUp' };

export interface ViewExtras {
  banner?: Banner | null;
  errors?: FieldErrors;
  /** The inputs as the user sent them, shown again when they were refused. */
  inputs?: Record<string, unknown>;
  /** What the user typed on a card that lost to someone else's save: shown beside the latest version. */
  unsaved?: Record<string, unknown>;
  /** The version the card claims; a refused submit keeps the one it was rendered from. */
  etag?: string;
  goalSlots?: string[];
  learningSlots?: string[];
}

/** What the supervisor sees of the preparation: nothing until the employee has submitted it. */
const SHARED_STATUSES: readonly DiscussionStatus[] = ['prepared', 'held', 'signed'];
/** What the employee sees of the supervisor's part: the record once the meeting is held. */
const RECORD_STATUSES: readonly DiscussionStatus[] = ['held', 'signed'];

export function preparationVisible(viewer: DiscussionViewer): boolean {
  return viewer.party === 'employee' || SHARED_STATUSES.includes(viewer.record.value.status);
}

export function supervisorPartVisible(viewer: DiscussionViewer): boolean {
  return viewer.party === 'supervisor' || RECORD_STATUSES.includes(viewer.record.value.status);
}

/** The ids a card's actions carry: which discussion and the version the card shows. */
export function cardRef(viewer: DiscussionViewer, extras: ViewExtras): Record<string, unknown> {
  const { employeeId, year } = viewer.record.value;
  return { employeeId, year, etag: extras.etag ?? viewer.record.etag };
}

export function refreshModel(viewer: DiscussionViewer, view: DiscussionView): RefreshModel {
  const { employeeId, year } = viewer.record.value;
  return {
    action: {
      type: 'Action.Execute',
      title: translate(viewer.locale, 'cards.action.refresh'),
      verb: VERBS.refresh,
      data: { employeeId, year, party: viewer.party, view },
    },
    userIds: viewer.userIds,
  };
}

export function action(title: string, verb: string, data: Record<string, unknown>): ActionModel {
  return { title, verb, data };
}

export function fieldError(viewer: DiscussionViewer, extras: ViewExtras, id: string): string {
  const error = extras.errors?.[id];
  return error ? translate(viewer.locale, error.key, error.params) : '';
}

/** The value to show in an input: what the user sent if the card comes back refused, else the stored one. */
export function inputValue(extras: ViewExtras, id: string, stored: string): string {
  const sent = extras.inputs?.[id];
  return typeof sent === 'string' ? sent : stored;
}

export function discussionTitle(viewer: DiscussionViewer): string {
  const { year } = viewer.record.value;
  return viewer.party === 'employee'
    ? translate(viewer.locale, 'cards.title.employee', { year })
    : translate(viewer.locale, 'cards.title.supervisor', { year, name: cardText(viewer.otherName) });
}

export function savedAt(viewer: DiscussionViewer): string {
  return translate(viewer.locale, 'cards.savedAt', {
    time: formatDateTime(viewer.record.value.updatedAt, viewer.locale),
  });
}

/** "Hyvä (3)": the scale's label for a rating. */
export function ratingText(viewer: DiscussionViewer, rating: number | undefined): string {
  if (rating === undefined) return translate(viewer.locale, 'cards.rating.none');
  const { scale } = viewer.framework;
  const label = scale.labels[rating - scale.min]?.[viewer.locale] ?? '';
  return label ? `${label} (${rating})` : String(rating);
}
