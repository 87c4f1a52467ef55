/**
 * The common part of every verb on a stored group discussion: the acting person must be linked, the card's
 * reference must name a stored discussion, and the answer is the full card with the verb's notice; a refusal
 * shows the current discussion with the reason (under a theme's field when it is about one theme's text).
 */
import { z } from 'zod';
import type { CardActionHandler, CardActionRequest, CardActionResult } from '../../cards/card-action';
import {
  actingPerson,
  cardData,
  cardYear,
  guarded,
  refusedAbout,
  refusalShown,
  type Outcome,
} from '../../cards/card-action-kit';
import { translator } from '../../cards/localised';
import type { GroupCompetenceDiscussion, GroupTheme } from '../../domain/group-discussion';
import type { Person } from '../../domain/organisation';
import { fullCard, notice, type GroupDiscussionDeps } from '../group-discussion-context';
import { GROUP_DISCUSSION_TEXTS } from '../group-discussion-texts';
import {
  conclusionInputId,
  contributionInputId,
  GROUP_DISCUSSION_VERBS,
  type GroupNotice,
} from '../group-discussion-view';

const refSchema = z.object({ year: cardYear, id: z.string().min(1).max(128) });

export interface GroupDiscussionChange {
  discussion: GroupCompetenceDiscussion | null;
  notice: GroupNotice | null;
}

const refusalNotice = (outcome: Outcome): GroupNotice =>
  outcome.kind === 'refused' && outcome.code in GROUP_DISCUSSION_TEXTS
    ? { key: outcome.code as GroupNotice['key'], color: 'Attention' }
    : { key: 'notice.notFound', color: 'Attention' };

/** A verb on a discussion: the new state, or the current one with the reason something was refused. */
export function groupDiscussionAction(
  deps: GroupDiscussionDeps,
  run: (
    person: Person,
    discussion: GroupCompetenceDiscussion,
    request: CardActionRequest,
  ) => Promise<GroupDiscussionChange>,
): CardActionHandler {
  const { repositories } = deps;
  return async (request: CardActionRequest): Promise<CardActionResult> => {
    const person = actingPerson(request);
    if (!person) return { kind: 'card', card: notice(request.locale, 'notice.notLinked') };
    const ref = cardData(refSchema, request);
    const read = ref && (await repositories.groupDiscussions.get(request.tenantId, ref.year, ref.id));
    if (!read) return { kind: 'card', card: notice(request.locale, 'notice.notFound') };
    return guarded(
      async () => {
        const result = await run(person, read.value, request);
        return fullCard(deps, result.discussion ?? read.value, person, request.locale, result.notice);
      },
      async (outcome) => {
        const current = await repositories.groupDiscussions.get(
          request.tenantId,
          read.value.year,
          read.value.id,
        );
        const shown = current?.value ?? read.value;
        const refusal = refusalNotice(outcome);
        const theme = refusedAbout(outcome, 'theme') as GroupTheme | undefined;
        // A text of one theme: under that theme's field (a contribution's, or a conclusion's for the chair).
        const field =
          theme &&
          (request.verb === GROUP_DISCUSSION_VERBS.contribute
            ? contributionInputId(theme)
            : conclusionInputId(theme));
        return refusalShown(
          request,
          refusal,
          field,
          () => translator(GROUP_DISCUSSION_TEXTS, request.locale)(refusal.key),
          (notice) => fullCard(deps, shown, person, request.locale, notice),
        );
      },
    );
  };
}
