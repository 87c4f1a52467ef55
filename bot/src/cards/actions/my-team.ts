/** `myTeam.open` (also the "my team" command): a supervisor's reports and their discussions' status in the current round (the one the team tab shows). */
import type { CardActionHandler } from '../card-action';
import { isSupervisor } from '../../domain/people-rules';
import type { AdaptiveCard } from '../card-rendering';
import type { CardsContext } from '../cards-context';
import { actorOf, roundYearOf, type Actor } from '../discussion-access';
import { renderMyTeamCard } from '../my-team-view';
import { renderNoticeCard } from '../notice-view';
import { MY_TEAM_PAGE } from '../../tunables';

export async function myTeamCard(context: CardsContext, actor: Actor): Promise<AdaptiveCard> {
  const year = await roundYearOf(context, actor.person);
  const reports = await context.repositories.people.listReports(actor.tenantId, actor.person.id, {
    pageSize: MY_TEAM_PAGE,
  });
  if (reports.items.length === 0 && !isSupervisor(actor.person)) {
    return renderNoticeCard(actor.locale, 'myTeam.notSupervisor', 'Default');
  }
  const people = [...reports.items].sort((a, b) =>
    `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fi'),
  );
  const discussions = await context.repositories.developmentDiscussions.getMany(
    actor.tenantId,
    year,
    people.map((person) => person.id),
  );
  const entries = people.map((person) => ({ person, discussion: discussions.get(person.id)?.value ?? null }));
  return renderMyTeamCard(actor.locale, year, entries, reports.continuationToken !== undefined);
}

export function openMyTeam(context: CardsContext): CardActionHandler {
  return async (request) => {
    const actor = actorOf(request);
    return { kind: 'card', card: actor.ok ? await myTeamCard(context, actor.value) : actor.card };
  };
}
