/** `groupDiscussion.open`: opens the year's discussion of the chosen team (the chair's first open creates it). */
import { z } from 'zod';
import type { CardActionHandler } from '../../cards/card-action';
import { actingPerson, cardData } from '../../cards/card-action-kit';
import { ensureDiscussion, fullCard, notice, type GroupDiscussionDeps } from '../group-discussion-context';
import { cardYear } from '../../cards/card-action-kit';

const openSchema = z.object({ year: cardYear, teamId: z.string().min(1).max(128) });

export function openAction(deps: GroupDiscussionDeps): CardActionHandler {
  return async (request) => {
    const person = actingPerson(request);
    if (!person) return { kind: 'card', card: notice(request.locale, 'notice.notLinked') };
    const data = cardData(openSchema, request);
    const team = data && (await deps.repositories.teams.get(request.tenantId, data.teamId));
    if (!data || !team) return { kind: 'card', card: notice(request.locale, 'notice.noTeam') };
    const found = await ensureDiscussion(deps, person, team.value, data.year);
    if (!('value' in found)) return { kind: 'card', card: notice(request.locale, found.key, found.color) };
    return fullCard(deps, found.value, person, request.locale, null);
  };
}
