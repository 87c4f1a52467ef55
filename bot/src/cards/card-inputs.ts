/**
 * What the cards' inputs send back, validated with zod before anything is stored: bounded lengths from the
 * domain's content limits (so records stay within Table Storage's limits), ratings within the framework's
 * scale, required fields, and no control or bidirectional-override characters in free text. A problem is
 * reported per input id as a message key, shown next to the field.
 */
import { z } from 'zod';
import type { RatingScale } from '../domain/competence';
import { isCalendarDate } from '../domain/calendar';
import {
  MAX_GOAL_TEXT_LENGTH,
  MAX_ID_LENGTH,
  MAX_REOPEN_REASON_LENGTH,
  MAX_SECTION_TEXT_LENGTH,
} from '../domain/content-limits';
import {
  GOAL_STATUSES,
  LEARNING_WAYS,
  type DiscussionSection,
  type Goal,
  type GoalStatus,
  type LearningGoal,
} from '../domain/development-discussion';
import type { MessageKey } from '../i18n/translate';
import { hasForbiddenCharacters } from '../domain/free-text';
import { VERBS } from './verbs';

/**
 * The verbs whose every free-text input goes through `text()` below, so a control character is shown next to
 * its field; for every other verb the card-action dispatch refuses such text before the handler runs and shows
 * it under the field on the card as it stands (app.ts, cards/field-refusal.ts).
 */
export const VERBS_CHECKING_TEXT_BY_FIELD: ReadonlySet<string> = new Set(Object.values(VERBS));

export const inputIds = {
  section: (section: DiscussionSection): string => `s_${section}`,
  rating: (competenceId: string): string => `r_${competenceId}`,
  goalText: (slot: number): string => `g${slot}_text`,
  goalStatus: (slot: number): string => `g${slot}_status`,
  learningText: (slot: number): string => `l${slot}_text`,
  learningWay: (slot: number): string => `l${slot}_way`,
  learningStatus: (slot: number): string => `l${slot}_status`,
  followUp: (index: number): string => `f${index}`,
  meetingDate: 'meetingDate',
  meetingTime: 'meetingTime',
  reopenReason: 'reopenReason',
};

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Input id → what is wrong with it. */
export type FieldErrors = Record<string, FieldError>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

type Inputs = Record<string, unknown>;

/** The ids every discussion card carries in its actions' data: which record, and the version it showed. */
export const cardRefSchema = z.object({
  employeeId: z.string().min(1).max(MAX_ID_LENGTH),
  year: z.number().int().min(2000).max(9999),
  etag: z.string().max(200).default(''),
});
export type CardRef = z.infer<typeof cardRefSchema>;

export const stepRequestSchema = cardRefSchema.extend({
  step: z.number().int().min(1).max(20).default(1),
  go: z.enum(['next', 'back', 'review']).default('next'),
  /** The ids of the goal slots the card showed, in order (new slots get their id when rendered). */
  goalSlots: z.array(z.string().min(1).max(MAX_ID_LENGTH)).max(20).default([]),
  learningSlots: z.array(z.string().min(1).max(MAX_ID_LENGTH)).max(20).default([]),
});
export type StepRequest = z.infer<typeof stepRequestSchema>;

export const followUpRequestSchema = cardRefSchema.extend({
  goalIds: z.array(z.string().min(1).max(MAX_ID_LENGTH)).max(40).default([]),
});

/**
 * Schemas built once per shape rather than per field of every submit (building one costs more than using it).
 * The shapes are few: the domain's length limits, its option lists, the frameworks' scales.
 */
function memo<A, V>(keyOf: (arg: A) => unknown, build: (arg: A) => V): (arg: A) => V {
  const built = new Map<unknown, V>();
  return (arg) => {
    const key = keyOf(arg);
    let value = built.get(key);
    if (value === undefined) {
      value = build(arg);
      built.set(key, value);
    }
    return value;
  };
}

const textSchema = memo(
  (max: number) => max,
  (max) => z.string().max(max).optional(),
);
const choiceSchema = memo(
  (options: readonly string[]) => options,
  (options) => z.enum(options as [string, ...string[]]),
);
const ratingSchema = memo(
  (scale: RatingScale) => `${scale.min}..${scale.max}`,
  (scale) => z.coerce.number().int().min(scale.min).max(scale.max),
);

/** A text input: absent and blank are the same; too long is an error that names the limit. */
function text(inputs: Inputs, id: string, max: number, errors: FieldErrors): string {
  const parsed = textSchema(max).safeParse(inputs[id]);
  if (!parsed.success) {
    errors[id] =
      typeof inputs[id] === 'string'
        ? { key: 'cards.error.textTooLong', params: { max } }
        : { key: 'cards.error.invalid' };
    return '';
  }
  if (parsed.data !== undefined && hasForbiddenCharacters(parsed.data)) {
    errors[id] = { key: 'cards.error.controlCharacters' };
    return '';
  }
  return (parsed.data ?? '').trim();
}

function choice<T extends string>(
  inputs: Inputs,
  id: string,
  options: readonly T[],
  errors: FieldErrors,
): T | null {
  const value = inputs[id];
  if (value === undefined || value === '') return null;
  const parsed = choiceSchema(options).safeParse(value);
  if (!parsed.success) errors[id] = { key: 'cards.error.invalid' };
  return parsed.success ? (parsed.data as T) : null;
}

function result<T>(value: T, errors: FieldErrors): Parsed<T> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

export function parseSections(
  inputs: Inputs,
  sections: readonly DiscussionSection[],
): Parsed<Partial<Record<DiscussionSection, string>>> {
  const errors: FieldErrors = {};
  const texts = Object.fromEntries(
    sections.map((section) => [
      section,
      text(inputs, inputIds.section(section), MAX_SECTION_TEXT_LENGTH, errors),
    ]),
  );
  return result(texts, errors);
}

/** Ratings as chosen on the card: "" means not rated yet; anything else must be a whole step of the scale. */
export function parseRatings(
  inputs: Inputs,
  competenceIds: readonly string[],
  scale: RatingScale,
): Parsed<Record<string, number>> {
  const errors: FieldErrors = {};
  const ratings: Record<string, number> = {};
  const rating = ratingSchema(scale);
  for (const competenceId of competenceIds) {
    const id = inputIds.rating(competenceId);
    const value = inputs[id];
    if (value === undefined || value === '') continue;
    const parsed = typeof value === 'string' || typeof value === 'number' ? rating.safeParse(value) : null;
    if (parsed?.success) ratings[competenceId] = parsed.data;
    else errors[id] = { key: 'cards.error.ratingOutOfScale', params: { min: scale.min, max: scale.max } };
  }
  return result(ratings, errors);
}

/** Goals typed into slots; a slot left blank is no goal. Existing goals keep their id and status. */
export function parseGoals(inputs: Inputs, slotIds: readonly string[]): Parsed<Goal[]> {
  const errors: FieldErrors = {};
  const goals: Goal[] = [];
  slotIds.forEach((id, slot) => {
    const goalText = text(inputs, inputIds.goalText(slot), MAX_GOAL_TEXT_LENGTH, errors);
    const status = choice(inputs, inputIds.goalStatus(slot), GOAL_STATUSES, errors) ?? 'open';
    if (goalText) goals.push({ id, text: goalText, status });
  });
  return result(goals, errors);
}

/** Learning goals typed into slots: a goal needs its way of learning (70-20-10). */
export function parseLearningGoals(
  inputs: Inputs,
  slotIds: readonly string[],
  withStatus: boolean,
): Parsed<LearningGoal[]> {
  const errors: FieldErrors = {};
  const goals: LearningGoal[] = [];
  slotIds.forEach((id, slot) => {
    const goalText = text(inputs, inputIds.learningText(slot), MAX_GOAL_TEXT_LENGTH, errors);
    const way = choice(inputs, inputIds.learningWay(slot), LEARNING_WAYS, errors);
    const status: GoalStatus = withStatus
      ? (choice(inputs, inputIds.learningStatus(slot), GOAL_STATUSES, errors) ?? 'open')
      : 'open';
    if (!goalText) return;
    if (!way) errors[inputIds.learningWay(slot)] ??= { key: 'cards.error.wayRequired' };
    else goals.push({ id, text: goalText, status, way });
  });
  return result(goals, errors);
}

export function parseMeetingTime(inputs: Inputs): Parsed<{ date: string; time: string }> {
  const errors: FieldErrors = {};
  const date = inputs[inputIds.meetingDate];
  const time = inputs[inputIds.meetingTime];
  if (typeof date !== 'string' || !isCalendarDate(date)) {
    errors[inputIds.meetingDate] = { key: date ? 'cards.error.invalid' : 'cards.error.required' };
  }
  if (typeof time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    errors[inputIds.meetingTime] = { key: time ? 'cards.error.invalid' : 'cards.error.required' };
  }
  return result({ date: String(date), time: String(time) }, errors);
}

export function parseReopenReason(inputs: Inputs): Parsed<string> {
  const errors: FieldErrors = {};
  const reason = text(inputs, inputIds.reopenReason, MAX_REOPEN_REASON_LENGTH, errors);
  if (!reason && !errors[inputIds.reopenReason])
    errors[inputIds.reopenReason] = { key: 'cards.error.required' };
  return result(reason, errors);
}

/** New statuses of the goals the follow-up card listed, by goal id. */
export function parseFollowUp(
  inputs: Inputs,
  goalIds: readonly string[],
): Parsed<Record<string, GoalStatus>> {
  const errors: FieldErrors = {};
  const statuses: Record<string, GoalStatus> = {};
  goalIds.forEach((goalId, index) => {
    const status = choice(inputs, inputIds.followUp(index), GOAL_STATUSES, errors);
    if (status) statuses[goalId] = status;
  });
  return result(statuses, errors);
}
