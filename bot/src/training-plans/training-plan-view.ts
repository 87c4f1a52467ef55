/** The training plans' cards: the year's plans, and one plan with its items, history and the actions the viewer may take. */
import type { Competence } from '../domain/competence';
import { LEARNING_WAYS } from '../domain/development-discussion';
import type { Locale } from '../domain/locale';
import { MAX_TRAINING_AUDIENCE_LENGTH, MAX_TRAINING_NEED_LENGTH } from '../domain/content-limits';
import type { Person, ServiceArea } from '../domain/organisation';
import type { TrainingPlan, TrainingPlanItem } from '../domain/training-plan';
import type { Versioned } from '../storage/table-store';
import { cardTemplate, type AdaptiveCard } from '../cards/card-rendering';
import { formatDate, translator } from '../cards/localised';
import { renderListCard, type ActionModel, type Color } from '../cards/record-cards';
import { TRAINING_PLAN_TEXTS, type TrainingPlanTextKey } from './training-plan-texts';
import planTemplate from './templates/training-plan.json';
import { cardText } from '../cards/card-text';

export const TRAINING_PLAN_VERBS = {
  overview: 'trainingPlans.overview',
  open: 'trainingPlan.open',
  addItem: 'trainingPlan.addItem',
  removeItem: 'trainingPlan.removeItem',
  addNeeds: 'trainingPlan.addNeeds',
  submit: 'trainingPlan.submit',
  combine: 'trainingPlan.combine',
  review: 'trainingPlan.review',
  confirm: 'trainingPlan.confirm',
} as const;

export interface PlanNotice {
  key: TrainingPlanTextKey;
  color: Color;
  params?: Record<string, string | number>;
  /** The input the refusal is about: the card shows it under that field instead of at the top. */
  field?: string;
}

interface PlanCardModel {
  title: string;
  status: string;
  notice: string;
  noticeColor: Color;
  history: string;
  noItems: string;
  items: Array<{
    text: string;
    removeTitle: string;
    removeVerb: string;
    removeData: Record<string, unknown>;
  }>;
  form: {
    needLabel: string;
    needMax: number;
    competenceLabel: string;
    competencePlaceholder: string;
    competences: Array<{ title: string; value: string }>;
    wayLabel: string;
    ways: Array<{ title: string; value: string }>;
    audienceLabel: string;
    audienceMax: number;
    headcountLabel: string;
    headcountMax: number;
    headcountError: string;
  } | null;
  actions: ActionModel[];
}

const renderPlan = cardTemplate<PlanCardModel>(planTemplate);

export function planName(serviceAreaName: string | null, locale: Locale): string {
  const t = translator(TRAINING_PLAN_TEXTS, locale);
  return serviceAreaName === null ? t('plan.central') : t('plan.area', { area: serviceAreaName });
}

export function statusText(plan: TrainingPlan | null, locale: Locale): string {
  return translator(TRAINING_PLAN_TEXTS, locale)(plan ? `status.${plan.status}` : 'status.none');
}

export function itemText(
  item: TrainingPlanItem,
  competences: ReadonlyMap<string, Competence>,
  locale: Locale,
): string {
  const t = translator(TRAINING_PLAN_TEXTS, locale);
  const competence = item.competenceId ? competences.get(item.competenceId)?.name[locale] : null;
  return t('item.line', {
    need:
      competence && competence !== item.need ? `${cardText(item.need)} (${competence})` : cardText(item.need),
    way: t(`way.${item.way}`),
    audience: cardText(item.audience),
    headcount: item.headcount,
  });
}

export interface OverviewEntry {
  serviceArea: ServiceArea | null;
  plan: TrainingPlan | null;
}

export function plansOverviewCard(locale: Locale, year: number, entries: OverviewEntry[]): AdaptiveCard {
  const t = translator(TRAINING_PLAN_TEXTS, locale);
  return renderListCard({
    title: t('overview.title', { year }),
    intro: t('overview.intro'),
    rows: entries.map(({ serviceArea, plan }) => ({
      name: planName(serviceArea?.name ?? null, locale),
      status: statusText(plan, locale),
      color: plan?.status === 'confirmed' || plan?.status === 'submitted' ? 'Good' : 'Default',
      warning: '',
      openTitle: t('action.open'),
      verb: TRAINING_PLAN_VERBS.open,
      data: { year, serviceAreaId: serviceArea?.id ?? null },
    })),
    actions: [],
  });
}

export interface PlanView {
  year: number;
  serviceArea: ServiceArea | null;
  read: Versioned<TrainingPlan> | null;
  competences: Competence[];
  /** Person id → name, for the history. */
  names: ReadonlyMap<string, string>;
  viewer: Person;
  /** How many people an item can concern: the area's headcount (the central plan: the organisation's). */
  maxHeadcount: number;
  /** Service area id → name: the central plan's rows say which area they came from. */
  areaNames: ReadonlyMap<string, string>;
}

/** The actions the viewer's roles allow in the plan's status (the rules refuse the rest anyway). */
function planActions(view: PlanView, locale: Locale): ActionModel[] {
  const t = translator(TRAINING_PLAN_TEXTS, locale);
  const roles = view.viewer.roles;
  const plan = view.read?.value ?? null;
  const data = { year: view.year, serviceAreaId: view.serviceArea?.id ?? null, etag: view.read?.etag ?? '' };
  const action = (key: TrainingPlanTextKey, verb: string): ActionModel => ({ title: t(key), verb, data });
  const actions: ActionModel[] = [];
  const editor =
    roles.includes('hr') ||
    (roles.includes('serviceAreaManagementTeam') && view.viewer.serviceAreaId === view.serviceArea?.id);
  if (view.serviceArea && plan?.status === 'draft' && editor) {
    actions.push(
      action('action.addItem', TRAINING_PLAN_VERBS.addItem),
      action('action.addNeeds', TRAINING_PLAN_VERBS.addNeeds),
    );
    actions.push(action('action.submit', TRAINING_PLAN_VERBS.submit));
  }
  if (!view.serviceArea) {
    if (roles.includes('hr') && (!plan || plan.status === 'draft')) {
      if (plan) actions.push(action('action.addItem', TRAINING_PLAN_VERBS.addItem));
      actions.push(action('action.combine', TRAINING_PLAN_VERBS.combine));
    }
    if (roles.includes('cityManagementTeam') && plan?.status === 'draft')
      actions.push(action('action.review', TRAINING_PLAN_VERBS.review));
    if (roles.includes('cooperationCommittee') && plan?.status === 'reviewed')
      actions.push(action('action.confirm', TRAINING_PLAN_VERBS.confirm));
  }
  actions.push({
    title: t('action.back'),
    verb: TRAINING_PLAN_VERBS.overview,
    data: { year: view.year },
  });
  return actions;
}

export function planCard(locale: Locale, view: PlanView, notice: PlanNotice | null): AdaptiveCard {
  const t = translator(TRAINING_PLAN_TEXTS, locale);
  const plan = view.read?.value ?? null;
  const competences = new Map(view.competences.map((competence) => [competence.id, competence]));
  const actions = planActions(view, locale);
  const editable = actions.some((action) => action.verb === TRAINING_PLAN_VERBS.addItem);
  const ref = { year: view.year, serviceAreaId: view.serviceArea?.id ?? null, etag: view.read?.etag ?? '' };
  const originOf = (item: TrainingPlanItem): string =>
    item.serviceAreaId
      ? cardText(view.areaNames.get(item.serviceAreaId) ?? item.serviceAreaId)
      : t('origin.cityNeeds');
  const headcountBound = {
    max: view.maxHeadcount,
    area: view.serviceArea?.name ?? t('headcount.wholeOrganisation'),
  };
  const noticeParams = notice?.key === 'trainingPlan.invalidHeadcount' ? headcountBound : notice?.params;
  return renderPlan({
    title: t('plan.title', { plan: planName(view.serviceArea?.name ?? null, locale), year: view.year }),
    status: statusText(plan, locale),
    notice: notice ? t(notice.key, noticeParams) : '',
    noticeColor: notice?.color ?? 'Default',
    history: (plan?.history ?? [])
      .map((change) =>
        t('history.line', {
          status: t(`status.${change.status}`),
          by: cardText(view.names.get(change.by) ?? change.by),
          date: formatDate(change.at, locale),
        }),
      )
      .join('\n\n'),
    noItems: t('items.none'),
    items: (plan?.items ?? []).map((item) => ({
      text: view.serviceArea
        ? itemText(item, competences, locale)
        : `${originOf(item)}: ${itemText(item, competences, locale)}`,
      removeTitle: t('action.removeItem', { need: item.need.slice(0, 40) }),
      removeVerb: editable ? TRAINING_PLAN_VERBS.removeItem : '',
      removeData: { ...ref, itemId: item.id },
    })),
    form: editable
      ? {
          needLabel: t('form.need'),
          needMax: MAX_TRAINING_NEED_LENGTH,
          competenceLabel: t('form.competence'),
          // "No competence" is the list's placeholder: a choice without a value shows as a blank option.
          competencePlaceholder: t('form.noCompetence'),
          competences: [
            ...view.competences.map((competence) => ({
              title: competence.name[locale],
              value: competence.id,
            })),
          ],
          wayLabel: t('form.way'),
          ways: LEARNING_WAYS.map((way) => ({ title: t(`way.${way}`), value: way })),
          audienceLabel: t('form.audience'),
          audienceMax: MAX_TRAINING_AUDIENCE_LENGTH,
          headcountLabel: t('form.headcount'),
          headcountMax: view.maxHeadcount,
          headcountError: t('trainingPlan.invalidHeadcount', headcountBound),
        }
      : null,
    actions,
  });
}
