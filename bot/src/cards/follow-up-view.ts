/** The follow-up check-in later in the year: each goal's status, updated by either party, also after signing. */
import { GOAL_STATUSES } from '../domain/development-discussion';
import { translate } from '../i18n/translate';
import { inputIds } from './card-inputs';
import type { FollowUpCardModel } from './card-models';
import type { AdaptiveCard } from './card-rendering';
import { renderCard } from './card-templates';
import {
  action,
  cardRef,
  fieldError,
  inputValue,
  refreshModel,
  savedAt,
  type DiscussionViewer,
  type ViewExtras,
} from './discussion-viewer';
import { VERBS } from './verbs';

export function renderFollowUpCard(viewer: DiscussionViewer, extras: ViewExtras): AdaptiveCard {
  const { locale } = viewer;
  const discussion = viewer.record.value;
  const all = [
    ...discussion.goals.map((goal) => ({ goal, label: goal.text })),
    ...discussion.learningGoals.map((goal) => ({
      goal,
      label: `${goal.text} (${translate(locale, `cards.way.${goal.way}`)})`,
    })),
  ];
  const choices = GOAL_STATUSES.map((status) => ({
    title: translate(locale, `cards.goalStatus.${status}`),
    value: status,
  }));
  const ref = cardRef(viewer, extras);
  const model: FollowUpCardModel = {
    refresh: refreshModel(viewer, { kind: 'followUp' }),
    title: translate(locale, 'cards.followUp.title', { year: discussion.year }),
    banner: extras.banner ?? null,
    intro: translate(locale, all.length > 0 ? 'cards.followUp.intro' : 'cards.followUp.noGoals'),
    goals: all.map(({ goal, label }, index) => {
      const id = inputIds.followUp(index);
      return {
        id,
        label,
        value: inputValue(extras, id, goal.status),
        choices,
        error: fieldError(viewer, extras, id),
      };
    }),
    savedAt: savedAt(viewer),
    actions: [
      ...(all.length > 0
        ? [
            action(translate(locale, 'cards.action.saveFollowUp'), VERBS.saveFollowUp, {
              ...ref,
              goalIds: all.map(({ goal }) => goal.id),
            }),
          ]
        : []),
      action(translate(locale, 'cards.action.toSummary'), VERBS.open, { ...ref, view: { kind: 'summary' } }),
    ],
  };
  return renderCard('followUp', model);
}
