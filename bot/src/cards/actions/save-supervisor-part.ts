/** `discussion.saveSupervisorPart`: the supervisor's notes, ratings or goals of one step, validated and saved. */
import { assessedCompetences } from '../../domain/assessment-rules';
import { recordSupervisorPart, type SupervisorPart } from '../../domain/development-discussion-lifecycle';
import type { CardActionHandler } from '../card-action';
import {
  parseGoals,
  parseLearningGoals,
  parseRatings,
  parseSections,
  stepRequestSchema,
  type FieldErrors,
  type StepRequest,
} from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { changeDiscussion } from '../discussion-change';
import { stepAt } from '../../domain/discussion-steps';
import type { DiscussionViewer } from '../discussion-viewer';
import { renderDiscussionView } from '../discussion-views';
import { discussionAction } from './discussion-action';
import { afterStep } from './step-navigation';

type Parsed = { ok: true; part: SupervisorPart } | { ok: false; errors: FieldErrors };

function parsePart(viewer: DiscussionViewer, request: StepRequest, inputs: Record<string, unknown>): Parsed {
  const discussion = viewer.record.value;
  const { key, sections } = stepAt(discussion, request.step);
  if (key === 'assessment') {
    const ids = assessedCompetences(viewer.framework, discussion.includesSupervisorSection).map((c) => c.id);
    const ratings = parseRatings(inputs, ids, viewer.framework.scale);
    return ratings.ok ? { ok: true, part: { ratings: ratings.value } } : ratings;
  }
  if (key === 'learningGoals') {
    const goals = parseGoals(inputs, request.goalSlots);
    const learningGoals = parseLearningGoals(inputs, request.learningSlots, true);
    if (!goals.ok || !learningGoals.ok) {
      return {
        ok: false,
        errors: { ...(goals.ok ? {} : goals.errors), ...(learningGoals.ok ? {} : learningGoals.errors) },
      };
    }
    return { ok: true, part: { goals: goals.value, learningGoals: learningGoals.value } };
  }
  const texts = parseSections(inputs, sections);
  return texts.ok ? { ok: true, part: { notes: { ...discussion.supervisorNotes, ...texts.value } } } : texts;
}

export function saveSupervisorPart(context: CardsContext): CardActionHandler {
  return discussionAction(context, stepRequestSchema, 'change', ({ actor, viewer, data, inputs }) => {
    const from = { kind: 'step', step: data.step } as const;
    const extras = { inputs, etag: data.etag, goalSlots: data.goalSlots, learningSlots: data.learningSlots };
    const parsed = parsePart(viewer, data, inputs);
    if (!parsed.ok) return renderDiscussionView(viewer, from, { ...extras, errors: parsed.errors });
    return changeDiscussion(context, viewer, {
      etag: data.etag,
      from,
      to: afterStep(data),
      extras,
      change: {
        apply: (discussion, at, framework) =>
          recordSupervisorPart(discussion, actor.person.id, at, parsed.part, framework),
      },
    });
  });
}
