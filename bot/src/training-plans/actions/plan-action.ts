/**
 * The common part of every verb on one plan: the acting person must be linked; a card without a plan reference
 * gets the year's overview; the plan must be visible to the person; refusals show the plan as it stands with the
 * reason (nothing was written), a new item's under the input it is about.
 */
import { z } from 'zod';
import type { CardActionHandler, CardActionRequest, CardActionResult } from '../../cards/card-action';
import { actingPerson, cardData, cardYear, guarded, type Outcome } from '../../cards/card-action-kit';
import { MAX_TRAINING_NEED_LENGTH } from '../../domain/content-limits';
import type { Person } from '../../domain/organisation';
import { message, overview, present, thisYear, type TrainingPlanDeps } from '../training-plan-context';
import { maySee, type PlanRef } from '../training-plan-service';
import { TRAINING_PLAN_TEXTS } from '../training-plan-texts';
import { TRAINING_PLAN_VERBS, type PlanNotice } from '../training-plan-view';

const refSchema = z.object({
  year: cardYear,
  /** The central plan's null is dropped from a card's data by the card template: absent means central. */
  serviceAreaId: z.string().min(1).max(128).nullable().default(null),
  etag: z.string().max(200).default(''),
});

export const saved: PlanNotice = { key: 'notice.saved', color: 'Good' };

/** A new item's refusal by the plan's rules, with the input it is about. */
const itemField = (outcome: Outcome, data: Record<string, unknown>): string | undefined => {
  if (outcome.kind !== 'refused') return undefined;
  if (outcome.code === 'trainingPlan.needRequired') return 'need';
  if (outcome.code === 'trainingPlan.invalidHeadcount') return 'headcount';
  if (outcome.code === 'trainingPlan.invalidLearningWay') return 'way';
  if (outcome.code === 'trainingPlan.textTooLong')
    return String(data.need ?? '').trim().length > MAX_TRAINING_NEED_LENGTH ? 'need' : 'audience';
  return undefined;
};

const noticeOf = (outcome: Outcome): PlanNotice =>
  outcome.kind === 'conflict'
    ? { key: 'notice.conflict', color: 'Warning' }
    : {
        key:
          outcome.code in TRAINING_PLAN_TEXTS ? (outcome.code as PlanNotice['key']) : 'trainingPlan.notFound',
        color: 'Attention',
        params: outcome.params,
      };

/** A verb on one plan; refusals show the plan as it stands with the reason (nothing was written). */
export function planAction(
  deps: TrainingPlanDeps,
  run: (person: Person, ref: PlanRef, etag: string, request: CardActionRequest) => Promise<PlanNotice | null>,
): CardActionHandler {
  return async (request: CardActionRequest): Promise<CardActionResult> => {
    const person = actingPerson(request);
    if (!person) return message(request.locale, 'notice.notLinked');
    const data = cardData(refSchema, request);
    if (!data) return overview(deps, person, request.locale, await thisYear(deps, person.tenantId));
    const ref = { tenantId: request.tenantId, year: data.year, serviceAreaId: data.serviceAreaId };
    if (!maySee(person, ref.serviceAreaId)) return message(request.locale, 'trainingPlan.notVisible');
    return guarded(
      async () => present(deps, person, request, ref, await run(person, ref, data.etag, request)),
      async (outcome) =>
        present(deps, person, request, ref, {
          ...noticeOf(outcome),
          field: request.verb === TRAINING_PLAN_VERBS.addItem ? itemField(outcome, request.data) : undefined,
        }),
    );
  };
}
