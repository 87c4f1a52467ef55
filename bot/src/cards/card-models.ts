/** The typed view models the card templates (templates/*.json) are expanded from. */

export type TextColor = 'Default' | 'Attention' | 'Warning' | 'Good' | 'Accent';

export interface Banner {
  text: string;
  color: TextColor;
}

export interface ActionModel {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Automatic refresh for the two parties: each gets their own view of the discussion when the card shows. */
export interface RefreshModel {
  action: { type: 'Action.Execute'; title: string; verb: string; data: Record<string, unknown> };
  userIds: string[];
}

export interface Choice {
  title: string;
  value: string;
}

export interface TextFieldModel {
  id: string;
  label: string;
  maxLength: number;
  value: string;
  error: string;
  /** The employee's preparation for this section, shown to the supervisor above their own notes. */
  referenceLabel: string;
  reference: string;
  /** After a conflict: the user's own text that was not saved ('' when none). */
  unsavedLabel: string;
  unsaved: string;
}

export interface RatingFieldModel {
  id: string;
  label: string;
  description: string;
  value: string;
  choices: Choice[];
  /** Shown while nothing is chosen. */
  placeholder: string;
  /** The employee's own rating, shown to the supervisor. */
  selfText: string;
  differs: boolean;
  differsText: string;
  error: string;
}

export interface GoalSlotModel {
  label: string;
  textId: string;
  maxLength: number;
  text: string;
  textError: string;
  /** Empty when the slot has no way of learning (a plain goal). */
  wayId: string;
  wayLabel: string;
  way: string;
  wayChoices: Choice[];
  wayError: string;
  /** Empty when the slot has no status (the employee's proposals). */
  statusId: string;
  statusLabel: string;
  status: string;
  statusChoices: Choice[];
}

export interface StepCardModel {
  refresh: RefreshModel;
  title: string;
  progress: string;
  banner: Banner | null;
  intro: string;
  questionsTitle: string;
  questions: string[];
  textFields: TextFieldModel[];
  ratings: RatingFieldModel[];
  proposalsTitle: string;
  proposals: string[];
  goalSlots: GoalSlotModel[];
  savedAt: string;
  actions: ActionModel[];
}

export interface SummaryEntry {
  label: string;
  text: string;
  color: TextColor;
}

export interface SummaryPart {
  title: string;
  /** Shown when the part has no entries. */
  empty: string;
  entries: SummaryEntry[];
}

export interface ScheduleInputsModel {
  /** The round's development-discussion window in words; '' when unknown. */
  window: string;
  /** The window's first and last day (ISO), the date input's bounds (the round's year without a window). */
  dateMin: string;
  dateMax: string;
  dateId: string;
  dateLabel: string;
  date: string;
  dateError: string;
  timeId: string;
  timeLabel: string;
  time: string;
  timeError: string;
}

export interface ReasonInputModel {
  id: string;
  label: string;
  maxLength: number;
  value: string;
  error: string;
}

export interface SummaryCardModel {
  refresh: RefreshModel;
  title: string;
  banner: Banner | null;
  facts: Array<{ title: string; value: string }>;
  hint: string;
  parts: SummaryPart[];
  schedule: ScheduleInputsModel | null;
  reason: ReasonInputModel | null;
  actions: ActionModel[];
}

export interface FollowUpCardModel {
  refresh: RefreshModel;
  title: string;
  banner: Banner | null;
  intro: string;
  goals: Array<{ id: string; label: string; value: string; choices: Choice[]; error: string }>;
  savedAt: string;
  actions: ActionModel[];
}

export interface MyTeamRowModel {
  name: string;
  status: string;
  color: TextColor;
  openTitle: string;
  verb: string;
  data: Record<string, unknown>;
}

export interface MyTeamCardModel {
  title: string;
  subtitle: string;
  rows: MyTeamRowModel[];
  more: string;
}

export interface NoticeCardModel {
  title: string;
  text: string;
  color: TextColor;
}

/** A reminder of the annual clock (clock/reminder-card.ts): the in-place button, if its action has one, and the tab. */
export interface ReminderCardModel {
  title: string;
  body: string;
  execute: ActionModel | null;
  open: { title: string; url: string };
}

/** A development discussion scheduled, moved or cancelled (api/invitation-message.ts). */
export interface InvitationCardModel {
  title: string;
  body: string;
  timeLabel: string;
  /** The meeting's start, ISO 8601 without milliseconds: Teams shows it in the reader's own time zone. */
  start: string;
  /** Not for a cancellation. */
  duration: { title: string; value: string } | null;
  calendarNote: string;
  /** Teams' meeting form, unless Graph already put the event in the calendars (and never for a cancellation). */
  meetingLink: { title: string; url: string } | null;
  /** The preparation, opened in place (not for a cancellation). */
  prepare: ActionModel | null;
}

/** The channel post that opens a team's group competence discussion (group-discussions/group-discussion-start.ts). */
export interface GroupDiscussionStartCardModel {
  title: string;
  body: string;
  /** The themes as a Markdown list. */
  themes: string;
}
