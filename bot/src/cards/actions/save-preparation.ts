/** `discussion.savePreparation`: the employee's step is validated and saved as a draft, then the next card. */
import { assessedCompetences } from '../../domain/assessment-rules';
import { savePreparationDraft, type PreparationDraft } from '../../domain/development-discussion-lifecycle';
import type { CardActionHandler } from '../card-action';
import {
  parseLearningGoals,
  parseRatings,
  parseSections,
  stepRequestSchema,
  type FieldErrors,
} from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { changeDiscussion } from '../discussion-change';
import { stepAt } from '../../domain/discussion-steps';
import type { DiscussionViewer } from '../discussion-viewer';
import { renderDiscussionView } from '../discussion-views';
import { discussionAction } from './discussion-action';
import { afterStep } from './step-navigation';

type Parsed = { ok: true; draft: PreparationDraft } | { ok: false; errors: FieldErrors };

function parseDraft(
  viewer: DiscussionViewer,
  step: number,
  inputs: Record<string, unknown>,
  slots: string[],
): Parsed {
  const discussion = viewer.record.value;
  const { key, sections } = stepAt(discussion, step);
  if (key === 'assessment') {
    const ids = assessedCompetences(viewer.framework, discussion.includesSupervisorSection).map((c) => c.id);
    const ratings = parseRatings(inputs, ids, viewer.framework.scale);
    return ratings.ok ? { ok: true, draft: { selfRatings: ratings.value } } : ratings;
  }
  if (key === 'learningGoals') {
    const goals = parseLearningGoals(inputs, slots, false);
    return goals.ok ? { ok: true, draft: { proposedLearningGoals: goals.value } } : goals;
  }
  const texts = parseSections(inputs, sections);
  return texts.ok
    ? { ok: true, draft: { preparation: { ...discussion.preparation, ...texts.value } } }
    : texts;
}

export function savePreparation(context: CardsContext): CardActionHandler {
  return discussionAction(context, stepRequestSchema, 'change', ({ actor, viewer, data, inputs }) => {
    const from = { kind: 'step', step: data.step } as const;
    const extras = { inputs, etag: data.etag, learningSlots: data.learningSlots };
    const parsed = parseDraft(viewer, data.step, inputs, data.learningSlots);
    if (!parsed.ok) return renderDiscussionView(viewer, from, { ...extras, errors: parsed.errors });
    return changeDiscussion(context, viewer, {
      etag: data.etag,
      from,
      to: afterStep(data),
      extras,
      change: {
        apply: (discussion, at, framework) =>
          savePreparationDraft(discussion, actor.person.id, at, parsed.draft, framework),
      },
    });
  });
}
