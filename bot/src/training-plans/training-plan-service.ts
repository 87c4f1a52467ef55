/**
 * Training plans in storage: a service area's plan (its management team or HR drafts it from the area's
 * anonymous needs and submits it, due 30.9.), and the central plan HR combines from the submitted plans and the
 * city's anonymous needs, reviewed by the city manager's management team and confirmed by the co-operation
 * committee. The rules (who, which status) are the domain's (training-plan-lifecycle.ts); this module reads,
 * writes with the ETag the card showed, and decides who may see a plan.
 */
import { randomUUID } from 'node:crypto';
import type { Competence } from '../domain/competence';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import {
  combineIntoCentralPlan,
  confirmCentralPlan,
  newServiceAreaPlan,
  reviewCentralPlan,
  submitServiceAreaPlan,
  updatePlanItems,
} from '../domain/training-plan-lifecycle';
import type { TrainingPlan, TrainingPlanItem } from '../domain/training-plan';
import { refuserFor, type Refuser } from '../domain/errors';
import { ConcurrencyConflictError } from '../storage/errors';
import { TABLES } from '../storage/keys';
import type { Repositories } from '../storage/repositories';
import type { SummaryFigures } from '../storage/summary-publication-repository';
import type { Versioned } from '../storage/table-store';
import { readAll } from '../storage/read-all';
import { localised } from '../cards/localised';
import { compileCityFigures, compileServiceAreaSummary } from '../summaries/summary-compilation';
import { TRAINING_PLAN_TEXTS } from './training-plan-texts';

export const PLAN_ACCESS_ERROR_CODES = [
  'trainingPlan.notVisible',
  'trainingPlan.notFound',
  'trainingPlan.unknownArea',
] as const;
export type PlanAccessErrorCode = (typeof PLAN_ACCESS_ERROR_CODES)[number];
const refuse: Refuser<PlanAccessErrorCode> = refuserFor();

export type PlanRepos = Pick<
  Repositories,
  | 'trainingPlans'
  | 'serviceAreas'
  | 'organisations'
  | 'competenceFrameworks'
  | 'teams'
  | 'teamAggregates'
  | 'groupDiscussions'
  | 'developmentActionRequests'
  | 'people'
>;

export interface PlanRef {
  tenantId: string;
  year: number;
  /** Null for the central plan. */
  serviceAreaId: string | null;
}

/** Who sees a plan: HR, both committees, and the management teams (an area's plan: its own team only). */
export function maySee(person: Person, serviceAreaId: string | null): boolean {
  const roles = person.roles;
  if (roles.includes('hr') || roles.includes('cityManagementTeam') || roles.includes('cooperationCommittee'))
    return true;
  if (!roles.includes('serviceAreaManagementTeam')) return false;
  return serviceAreaId === null || person.serviceAreaId === serviceAreaId;
}

export function requireVisible(person: Person, ref: PlanRef): void {
  if (person.tenantId !== ref.tenantId || !maySee(person, ref.serviceAreaId)) {
    refuse('trainingPlan.notVisible', 'This plan is not shown to this person');
  }
}

/** The card's ETag on the stored plan; a card that showed no plan is stale once one exists. */
function asShown(read: Versioned<TrainingPlan>, etag: string): Versioned<TrainingPlan> {
  if (!etag) throw new ConcurrencyConflictError(TABLES.trainingPlans);
  return { value: read.value, etag };
}

async function requirePlan(repos: PlanRepos, ref: PlanRef): Promise<Versioned<TrainingPlan>> {
  const read = await repos.trainingPlans.get(ref.tenantId, ref.year, ref.serviceAreaId);
  if (!read) return refuse('trainingPlan.notFound', 'No such plan');
  return read;
}

/** A plan's changeable part, for the repository's update. */
const changesOf = (
  plan: TrainingPlan,
): Pick<TrainingPlan, 'status' | 'items' | 'history' | 'combinedAreas'> => ({
  status: plan.status,
  items: plan.items,
  history: plan.history,
  combinedAreas: plan.combinedAreas ?? [],
});

/**
 * A change to a stored plan the person may see: the rules' next plan from the stored one (and from what
 * `alongside` reads at the same time), written against the version the card showed.
 */
async function changePlan<Alongside>(
  repos: PlanRepos,
  actor: Person,
  ref: PlanRef,
  etag: string,
  alongside: () => Promise<Alongside>,
  next: (plan: TrainingPlan, read: Alongside) => TrainingPlan,
): Promise<Versioned<TrainingPlan>> {
  requireVisible(actor, ref);
  const [read, extra] = await Promise.all([requirePlan(repos, ref), alongside()]);
  // The rules first: a change they refuse says why, even from a card that showed no version.
  const changed = next(read.value, extra);
  return repos.trainingPlans.update(asShown(read, etag), changesOf(changed));
}

const nothingMore = async (): Promise<void> => undefined;

/** The service area's plan, created as a draft when its management team (or HR) opens it first. */
export async function openAreaPlan(
  repos: PlanRepos,
  actor: Person,
  ref: PlanRef,
  at: string,
): Promise<Versioned<TrainingPlan>> {
  requireVisible(actor, ref);
  const existing = await repos.trainingPlans.get(ref.tenantId, ref.year, ref.serviceAreaId);
  if (existing || ref.serviceAreaId === null) return existing ?? requirePlan(repos, ref);
  if (!(await repos.serviceAreas.get(ref.tenantId, ref.serviceAreaId))) {
    return refuse('trainingPlan.unknownArea', 'No such service area');
  }
  const plan = newServiceAreaPlan(
    { tenantId: ref.tenantId, year: ref.year, serviceAreaId: ref.serviceAreaId },
    actor,
    at,
  );
  return repos.trainingPlans.create(plan);
}

/**
 * How many people a plan can concern: the service area's headcount in the organisation data (the central plan:
 * the whole organisation's), so a typo such as 99,999,999 is refused with the real limit.
 */
export async function headcountLimit(
  repos: Pick<PlanRepos, 'people'>,
  tenantId: string,
  serviceAreaId: string | null,
): Promise<number> {
  const people = await readAll((page) => repos.people.listPeople(tenantId, page));
  return people.filter(({ value }) => serviceAreaId === null || value.serviceAreaId === serviceAreaId).length;
}

export async function replaceItems(
  repos: PlanRepos,
  actor: Person,
  ref: PlanRef,
  etag: string,
  items: (current: TrainingPlanItem[]) => TrainingPlanItem[],
): Promise<Versioned<TrainingPlan>> {
  return changePlan(
    repos,
    actor,
    ref,
    etag,
    () => headcountLimit(repos, ref.tenantId, ref.serviceAreaId),
    (plan, maxHeadcount) => updatePlanItems(plan, actor, items(plan.items), maxHeadcount),
  );
}

export const newItemId = (): string => `i-${randomUUID().slice(0, 8)}`;

function audienceOf(competence: Competence | undefined, locale: Locale): string {
  return localised(
    TRAINING_PLAN_TEXTS[
      competence?.audience === 'supervisors' ? 'audience.supervisors' : 'audience.allStaff'
    ],
    locale,
  );
}

/**
 * Plan items from anonymous figures: each competence with a development need (counted only where the group is
 * at least the threshold), and coaching and work supervision asked for by at least the threshold. These are
 * formal training or coaching (the "10").
 */
export function needItems(
  figures: SummaryFigures,
  competences: readonly Competence[],
  locale: Locale,
): TrainingPlanItem[] {
  const byId = new Map(competences.map((competence) => [competence.id, competence]));
  const fromRatings = figures.needsRanking
    .filter((need) => need.needs > 0)
    .map((need) => {
      const competence = byId.get(need.competenceId);
      return {
        id: newItemId(),
        need: competence ? competence.name[locale] : need.competenceId,
        competenceId: need.competenceId,
        way: '10' as const,
        audience: audienceOf(competence, locale),
        headcount: need.needs,
      };
    });
  const fromRequests = figures.developmentActions
    .filter((demand) => demand.count !== null && demand.count > 0)
    .map((demand) => ({
      id: newItemId(),
      need: localised(
        TRAINING_PLAN_TEXTS[`demand.${demand.kind}.${demand.form}` as keyof typeof TRAINING_PLAN_TEXTS],
        locale,
      ),
      competenceId: null,
      way: '10' as const,
      audience: localised(TRAINING_PLAN_TEXTS['audience.askers'], locale),
      headcount: demand.count ?? 0,
    }));
  return [...fromRatings, ...fromRequests];
}

async function organisationLocale(repos: PlanRepos, tenantId: string): Promise<Locale> {
  return (await repos.organisations.get(tenantId))?.value.defaultLocale ?? 'fi';
}

/** Adds the area's anonymous needs to its draft (the plan's text is data, in the organisation's language). */
export async function addAreaNeeds(
  repos: PlanRepos,
  actor: Person,
  ref: PlanRef,
  etag: string,
): Promise<Versioned<TrainingPlan>> {
  if (ref.serviceAreaId === null) return refuse('trainingPlan.notFound', 'Only an area plan takes its needs');
  const [compiled, framework, locale] = await Promise.all([
    compileServiceAreaSummary(repos, ref.tenantId, ref.year, ref.serviceAreaId),
    repos.competenceFrameworks.inEffect(ref.tenantId, ref.year),
    organisationLocale(repos, ref.tenantId),
  ]);
  const additions = needItems(compiled.figures, framework.competences, locale);
  return replaceItems(repos, actor, ref, etag, (items) => [...items, ...additions]);
}

/** A step along the plan's path, taken by `actor` at `at` against the version the card showed. */
type PlanStep = (
  repos: PlanRepos,
  actor: Person,
  ref: PlanRef,
  etag: string,
  at: string,
) => Promise<Versioned<TrainingPlan>>;

/** A step the rules take from the plan alone. */
const planStep =
  (rule: (plan: TrainingPlan, actor: Person, at: string) => TrainingPlan): PlanStep =>
  (repos, actor, ref, etag, at) =>
    changePlan(repos, actor, ref, etag, nothingMore, (plan) => rule(plan, actor, at));

export const submitAreaPlan = planStep(submitServiceAreaPlan);

/**
 * HR's central draft from the submitted area plans and the city's anonymous needs. A central draft that exists
 * is replaced (its history kept); a reviewed or confirmed one is refused by the rules.
 */
export async function combineCentralPlan(
  repos: PlanRepos,
  actor: Person,
  ref: Omit<PlanRef, 'serviceAreaId'>,
  etag: string,
  at: string,
): Promise<Versioned<TrainingPlan>> {
  const [plans, figures, framework, locale] = await Promise.all([
    repos.trainingPlans.listForYear(ref.tenantId, ref.year),
    compileCityFigures(repos, ref.tenantId, ref.year),
    repos.competenceFrameworks.inEffect(ref.tenantId, ref.year),
    organisationLocale(repos, ref.tenantId),
  ]);
  const submitted = plans
    .map((read) => read.value)
    .filter((plan) => plan.scope === 'serviceArea' && plan.status === 'submitted');
  const central = combineIntoCentralPlan(
    submitted,
    needItems(figures, framework.competences, locale),
    ref,
    actor,
    at,
  );
  const existing = plans.find((read) => read.value.scope === 'central');
  if (!existing) return repos.trainingPlans.create(central);
  const replaced = updatePlanItems(existing.value, actor, central.items);
  return repos.trainingPlans.update(
    asShown(existing, etag),
    changesOf({ ...replaced, combinedAreas: central.combinedAreas ?? [] }),
  );
}

/** The review needs the organisation's service areas: the central plan must combine every one of them. */
export const reviewPlan: PlanStep = (repos, actor, ref, etag, at) =>
  changePlan(
    repos,
    actor,
    ref,
    etag,
    () => repos.serviceAreas.list(ref.tenantId),
    (plan, areas) =>
      reviewCentralPlan(
        plan,
        actor,
        at,
        areas.map(({ value }) => value.id),
      ),
  );

export const confirmPlan = planStep(confirmCentralPlan);
