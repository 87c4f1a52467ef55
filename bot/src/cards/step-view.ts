/**
 * One step of the discussion form as a card: the employee writes their preparation and self-assessment and
 * proposes learning goals; the supervisor sees the shared preparation with coaching questions, records notes
 * and ratings (where they differ from the self-assessment is highlighted) and agrees goals and learning goals.
 */
import { randomUUID } from 'node:crypto';
import { assessedCompetences } from '../domain/assessment-rules';
import {
  MAX_GOAL_TEXT_LENGTH,
  MAX_GOALS,
  MAX_LEARNING_GOALS,
  MAX_PROPOSED_LEARNING_GOALS,
  MAX_SECTION_TEXT_LENGTH,
} from '../domain/content-limits';
import { GOAL_STATUSES, LEARNING_WAYS, type Goal, type LearningGoal } from '../domain/development-discussion';
import { translate } from '../i18n/translate';
import { inputIds } from './card-inputs';
import type { Choice, GoalSlotModel, RatingFieldModel, StepCardModel, TextFieldModel } from './card-models';
import type { AdaptiveCard } from './card-rendering';
import { renderCard } from './card-templates';
import { coachingQuestions } from '../domain/coaching-bank';
import { NEW_GOAL_SLOTS } from '../tunables';
import { stepAt, type Step } from '../domain/discussion-steps';
import {
  action,
  cardRef,
  discussionTitle,
  fieldError,
  inputValue,
  preparationVisible,
  ratingText,
  refreshModel,
  savedAt,
  type DiscussionViewer,
  type ViewExtras,
} from './discussion-viewer';
import { VERBS } from './verbs';
import { cardText } from './card-text';

/** What the user typed into `id` on a card that lost to another save, when it differs from the latest. */
function unsavedText(extras: ViewExtras, id: string, latest: string): string {
  const typed = extras.unsaved?.[id];
  return typeof typed === 'string' && typed.trim() !== '' && typed !== latest ? cardText(typed) : '';
}

function textFields(viewer: DiscussionViewer, step: Step, extras: ViewExtras): TextFieldModel[] {
  const { locale, party } = viewer;
  const discussion = viewer.record.value;
  const own = party === 'employee' ? discussion.preparation : discussion.supervisorNotes;
  const shared = preparationVisible(viewer);
  return step.sections.map((section) => {
    const id = inputIds.section(section);
    const prepared = discussion.preparation[section] ?? '';
    return {
      id,
      // The limit is stated: Teams cuts a longer paste at maxLength without a word.
      label: translate(locale, 'cards.limitedLabel', {
        label: translate(locale, `cards.section.${section}`),
        max: MAX_SECTION_TEXT_LENGTH,
      }),
      maxLength: MAX_SECTION_TEXT_LENGTH,
      value: inputValue(extras, id, own[section] ?? ''),
      error: fieldError(viewer, extras, id),
      unsavedLabel: translate(locale, 'cards.unsaved'),
      unsaved: unsavedText(extras, id, own[section] ?? ''),
      referenceLabel: party === 'supervisor' ? translate(locale, 'cards.employeePreparation') : '',
      reference:
        party === 'employee'
          ? ''
          : !shared
            ? translate(locale, 'cards.preparationNotShared')
            : cardText(prepared) || translate(locale, 'cards.nothingWritten'),
    };
  });
}

function ratingFields(viewer: DiscussionViewer, extras: ViewExtras): RatingFieldModel[] {
  const { locale, party, framework } = viewer;
  const discussion = viewer.record.value;
  const own = party === 'employee' ? discussion.selfRatings : discussion.supervisorRatings;
  const { scale } = framework;
  // "Not rated" is the list's placeholder, not a choice: a choice without a value shows as a blank option.
  const choices: Choice[] = scale.labels.map((_, index) => ({
    title: ratingText(viewer, scale.min + index),
    value: String(scale.min + index),
  }));
  const notRated = translate(locale, 'cards.rating.none');
  const shared = party === 'supervisor' && preparationVisible(viewer);
  return assessedCompetences(framework, discussion.includesSupervisorSection).map((competence) => {
    const id = inputIds.rating(competence.id);
    const self = discussion.selfRatings[competence.id];
    const supervisor = discussion.supervisorRatings[competence.id];
    const stored = own[competence.id];
    return {
      id,
      label: competence.name[locale],
      description: competence.description[locale],
      value: inputValue(extras, id, stored === undefined ? '' : String(stored)),
      choices,
      placeholder: notRated,
      selfText: shared ? translate(locale, 'cards.rating.self', { rating: ratingText(viewer, self) }) : '',
      differs: shared && self !== undefined && supervisor !== undefined && self !== supervisor,
      differsText: translate(locale, 'cards.rating.differs'),
      error: fieldError(viewer, extras, id),
    };
  });
}

function statusChoices(viewer: DiscussionViewer): Choice[] {
  return GOAL_STATUSES.map((status) => ({
    title: translate(viewer.locale, `cards.goalStatus.${status}`),
    value: status,
  }));
}

function wayChoices(viewer: DiscussionViewer): Choice[] {
  return LEARNING_WAYS.map((way) => ({ title: translate(viewer.locale, `cards.way.${way}`), value: way }));
}

/** Slot ids: those the refused card had, else the goals' own ids followed by new ones. */
function slotIds(goals: readonly Goal[], max: number, sent: string[] | undefined): string[] {
  if (sent && sent.length > 0) return sent;
  const fresh = Math.max(0, Math.min(max, goals.length + NEW_GOAL_SLOTS) - goals.length);
  return [...goals.map((goal) => goal.id), ...Array.from({ length: fresh }, () => randomUUID())];
}

function goalSlot(
  viewer: DiscussionViewer,
  extras: ViewExtras,
  slot: number,
  goal: Goal | LearningGoal | undefined,
  kind: 'goal' | 'learning' | 'proposal',
): GoalSlotModel {
  const { locale } = viewer;
  const textId = kind === 'goal' ? inputIds.goalText(slot) : inputIds.learningText(slot);
  const statusId =
    kind === 'goal' ? inputIds.goalStatus(slot) : kind === 'learning' ? inputIds.learningStatus(slot) : '';
  const wayId = kind === 'goal' ? '' : inputIds.learningWay(slot);
  return {
    label: translate(locale, `cards.slot.${kind}`, { number: slot + 1 }),
    textId,
    maxLength: MAX_GOAL_TEXT_LENGTH,
    text: inputValue(extras, textId, goal?.text ?? ''),
    textError: fieldError(viewer, extras, textId),
    wayId,
    wayLabel: translate(locale, 'cards.slot.way'),
    way: wayId ? inputValue(extras, wayId, goal && 'way' in goal ? goal.way : '') : '',
    wayChoices: wayChoices(viewer),
    wayError: wayId ? fieldError(viewer, extras, wayId) : '',
    statusId,
    statusLabel: translate(locale, 'cards.slot.status'),
    status: statusId ? inputValue(extras, statusId, goal?.status ?? 'open') : '',
    statusChoices: statusChoices(viewer),
  };
}

interface GoalSlots {
  models: GoalSlotModel[];
  goalSlots: string[];
  learningSlots: string[];
}

function goalSlots(viewer: DiscussionViewer, extras: ViewExtras): GoalSlots {
  const discussion = viewer.record.value;
  if (viewer.party === 'employee') {
    const proposals = discussion.proposedLearningGoals;
    const learningSlots = slotIds(proposals, MAX_PROPOSED_LEARNING_GOALS, extras.learningSlots);
    const models = learningSlots.map((id, slot) =>
      goalSlot(
        viewer,
        extras,
        slot,
        proposals.find((goal) => goal.id === id),
        'proposal',
      ),
    );
    return { models, goalSlots: [], learningSlots };
  }
  const goalSlotIds = slotIds(discussion.goals, MAX_GOALS, extras.goalSlots);
  const learningSlots = slotIds(discussion.learningGoals, MAX_LEARNING_GOALS, extras.learningSlots);
  const models = [
    ...goalSlotIds.map((id, slot) =>
      goalSlot(
        viewer,
        extras,
        slot,
        discussion.goals.find((goal) => goal.id === id),
        'goal',
      ),
    ),
    ...learningSlots.map((id, slot) =>
      goalSlot(
        viewer,
        extras,
        slot,
        discussion.learningGoals.find((goal) => goal.id === id),
        'learning',
      ),
    ),
  ];
  return { models, goalSlots: goalSlotIds, learningSlots };
}

export function renderStepCard(
  viewer: DiscussionViewer,
  stepNumber: number,
  extras: ViewExtras,
): AdaptiveCard {
  return renderCard('discussionStep', stepCardModel(viewer, stepNumber, extras));
}

/** What a step's card shows, as the template's model. */
export function stepCardModel(
  viewer: DiscussionViewer,
  stepNumber: number,
  extras: ViewExtras,
): StepCardModel {
  const { locale, party } = viewer;
  const discussion = viewer.record.value;
  const step = stepAt(discussion, stepNumber);
  const slots =
    step.key === 'learningGoals'
      ? goalSlots(viewer, extras)
      : { models: [], goalSlots: [], learningSlots: [] };
  const verb = party === 'employee' ? VERBS.savePreparation : VERBS.saveSupervisorPart;
  const data = (go: 'back' | 'next' | 'review') => ({
    ...cardRef(viewer, extras),
    step: step.number,
    go,
    goalSlots: slots.goalSlots,
    learningSlots: slots.learningSlots,
  });
  const showProposals = party === 'supervisor' && step.key === 'learningGoals' && preparationVisible(viewer);
  return {
    refresh: refreshModel(viewer, { kind: 'step', step: step.number }),
    title: discussionTitle(viewer),
    progress: translate(locale, 'cards.progress', {
      number: step.number,
      total: step.total,
      step: translate(locale, `cards.step.${step.key}`),
    }),
    banner: extras.banner ?? null,
    intro: translate(
      locale,
      party === 'employee' ? `cards.intro.${step.key}` : `cards.supervisorIntro.${step.key}`,
    ),
    questionsTitle: translate(locale, 'cards.coachingQuestions'),
    questions: viewer.coaching ? coachingQuestions(viewer.coaching, step.key, locale) : [],
    textFields: textFields(viewer, step, extras),
    ratings: step.key === 'assessment' ? ratingFields(viewer, extras) : [],
    proposalsTitle: translate(locale, 'cards.proposals'),
    proposals: showProposals
      ? discussion.proposedLearningGoals.map(
          (goal) => `${cardText(goal.text)} (${translate(locale, `cards.way.${goal.way}`)})`,
        )
      : [],
    goalSlots: slots.models,
    savedAt: savedAt(viewer),
    actions: [
      ...(step.number > 1 ? [action(translate(locale, 'cards.action.back'), verb, data('back'))] : []),
      ...(step.number < step.total
        ? [action(translate(locale, 'cards.action.next'), verb, data('next'))]
        : []),
      action(translate(locale, 'cards.action.saveAndReview'), verb, data('review')),
    ],
  };
}
