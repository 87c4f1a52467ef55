/**
 * What every training-plan verb shares: the year in effect, the overview of the year's plans, and one plan's card
 * with a notice (at the top, or under the field it is about). Each verb is one handler in `actions/`.
 */
import type { CardActionRequest, CardActionResult } from '../cards/card-action';
import { refusalShown } from '../cards/card-action-kit';
import { translator } from '../cards/localised';
import { assessedCompetences } from '../domain/assessment-rules';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import type { Repositories } from '../storage/repositories';
import { headcountLimit, maySee, type PlanRef } from './training-plan-service';
import { TRAINING_PLAN_TEXTS } from './training-plan-texts';
import { planCard, plansOverviewCard, type PlanNotice } from './training-plan-view';

export interface TrainingPlanDeps {
  repositories: Repositories;
  now(): Date;
}

export const thisYear = async (deps: TrainingPlanDeps, tenantId: string): Promise<number> =>
  deps.repositories.annualClocks.currentRound(tenantId, deps.now(), 'planning');

export const message = (
  locale: Locale,
  key: 'notice.notLinked' | 'trainingPlan.notVisible',
): CardActionResult => ({
  kind: 'message',
  text: translator(TRAINING_PLAN_TEXTS, locale)(key),
});

export async function overview(
  deps: TrainingPlanDeps,
  person: Person,
  locale: Locale,
  shown: number,
): Promise<CardActionResult> {
  const [areas, plans] = await Promise.all([
    deps.repositories.serviceAreas.list(person.tenantId),
    deps.repositories.trainingPlans.listForYear(person.tenantId, shown),
  ]);
  const byArea = new Map(plans.map((read) => [read.value.serviceAreaId, read.value]));
  const visibleAreas = areas
    .map((read) => read.value)
    .filter((area) => maySee(person, area.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  const entries = [
    { serviceArea: null, plan: byArea.get(null) ?? null },
    ...visibleAreas.map((area) => ({ serviceArea: area, plan: byArea.get(area.id) ?? null })),
  ];
  return { kind: 'card', card: plansOverviewCard(locale, shown, entries) };
}

export async function show(
  deps: TrainingPlanDeps,
  person: Person,
  locale: Locale,
  ref: PlanRef,
  notice: PlanNotice | null,
): Promise<CardActionResult> {
  const [area, read, framework, maxHeadcount, areas] = await Promise.all([
    ref.serviceAreaId ? deps.repositories.serviceAreas.get(ref.tenantId, ref.serviceAreaId) : null,
    deps.repositories.trainingPlans.get(ref.tenantId, ref.year, ref.serviceAreaId),
    deps.repositories.competenceFrameworks.inEffect(ref.tenantId, ref.year),
    headcountLimit(deps.repositories, ref.tenantId, ref.serviceAreaId),
    ref.serviceAreaId ? [] : deps.repositories.serviceAreas.list(ref.tenantId),
  ]);
  const names = new Map<string, string>();
  for (const id of new Set(read?.value.history.map((change) => change.by) ?? [])) {
    const found = await deps.repositories.people.getPerson(ref.tenantId, id);
    if (found) names.set(id, `${found.value.firstName} ${found.value.lastName}`);
  }
  const view = {
    year: ref.year,
    serviceArea: area?.value ?? null,
    read,
    competences: assessedCompetences(framework, true),
    names,
    viewer: person,
    maxHeadcount,
    areaNames: new Map(areas.map((each) => [each.value.id, each.value.name])),
  };
  return { kind: 'card', card: planCard(locale, view, notice) };
}

/**
 * The plan's card with the notice: at the top, or under the field it is about, with what was typed kept
 * (a new item's refused need or headcount).
 */
export async function present(
  deps: TrainingPlanDeps,
  person: Person,
  request: CardActionRequest,
  ref: PlanRef,
  notice: PlanNotice | null,
): Promise<CardActionResult> {
  if (!notice?.field) return show(deps, person, request.locale, ref, notice);
  const t = translator(TRAINING_PLAN_TEXTS, request.locale);
  return refusalShown(
    request,
    notice,
    notice.field,
    async () => {
      // The headcount's bound names the area it is the headcount of, as the card's own notice does.
      const area = ref.serviceAreaId
        ? (await deps.repositories.serviceAreas.get(ref.tenantId, ref.serviceAreaId))?.value.name
        : t('headcount.wholeOrganisation');
      return t(notice.key, { area: area ?? '', ...notice.params });
    },
    (shown) => show(deps, person, request.locale, ref, shown),
  );
}
