/**
 * What a card will look like before it is posted: the tab shows the same card the bot would send, rendered with the
 * adaptivecards SDK and Teams' host config (tabs/src/components/CardPreview.tsx). Previews post nothing and store
 * nothing.
 */
import type { AdaptiveCard } from '../cards/card-templates';
import type { Person } from '../domain/organisation';
import type { Repositories } from '../storage/repositories';
import { groupDiscussionActivity } from './group-discussion-start';
import { notFound } from './refusals';

export interface CardPreview {
  card: AdaptiveCard;
}

/** The group discussion's opening card as the team's channel will get it (in the organisation's language). */
export async function groupDiscussionPreview(
  repositories: Pick<Repositories, 'organisations' | 'teams'>,
  supervisor: Person,
  request: { year: number; teamId: string },
): Promise<CardPreview> {
  const { tenantId } = supervisor;
  const team = (await repositories.teams.get(tenantId, request.teamId))?.value;
  if (!team || team.supervisorId !== supervisor.id) throw notFound('team.notYourTeam');
  const locale = (await repositories.organisations.get(tenantId))?.value.defaultLocale ?? 'fi';
  const activity = groupDiscussionActivity(team, supervisor, request.year, locale);
  const [attachment] = activity.attachments as Array<{ content: AdaptiveCard }>;
  return { card: attachment!.content };
}
