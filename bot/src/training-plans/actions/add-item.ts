/** `trainingPlan.addItem`: a training need is added to the plan. */
import { z } from 'zod';
import type { CardActionHandler } from '../../cards/card-action';
import type { LearningWay } from '../../domain/development-discussion';
import type { TrainingPlanDeps } from '../training-plan-context';
import { newItemId, replaceItems } from '../training-plan-service';
import { planAction, saved } from './plan-action';

/** Loosely typed here: the plan's rules check the values and say what is wrong. */
const itemSchema = z.object({
  need: z.string().default(''),
  competenceId: z.string().max(128).default(''),
  way: z.string().default('10'),
  audience: z.string().default(''),
  /** Nothing typed (or what the card could not read as a number) is refused, never taken as 0. */
  headcount: z
    .union([z.number(), z.string()])
    .optional()
    .transform((value) =>
      value === undefined || (typeof value === 'string' && value.trim() === '') ? NaN : Number(value),
    ),
});

export function addItemAction(deps: TrainingPlanDeps): CardActionHandler {
  return planAction(deps, async (person, ref, etag, request) => {
    const parsed = itemSchema.safeParse(request.data);
    if (!parsed.success) return { key: 'trainingPlan.needRequired', color: 'Attention', field: 'need' };
    const input = parsed.data;
    await replaceItems(deps.repositories, person, ref, etag, (items) => [
      ...items,
      {
        id: newItemId(),
        need: input.need,
        competenceId: input.competenceId || null,
        way: input.way as LearningWay,
        audience: input.audience,
        headcount: input.headcount,
      },
    ]);
    return saved;
  });
}
