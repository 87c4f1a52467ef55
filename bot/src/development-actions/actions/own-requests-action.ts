/**
 * The common part of the verbs on a person's own requests: the acting person must be linked; the year is the
 * card's, else the round the person's cards are about; the answer is their requests card with the verb's notice.
 */
import { z } from 'zod';
import type { CardActionHandler, CardActionRequest, CardActionResult } from '../../cards/card-action';
import { actingPerson, cardData, cardYear, guarded } from '../../cards/card-action-kit';
import { roundYearOf } from '../../cards/discussion-access';
import { translator } from '../../cards/localised';
import type { Locale } from '../../domain/locale';
import type { Person } from '../../domain/organisation';
import type { Repositories } from '../../storage/repositories';
import { DEVELOPMENT_ACTION_TEXTS } from '../development-action-texts';
import { requestsCard, type ActionNotice } from '../development-action-view';

export interface DevelopmentActionDeps {
  repositories: Repositories;
  now(): Date;
}

export const yearSchema = z.object({ year: cardYear });

export const message = (locale: Locale, key: 'notice.notLinked' | 'demand.notAllowed'): CardActionResult => ({
  kind: 'message',
  text: translator(DEVELOPMENT_ACTION_TEXTS, locale)(key),
});

async function show(
  deps: DevelopmentActionDeps,
  person: Person,
  locale: Locale,
  year: number,
  notice: ActionNotice | null,
): Promise<CardActionResult> {
  const requests = await deps.repositories.developmentActionRequests.listForPerson(
    person.tenantId,
    year,
    person.id,
  );
  return { kind: 'card', card: requestsCard(locale, year, requests, person.roles.includes('hr'), notice) };
}

export function ownRequestsAction(
  deps: DevelopmentActionDeps,
  run: (person: Person, year: number, request: CardActionRequest) => Promise<ActionNotice | null>,
): CardActionHandler {
  return async (request: CardActionRequest): Promise<CardActionResult> => {
    const person = actingPerson(request);
    if (!person) return message(request.locale, 'notice.notLinked');
    // A person's requests belong to the round their cards and tabs are about (asked after the round's
    // discussions close, they go to the next round).
    const year = cardData(yearSchema, request)?.year ?? (await roundYearOf(deps, person));
    return guarded(
      async () => show(deps, person, request.locale, year, await run(person, year, request)),
      async () => show(deps, person, request.locale, year, { key: 'notice.conflict', color: 'Warning' }),
    );
  };
}
