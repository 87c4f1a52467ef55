/** Training plans in Teams: "koulutussuunnitelma" opens the year's plans; the card's verbs edit and move them on. */
import { z } from 'zod';
import { currentRoundYear } from '../domain/annual-clock-rules';
import type { ChatCommand } from '../chat/chat-commands';
import { assessedCompetences } from '../domain/assessment-rules';
import { MAX_TRAINING_NEED_LENGTH } from '../domain/content-limits';
import type { LearningWay } from '../domain/development-discussion';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import type { CardActionHandler, CardActionRequest, CardActionResult } from '../cards/card-action';
import type { Repositories } from '../storage/repositories';
import { yearFramework } from '../summaries/aggregate-refresh';
import { actingPerson, cardData, guarded, refusedAtField, type Outcome } from '../cards/card-action-kit';
import { asReply } from '../chat/chat-reply';
import { translator } from '../cards/localised';
import {
  addAreaNeeds,
  combineCentralPlan,
  confirmPlan,
  headcountLimit,
  maySee,
  newItemId,
  openAreaPlan,
  replaceItems,
  requireVisible,
  reviewPlan,
  submitAreaPlan,
  type PlanRef,
} from './training-plan-service';
import { TRAINING_PLAN_TEXTS } from './training-plan-texts';
import { planCard, plansOverviewCard, TRAINING_PLAN_VERBS, type PlanNotice } from './training-plan-view';
import { YEAR_BOUNDS } from '../tunables';

export interface TrainingPlanDeps {
  repositories: Repositories;
  now(): Date;
}

const year = z.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max);
const refSchema = z.object({
  year,
  /** The central plan's null is dropped from a card's data by the card template: absent means central. */
  serviceAreaId: z.string().min(1).max(128).nullable().default(null),
  etag: z.string().max(200).default(''),
});
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

/** Who drafts an area's plan: HR, or the area's own management team. */
const mayEdit = (person: Person, serviceAreaId: string): boolean =>
  person.roles.includes('hr') ||
  (person.roles.includes('serviceAreaManagementTeam') && person.serviceAreaId === serviceAreaId);

export function trainingPlanInteractions(deps: TrainingPlanDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
  /** The plan the card names, as it stands: never creates or changes one (`open` starts an area's draft). */
  view: CardActionHandler;
} {
  const { repositories } = deps;
  const thisYear = async (tenantId: string): Promise<number> =>
    currentRoundYear(await repositories.annualClocks.inEffect(tenantId), null, deps.now(), 'planning');
  const at = (): string => deps.now().toISOString();
  const message = (
    locale: Locale,
    key: 'notice.notLinked' | 'trainingPlan.notVisible',
  ): CardActionResult => ({
    kind: 'message',
    text: translator(TRAINING_PLAN_TEXTS, locale)(key),
  });

  async function overview(person: Person, locale: Locale, shown: number): Promise<CardActionResult> {
    const [areas, plans] = await Promise.all([
      repositories.serviceAreas.list(person.tenantId),
      repositories.trainingPlans.listForYear(person.tenantId, shown),
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

  async function show(
    person: Person,
    locale: Locale,
    ref: PlanRef,
    notice: PlanNotice | null,
  ): Promise<CardActionResult> {
    const [area, read, framework, maxHeadcount, areas] = await Promise.all([
      ref.serviceAreaId ? repositories.serviceAreas.get(ref.tenantId, ref.serviceAreaId) : null,
      repositories.trainingPlans.get(ref.tenantId, ref.year, ref.serviceAreaId),
      yearFramework(repositories, ref.tenantId, ref.year),
      headcountLimit(repositories, ref.tenantId, ref.serviceAreaId),
      ref.serviceAreaId ? [] : repositories.serviceAreas.list(ref.tenantId),
    ]);
    const names = new Map<string, string>();
    for (const id of new Set(read?.value.history.map((change) => change.by) ?? [])) {
      const found = await repositories.people.getPerson(ref.tenantId, id);
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
  async function present(
    person: Person,
    request: CardActionRequest,
    ref: PlanRef,
    notice: PlanNotice | null,
  ): Promise<CardActionResult> {
    if (!notice?.field) return show(person, request.locale, ref, notice);
    const t = translator(TRAINING_PLAN_TEXTS, request.locale);
    // The headcount's bound names the area it is the headcount of, as the card's own notice does.
    const area = ref.serviceAreaId
      ? (await repositories.serviceAreas.get(ref.tenantId, ref.serviceAreaId))?.value.name
      : t('headcount.wholeOrganisation');
    return refusedAtField(
      await show(person, request.locale, ref, null),
      notice.field,
      t(notice.key, { area: area ?? '', ...notice.params }),
      request,
      () => show(person, request.locale, ref, notice),
    );
  }

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
            outcome.code in TRAINING_PLAN_TEXTS
              ? (outcome.code as PlanNotice['key'])
              : 'trainingPlan.notFound',
          color: 'Attention',
          params: outcome.params,
        };

  /** A verb on one plan; refusals show the plan as it stands with the reason (nothing was written). */
  const onPlan =
    (
      run: (
        person: Person,
        ref: PlanRef,
        etag: string,
        request: CardActionRequest,
      ) => Promise<PlanNotice | null>,
    ) =>
    async (request: CardActionRequest): Promise<CardActionResult> => {
      const person = actingPerson(request);
      if (!person) return message(request.locale, 'notice.notLinked');
      const data = cardData(refSchema, request);
      if (!data) return overview(person, request.locale, await thisYear(person.tenantId));
      const ref = { tenantId: request.tenantId, year: data.year, serviceAreaId: data.serviceAreaId };
      if (!maySee(person, ref.serviceAreaId)) return message(request.locale, 'trainingPlan.notVisible');
      return guarded(
        async () => present(person, request, ref, await run(person, ref, data.etag, request)),
        async (outcome) =>
          present(person, request, ref, {
            ...noticeOf(outcome),
            field:
              request.verb === TRAINING_PLAN_VERBS.addItem ? itemField(outcome, request.data) : undefined,
          }),
      );
    };

  const saved: PlanNotice = { key: 'notice.saved', color: 'Good' };

  const cardActions: Record<string, CardActionHandler> = {
    [TRAINING_PLAN_VERBS.overview]: async (request) => {
      const person = actingPerson(request);
      if (!person) return message(request.locale, 'notice.notLinked');
      if (!maySee(person, null)) return message(request.locale, 'trainingPlan.notVisible');
      const shown =
        cardData(z.object({ year: year.optional() }), request)?.year ?? (await thisYear(person.tenantId));
      return overview(person, request.locale, shown);
    },
    [TRAINING_PLAN_VERBS.open]: onPlan(async (person, ref) => {
      if (ref.serviceAreaId !== null && mayEdit(person, ref.serviceAreaId))
        await openAreaPlan(repositories, person, ref, at());
      else requireVisible(person, ref);
      return null;
    }),
    [TRAINING_PLAN_VERBS.addItem]: onPlan(async (person, ref, etag, request) => {
      const parsed = itemSchema.safeParse(request.data);
      if (!parsed.success) return { key: 'trainingPlan.needRequired', color: 'Attention', field: 'need' };
      const input = parsed.data;
      await replaceItems(repositories, person, ref, etag, (items) => [
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
    }),
    [TRAINING_PLAN_VERBS.removeItem]: onPlan(async (person, ref, etag, request) => {
      const itemId = String(request.data.itemId ?? '');
      await replaceItems(repositories, person, ref, etag, (items) =>
        items.filter((item) => item.id !== itemId),
      );
      return saved;
    }),
    [TRAINING_PLAN_VERBS.addNeeds]: onPlan(async (person, ref, etag) => {
      await addAreaNeeds(repositories, person, ref, etag);
      return saved;
    }),
    [TRAINING_PLAN_VERBS.submit]: onPlan(async (person, ref, etag) => {
      await submitAreaPlan(repositories, person, ref, etag, at());
      return { key: 'notice.submitted', color: 'Good' };
    }),
    [TRAINING_PLAN_VERBS.combine]: onPlan(async (person, ref, etag) => {
      await combineCentralPlan(repositories, person, ref, etag, at());
      return { key: 'notice.combined', color: 'Good' };
    }),
    [TRAINING_PLAN_VERBS.review]: onPlan(async (person, ref, etag) => {
      await reviewPlan(repositories, person, ref, etag, at());
      return { key: 'notice.reviewed', color: 'Good' };
    }),
    [TRAINING_PLAN_VERBS.confirm]: onPlan(async (person, ref, etag) => {
      await confirmPlan(repositories, person, ref, etag, at());
      return { key: 'notice.confirmed', color: 'Good' };
    }),
  };

  const command: ChatCommand = {
    id: 'trainingPlan',
    triggers: [
      'koulutussuunnitelma',
      'koulutussuunnitelmat',
      'utbildningsplan',
      'utbildningsplaner',
      'training plan',
      'training plans',
    ],
    helpKey: 'help.command.trainingPlan',
    roles: ['hr', 'cityManagementTeam', 'serviceAreaManagementTeam', 'cooperationCommittee'],
    handle: async (context) => {
      const overviewVerb = cardActions[TRAINING_PLAN_VERBS.overview];
      if (!overviewVerb) return [];
      const result = await overviewVerb({
        ...context,
        verb: TRAINING_PLAN_VERBS.overview,
        data: {},
        conversationType: null,
      });
      return [asReply(result)];
    },
  };

  const view = onPlan(async (person, ref) => {
    requireVisible(person, ref);
    return null;
  });

  return { cardActions, command, view };
}
