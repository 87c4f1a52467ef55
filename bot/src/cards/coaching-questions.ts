/**
 * The coaching question bank (seed 001, Järvenpää's coaching-leadership toolkit): questions the supervisor's
 * card offers on each step. The bank is data in coaching-questions.json, checked when the module loads.
 */
import { z } from 'zod';
import type { Locale } from '../domain/locale';
import bank from './coaching-questions.json';
import { STEP_KEYS, type StepKey } from './discussion-steps';

const question = z.object({ fi: z.string().min(1), sv: z.string().min(1), en: z.string().min(1) });
const schema = z.object({
  questions: z.object(
    Object.fromEntries(STEP_KEYS.map((key) => [key, z.array(question).min(2).max(3)])) as Record<
      StepKey,
      z.ZodArray<typeof question>
    >,
  ),
});

const questions = schema.parse(bank).questions;

export function coachingQuestions(step: StepKey, locale: Locale): string[] {
  return questions[step].map((entry) => entry[locale]);
}
