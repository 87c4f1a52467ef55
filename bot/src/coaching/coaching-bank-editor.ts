/**
 * HR's coaching-question editor: the organisation's bank (the built-in one until HR saves its own), and saving
 * it with the ETag that was read (http-kit/organisation-setting.ts).
 * The body lists the steps in order, so the tab can show them as they come.
 */
import { z } from 'zod';
import { saveOrganisationSetting } from '../http-kit/organisation-setting';
import { STEP_KEYS, type StepKey } from '../domain/discussion-steps';
import type { LocalisedText } from '../domain/locale';
import type { StoredCoachingBank } from '../storage/coaching-bank-repository';
import type { Repositories } from '../storage/repositories';
import type { Versioned } from '../storage/table-store';
import {
  BUILT_IN_COACHING_BANK,
  coachingQuestionSchema,
  MAX_QUESTION_LENGTH,
  MAX_QUESTIONS_PER_STEP,
  MIN_QUESTIONS_PER_STEP,
  type CoachingBank,
} from '../domain/coaching-bank';

/** Every step once, in the cards' order, with two or three questions. */
export const coachingBankBodySchema = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        key: z.enum(STEP_KEYS),
        questions: z.array(coachingQuestionSchema).min(MIN_QUESTIONS_PER_STEP).max(MAX_QUESTIONS_PER_STEP),
      }),
    )
    .length(STEP_KEYS.length)
    .refine((steps) => steps.every((step, index) => step.key === STEP_KEYS[index]), {
      message: 'every step once, in order',
    }),
});

export interface CoachingBankView {
  steps: Array<{ key: StepKey; questions: LocalisedText[] }>;
  /** False while the organisation uses the built-in bank. */
  stored: boolean;
  updatedAt: string | null;
  /** Null while nothing is saved. */
  etag: string | null;
  limits: { minPerStep: number; maxPerStep: number; maxLength: number };
}

type Repos = Pick<Repositories, 'coachingBanks'>;

function bankView(read: Versioned<StoredCoachingBank> | null): CoachingBankView {
  const bank = read?.value.questions ?? BUILT_IN_COACHING_BANK;
  return {
    steps: STEP_KEYS.map((key) => ({ key, questions: bank[key] })),
    stored: read !== null,
    updatedAt: read?.value.updatedAt ?? null,
    etag: read?.etag ?? null,
    limits: {
      minPerStep: MIN_QUESTIONS_PER_STEP,
      maxPerStep: MAX_QUESTIONS_PER_STEP,
      maxLength: MAX_QUESTION_LENGTH,
    },
  };
}

export async function coachingBank(repos: Repos, tenantId: string): Promise<CoachingBankView> {
  return bankView(await repos.coachingBanks.get(tenantId));
}

export async function saveCoachingBank(
  repos: Repos,
  tenantId: string,
  steps: z.infer<typeof coachingBankBodySchema>['steps'],
  ifMatch: string | null,
  by: { personId: string; at: Date },
): Promise<CoachingBankView> {
  const questions = Object.fromEntries(steps.map((step) => [step.key, step.questions])) as CoachingBank;
  const value = { questions, updatedBy: by.personId, updatedAt: by.at.toISOString() };
  return saveOrganisationSetting(repos.coachingBanks, tenantId, value, ifMatch, bankView);
}
