/**
 * The coaching question bank (valmentavat kysymykset; seed 001, Järvenpää's coaching-leadership toolkit): the
 * questions the supervisor's discussion card offers on each step, two or three per step, in Finnish, Swedish
 * and English. Each organisation starts from the built-in bank (built-in-coaching-questions.json) and HR may
 * edit its own in the HR tab.
 */
import { z } from 'zod';
import { STEP_KEYS, type StepKey } from './discussion-steps';
import type { Locale, LocalisedText } from './locale';
import builtIn from './built-in-coaching-questions.json';

export const MIN_QUESTIONS_PER_STEP = 2;
export const MAX_QUESTIONS_PER_STEP = 3;
/** A question is one or two sentences; the bound also keeps a bank far within a table row's 64 KiB. */
export const MAX_QUESTION_LENGTH = 300;

export type CoachingBank = Record<StepKey, LocalisedText[]>;

const text = z.string().trim().min(1).max(MAX_QUESTION_LENGTH);
export const coachingQuestionSchema = z.strictObject({ fi: text, sv: text, en: text });
const questionsSchema = z
  .array(coachingQuestionSchema)
  .min(MIN_QUESTIONS_PER_STEP)
  .max(MAX_QUESTIONS_PER_STEP);

/** A whole bank: every step, each with two or three questions, each in every language. */
export const coachingBankSchema = z.strictObject(
  Object.fromEntries(STEP_KEYS.map((key) => [key, questionsSchema])) as Record<
    StepKey,
    typeof questionsSchema
  >,
);

export const BUILT_IN_COACHING_BANK: CoachingBank = coachingBankSchema.parse(builtIn.questions);

export function coachingQuestions(bank: CoachingBank, step: StepKey, locale: Locale): string[] {
  return bank[step].map((question) => question[locale]);
}
