/**
 * Saving one step of the discussion form, the employee's or the supervisor's: the step's inputs are parsed by the
 * kind of step (a refusal shows the step again with the errors under the fields), then the rules' change is saved
 * and the card goes to the next step, the previous one or the summary.
 */
import { assessedCompetences } from '../../domain/assessment-rules';
import type { CompetenceFramework } from '../../domain/competence';
import type { DevelopmentDiscussion, DiscussionSection } from '../../domain/development-discussion';
import { stepAt } from '../../domain/discussion-steps';
import type { CardActionHandler } from '../card-action';
import {
  parseRatings,
  parseSections,
  stepRequestSchema,
  type Parsed,
  type StepRequest,
} from '../card-inputs';
import type { CardsContext } from '../cards-context';
import { changeDiscussion } from '../discussion-change';
import type { DiscussionViewer } from '../discussion-viewer';
import { renderDiscussionView } from '../discussion-views';
import { discussionAction } from './discussion-action';
import { afterStep } from './step-navigation';

/** What a party's inputs on each kind of step are as its part of the discussion. */
export interface StepParts<Part> {
  ratings(ratings: Record<string, number>): Part;
  goals(inputs: Record<string, unknown>, request: StepRequest): Parsed<Part>;
  texts(texts: Partial<Record<DiscussionSection, string>>, discussion: DevelopmentDiscussion): Part;
}

export const parsedAs = <T, Part>(parsed: Parsed<T>, as: (value: T) => Part): Parsed<Part> =>
  parsed.ok ? { ok: true, value: as(parsed.value) } : parsed;

function parseStep<Part>(
  viewer: DiscussionViewer,
  request: StepRequest,
  inputs: Record<string, unknown>,
  parts: StepParts<Part>,
): Parsed<Part> {
  const discussion = viewer.record.value;
  const { key, sections } = stepAt(discussion, request.step);
  if (key === 'assessment') {
    const ids = assessedCompetences(viewer.framework, discussion.includesSupervisorSection).map((c) => c.id);
    return parsedAs(parseRatings(inputs, ids, viewer.framework.scale), parts.ratings);
  }
  if (key === 'learningGoals') return parts.goals(inputs, request);
  return parsedAs(parseSections(inputs, sections), (texts) => parts.texts(texts, discussion));
}

export function saveStep<Part>(
  context: CardsContext,
  parts: StepParts<Part>,
  save: (
    discussion: DevelopmentDiscussion,
    actorId: string,
    at: string,
    part: Part,
    framework: CompetenceFramework,
  ) => DevelopmentDiscussion,
): CardActionHandler {
  return discussionAction(context, stepRequestSchema, 'change', ({ actor, viewer, data, inputs }) => {
    const from = { kind: 'step', step: data.step } as const;
    const extras = { inputs, etag: data.etag, goalSlots: data.goalSlots, learningSlots: data.learningSlots };
    const parsed = parseStep(viewer, data, inputs, parts);
    if (!parsed.ok) return renderDiscussionView(viewer, from, { ...extras, errors: parsed.errors });
    return changeDiscussion(context, viewer, {
      etag: data.etag,
      from,
      to: afterStep(data),
      extras,
      change: {
        apply: (discussion, at, framework) => save(discussion, actor.person.id, at, parsed.value, framework),
      },
    });
  });
}
