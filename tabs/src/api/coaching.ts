/** HR's coaching question bank (valmentavat kysymykset) that the supervisor's discussion card offers per step. */
import { STEP_KEYS, type StepKey } from '../../../bot/src/domain/discussion-steps';
import { LOCALES, type Locale } from '../../../bot/src/domain/locale';
import type { ApiClient } from './client';
import { expectShape } from './shape';

/** The development discussion's steps, in the order the cards show them, and the questions' languages. */
export const COACHING_STEP_KEYS = STEP_KEYS;
export type CoachingStepKey = StepKey;
export const QUESTION_LANGUAGES = LOCALES;
export type QuestionLanguage = Locale;
export type CoachingQuestion = Record<QuestionLanguage, string>;

export interface CoachingStep {
  key: CoachingStepKey;
  questions: CoachingQuestion[];
}

export interface CoachingQuestionBankView {
  /** Every step once, in the cards' order. */
  steps: CoachingStep[];
  /** False while the organisation uses the built-in questions. */
  stored: boolean;
  updatedAt: string | null;
  /** Null while nothing is stored. */
  etag: string | null;
  limits: { minPerStep: number; maxPerStep: number; maxLength: number };
}

const PATH = '/api/v1/hr/coaching-questions';

export async function fetchCoachingQuestions(
  api: ApiClient,
  signal: AbortSignal,
): Promise<CoachingQuestionBankView> {
  return expectShape<CoachingQuestionBankView>(
    await api.get(PATH, {}, signal),
    ['steps'],
    'coaching questions',
  );
}

/** Saves the whole bank with the ETag that was read; a 409 carries what is stored now in `details.latest`. */
export async function saveCoachingQuestions(
  api: ApiClient,
  steps: CoachingStep[],
  etag: string | null,
): Promise<CoachingQuestionBankView> {
  return expectShape<CoachingQuestionBankView>(
    await api.send('PUT', PATH, { body: { steps }, ifMatch: etag }),
    ['steps'],
    'coaching questions',
  );
}
