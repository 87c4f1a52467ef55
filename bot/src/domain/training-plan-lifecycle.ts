/**
 * Personnel and training plans (henkilöstö- ja koulutussuunnittelu).
 * A service area's plan: draft → submitted (by its own management team or HR, due 30.9.).
 * The central plan: HR combines the submitted area plans and the needs it compiled anonymously from the
 * discussions into a draft → reviewed by the city manager's management team → confirmed by the co-operation
 * committee. Only a draft's items change; every status change is kept in `history`.
 */
import {
  isValidId,
  MAX_TRAINING_AUDIENCE_LENGTH,
  MAX_TRAINING_HEADCOUNT,
  MAX_TRAINING_NEED_LENGTH,
  MAX_TRAINING_PLAN_ITEMS,
} from './content-limits';
import { LEARNING_WAYS } from './development-discussion';
import { refuserFor, type Refuser } from './errors';
import type { Person, Role } from './organisation';
import type { TrainingPlan, TrainingPlanItem, TrainingPlanScope, TrainingPlanStatus } from './training-plan';

export const TRAINING_PLAN_ERROR_CODES = [
  'trainingPlan.notAllowed',
  'trainingPlan.wrongScope',
  'trainingPlan.wrongStatus',
  'trainingPlan.tooManyItems',
  'trainingPlan.invalidItemId',
  'trainingPlan.duplicateItemId',
  'trainingPlan.needRequired',
  'trainingPlan.textTooLong',
  'trainingPlan.invalidLearningWay',
  'trainingPlan.invalidHeadcount',
  'trainingPlan.notSubmitted',
  'trainingPlan.otherPlanSet',
  'trainingPlan.duplicateServiceArea',
  'trainingPlan.nothingToCombine',
  'trainingPlan.areasMissing',
] as const;
export type TrainingPlanErrorCode = (typeof TRAINING_PLAN_ERROR_CODES)[number];

const refuse: Refuser<TrainingPlanErrorCode> = refuserFor();

/** Who acts, with what roles and in which service area. */
export type PlanActor = Pick<Person, 'id' | 'roles' | 'serviceAreaId'>;

function has(actor: PlanActor, role: Role): boolean {
  return actor.roles.includes(role);
}

function requireScope(plan: TrainingPlan, scope: TrainingPlanScope): void {
  if (plan.scope !== scope) refuse('trainingPlan.wrongScope', `Only a ${scope} plan does this`);
}

function requireStatus(plan: TrainingPlan, status: TrainingPlanStatus): void {
  if (plan.status !== status)
    refuse('trainingPlan.wrongStatus', `Not allowed while the plan is ${plan.status}`);
}

function requireAllowed(allowed: boolean): void {
  if (!allowed) refuse('trainingPlan.notAllowed', 'This role does not do this to the plan');
}

/** A service area's plan is its own management team's, and HR's; the central plan is HR's. */
function mayEdit(plan: TrainingPlan, actor: PlanActor): boolean {
  if (has(actor, 'hr')) return true;
  return (
    plan.scope === 'serviceArea' &&
    has(actor, 'serviceAreaManagementTeam') &&
    actor.serviceAreaId === plan.serviceAreaId
  );
}

function withStatus(
  plan: TrainingPlan,
  status: TrainingPlanStatus,
  actor: PlanActor,
  at: string,
): TrainingPlan {
  return { ...plan, status, history: [...plan.history, { status, by: actor.id, at }] };
}

/** `maxHeadcount`: how many people the plan's area has (an item cannot concern more); at most MAX_TRAINING_HEADCOUNT. */
function checkedItems(items: TrainingPlanItem[], maxHeadcount = MAX_TRAINING_HEADCOUNT): TrainingPlanItem[] {
  const max = Math.min(maxHeadcount, MAX_TRAINING_HEADCOUNT);
  if (items.length > MAX_TRAINING_PLAN_ITEMS)
    refuse('trainingPlan.tooManyItems', 'The plan has too many items');
  const ids = new Set<string>();
  return items.map((item) => {
    if (!isValidId(item.id)) refuse('trainingPlan.invalidItemId', 'An item id must be short');
    if (ids.has(item.id)) refuse('trainingPlan.duplicateItemId', 'Two items share an id');
    ids.add(item.id);
    const need = item.need.trim();
    const audience = item.audience.trim();
    if (!need) refuse('trainingPlan.needRequired', 'An item needs a described need');
    if (need.length > MAX_TRAINING_NEED_LENGTH || audience.length > MAX_TRAINING_AUDIENCE_LENGTH) {
      refuse('trainingPlan.textTooLong', 'An item text is too long');
    }
    if (!(LEARNING_WAYS as readonly string[]).includes(item.way)) {
      refuse('trainingPlan.invalidLearningWay', 'Unknown way of learning');
    }
    if (!Number.isInteger(item.headcount) || item.headcount < 0 || item.headcount > max) {
      refuse('trainingPlan.invalidHeadcount', `A headcount is a whole number from 0 to ${max}`, { max });
    }
    return { ...item, need, audience };
  });
}

export function newServiceAreaPlan(
  args: { tenantId: string; year: number; serviceAreaId: string },
  actor: PlanActor,
  at: string,
): TrainingPlan {
  const plan: TrainingPlan = {
    tenantId: args.tenantId,
    year: args.year,
    scope: 'serviceArea',
    serviceAreaId: args.serviceAreaId,
    status: 'draft',
    items: [],
    history: [],
  };
  requireAllowed(mayEdit(plan, actor));
  return withStatus(plan, 'draft', actor, at);
}

/** Replaces a draft's items; no item concerns more people than the plan's area has (`maxHeadcount`). */
export function updatePlanItems(
  plan: TrainingPlan,
  actor: PlanActor,
  items: TrainingPlanItem[],
  maxHeadcount = MAX_TRAINING_HEADCOUNT,
): TrainingPlan {
  requireAllowed(mayEdit(plan, actor));
  requireStatus(plan, 'draft');
  return { ...plan, items: checkedItems(items, maxHeadcount) };
}

export function submitServiceAreaPlan(plan: TrainingPlan, actor: PlanActor, at: string): TrainingPlan {
  requireScope(plan, 'serviceArea');
  requireAllowed(mayEdit(plan, actor));
  requireStatus(plan, 'draft');
  return withStatus(plan, 'submitted', actor, at);
}

/**
 * HR's central draft: the submitted area plans' items (by service area), then the anonymous needs. Items are
 * renumbered "c1", "c2", … because ids are unique only within their own plan.
 */
export function combineIntoCentralPlan(
  areaPlans: TrainingPlan[],
  anonymousNeeds: TrainingPlanItem[],
  target: { tenantId: string; year: number },
  actor: PlanActor,
  at: string,
): TrainingPlan {
  requireAllowed(has(actor, 'hr'));
  const areas = new Set<string | null>();
  for (const plan of areaPlans) {
    if (plan.tenantId !== target.tenantId || plan.year !== target.year || plan.scope !== 'serviceArea') {
      refuse(
        'trainingPlan.otherPlanSet',
        'Only the same organisation’s service-area plans of the same year combine',
      );
    }
    if (plan.status !== 'submitted') refuse('trainingPlan.notSubmitted', 'Only submitted plans are combined');
    if (areas.has(plan.serviceAreaId))
      refuse('trainingPlan.duplicateServiceArea', 'A service area appears twice');
    areas.add(plan.serviceAreaId);
  }
  const sorted = [...areaPlans].sort((a, b) => (a.serviceAreaId ?? '').localeCompare(b.serviceAreaId ?? ''));
  const combined = [
    ...sorted.flatMap((plan) => plan.items.map((item) => ({ ...item, serviceAreaId: plan.serviceAreaId }))),
    ...checkedItems(anonymousNeeds).map((item) => ({ ...item, serviceAreaId: null })),
  ];
  if (combined.length === 0) refuse('trainingPlan.nothingToCombine', 'There are no needs to combine');
  const central: TrainingPlan = {
    tenantId: target.tenantId,
    year: target.year,
    scope: 'central',
    serviceAreaId: null,
    status: 'draft',
    items: checkedItems(combined.map((item, index) => ({ ...item, id: `c${index + 1}` }))),
    history: [],
    combinedAreas: sorted.map((plan) => plan.serviceAreaId ?? ''),
  };
  return withStatus(central, 'draft', actor, at);
}

/**
 * The city manager's management team reviews the central plan once it combines every service area's submitted
 * plan (`serviceAreaIds`: the organisation's areas); a draft still missing areas is refused with how many.
 */
export function reviewCentralPlan(
  plan: TrainingPlan,
  actor: PlanActor,
  at: string,
  serviceAreaIds: readonly string[],
): TrainingPlan {
  requireScope(plan, 'central');
  requireAllowed(has(actor, 'cityManagementTeam'));
  requireStatus(plan, 'draft');
  const combined = new Set(plan.combinedAreas ?? []);
  const included = serviceAreaIds.filter((id) => combined.has(id)).length;
  if (included < serviceAreaIds.length) {
    refuse(
      'trainingPlan.areasMissing',
      `${included} of ${serviceAreaIds.length} service areas are combined`,
      {
        combined: included,
        total: serviceAreaIds.length,
      },
    );
  }
  return withStatus(plan, 'reviewed', actor, at);
}

export function confirmCentralPlan(plan: TrainingPlan, actor: PlanActor, at: string): TrainingPlan {
  requireScope(plan, 'central');
  requireAllowed(has(actor, 'cooperationCommittee'));
  requireStatus(plan, 'reviewed');
  return withStatus(plan, 'confirmed', actor, at);
}
