/**
 * A supervisor starts their team's group competence discussion (ryhmäosaamiskeskustelu) for a year: the
 * discussion is created once (a second start finds the first) and its opening card is posted to the team's
 * channel in Teams, which the tab names from its Teams context. The post's thread is kept on the discussion for
 * replies and updates, also when Teams takes the post only on a later retry (fanout/proactive-retries.ts).
 */
import { createHash } from 'node:crypto';
import { teamHoldsGroupDiscussion } from '../domain/discussion-year-rules';
import { GROUP_THEMES, type GroupCompetenceDiscussion } from '../domain/group-discussion';
import { newGroupDiscussion } from '../domain/group-discussion-rules';
import type { Locale } from '../domain/locale';
import type { Person, Team } from '../domain/organisation';
import type { OutgoingActivity } from '../fanout/message-sender';
import type { DeliveredAt, DeliveredHandler } from '../fanout/proactive-retries';
import { interpolate } from '../i18n/interpolate';
import { AlreadyExistsError } from '../storage/errors';
import type { GroupDiscussionStart } from '../contract/team';
import type { Repositories } from '../storage/repositories';
import { notFound, refusal } from '../http-kit/refusals';
import { GROUP_CARD_TEXTS } from './group-start-texts';
import { THEME_TEXTS } from '../i18n/group-themes';
import {
  channelAddress,
  outcomeCode,
  type OutcomeCode,
  type ProactiveMessenger,
} from '../fanout/proactive-messenger';
import { cardActivity } from '../cards/card-rendering';
import { renderCard } from '../cards/card-templates';
import { cardText } from '../cards/card-text';
import { againAfterWriteRace } from '../summaries/released-counts';

export interface TeamsChannel {
  /** The Teams team's id (its General channel's conversation id). */
  teamId: string;
  /** The channel's id; the General channel's is the team's. */
  channelId: string | null;
}

export interface GroupStartDeps {
  repositories: Pick<Repositories, 'groupDiscussions' | 'organisations' | 'serviceAreas' | 'teams'>;
  messenger: ProactiveMessenger;
}

/** One discussion per team and year: the id is derived, so a double start cannot create two. */
export function groupDiscussionId(teamId: string): string {
  return `team-${createHash('sha256').update(teamId).digest('hex').slice(0, 24)}`;
}

export function groupDiscussionActivity(
  team: Team,
  chair: Person,
  year: number,
  locale: Locale,
): OutgoingActivity {
  const title = interpolate(GROUP_CARD_TEXTS.title[locale], { year, team: team.name });
  const card = renderCard('groupDiscussionStart', {
    title,
    body: interpolate(GROUP_CARD_TEXTS.body[locale], {
      chair: cardText(`${chair.firstName} ${chair.lastName}`),
    }),
    themes: GROUP_THEMES.map((theme) => `- ${THEME_TEXTS[theme][locale]}`).join('\n'),
  });
  return cardActivity(card, title);
}

export async function startGroupDiscussion(
  deps: GroupStartDeps,
  supervisor: Person,
  request: { year: number; teamId: string; channel: TeamsChannel | null },
  now: Date,
): Promise<GroupDiscussionStart> {
  const { tenantId } = supervisor;
  const { repositories } = deps;
  const team = (await repositories.teams.get(tenantId, request.teamId))?.value;
  if (!team || team.supervisorId !== supervisor.id) throw notFound('team.notYourTeam');
  const area = await repositories.serviceAreas.get(tenantId, team.serviceAreaId);
  const rule = { alternatingYearRule: area?.value.alternatingYearRule ?? null };
  if (!teamHoldsGroupDiscussion(team, rule, request.year)) throw refusal(422, 'groupDiscussion.notThisYear');

  const id = groupDiscussionId(team.id);
  let created = true;
  let discussion: GroupCompetenceDiscussion;
  try {
    discussion = (
      await repositories.groupDiscussions.create(
        newGroupDiscussion({ id, team, year: request.year, at: now.toISOString(), chairId: supervisor.id }),
      )
    ).value;
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    const existing = await repositories.groupDiscussions.get(tenantId, request.year, id);
    if (!existing) throw error;
    discussion = existing.value;
    created = false;
  }

  let posted: OutcomeCode = 'notInstalled';
  if (request.channel) {
    const locale = (await repositories.organisations.get(tenantId))?.value.defaultLocale ?? 'fi';
    const outcome = await deps.messenger.send(
      tenantId,
      channelAddress(request.channel.teamId, request.channel.channelId),
      groupDiscussionActivity(team, supervisor, request.year, locale),
      { onDelivered: { kind: GROUP_POST_DELIVERED, keys: { year: discussion.year, id: discussion.id } } },
    );
    posted = outcomeCode(outcome);
    if (outcome.status === 'delivered')
      discussion =
        (await recordGroupPost(repositories, tenantId, discussion.year, discussion.id, outcome, now)) ??
        discussion;
  }
  return {
    groupDiscussion: {
      id: discussion.id,
      year: discussion.year,
      teamId: discussion.teamId,
      status: discussion.status,
      posted: Boolean(discussion.channelPost),
    },
    created,
    posted,
  };
}

/** The kind of a kept start post's note: its arrival is recorded by `groupPostDelivered`. */
export const GROUP_POST_DELIVERED = 'groupDiscussion.channelPost';

/**
 * Keeps the start card's thread on the discussion, with the ETag read (again after another writer's change).
 * The latest post wins: a supervisor who posts the card again wants the replies in the new thread. Nothing when
 * the discussion no longer exists (removed by the retention purge meanwhile).
 */
export async function recordGroupPost(
  repositories: Pick<Repositories, 'groupDiscussions'>,
  tenantId: string,
  year: number,
  id: string,
  post: DeliveredAt,
  now: Date,
): Promise<GroupCompetenceDiscussion | null> {
  return againAfterWriteRace(async () => {
    const read = await repositories.groupDiscussions.get(tenantId, year, id);
    if (!read) return null;
    const channelPost = {
      conversationId: post.conversationId,
      activityId: post.activityId,
      at: now.toISOString(),
    };
    return (await repositories.groupDiscussions.update(read, { channelPost })).value;
  });
}

/** Records a start post that arrived on a later retry (the fan-out's worker calls it). */
export function groupPostDelivered(
  repositories: Pick<Repositories, 'groupDiscussions'>,
  now: () => Date,
): DeliveredHandler {
  return async (tenantId, note, at) => {
    const { year, id } = note.keys;
    if (typeof year !== 'number' || typeof id !== 'string') return;
    await recordGroupPost(repositories, tenantId, year, id, at, now());
  };
}
