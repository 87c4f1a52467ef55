/**
 * The common part of every strategic-discussion verb: the acting person must be linked; a verb that writes needs
 * the card's year and version (opening defaults to this year); a refusal shows the discussion with the reason,
 * under the agenda item's or theme's field when it is about one.
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
import type { Person } from '../../domain/organisation';
import { message, show, thisYear, type StrategyStore } from '../strategy-context';
import { STRATEGY_TEXTS } from '../strategy-texts';
import { agendaInputId, themeInputId, type StrategyNotice } from '../strategy-view';

const refSchema = z.object({
  year: cardYear,
  etag: z.string().max(200).default(''),
});

const noticeOf = (outcome: Outcome): StrategyNotice =>
  outcome.kind === 'conflict'
    ? { key: 'notice.conflict', color: 'Warning' }
    : {
        key: outcome.code in STRATEGY_TEXTS ? (outcome.code as StrategyNotice['key']) : 'strategy.notAllowed',
        color: 'Attention',
      };

export function strategyAction(
  deps: StrategyStore,
  run: (
    person: Person,
    year: number,
    etag: string,
    request: CardActionRequest,
  ) => Promise<StrategyNotice | null>,
  writes = true,
): CardActionHandler {
  return async (request: CardActionRequest): Promise<CardActionResult> => {
    const person = actingPerson(request);
    if (!person) return message(request.locale, 'notice.notLinked');
    const data = cardData(refSchema, request);
    // Only a card that says which year's discussion it showed may change it; opening defaults to this year.
    if (!data && writes)
      return show(deps, person, request.locale, await thisYear(deps, person.tenantId), null);
    const ref = data ?? { year: await thisYear(deps, person.tenantId), etag: '' };
    return guarded(
      async () =>
        show(deps, person, request.locale, ref.year, await run(person, ref.year, ref.etag, request)),
      async (outcome) => {
        const notice = noticeOf(outcome);
        const item = refusedAbout(outcome, 'item');
        const theme = refusedAbout(outcome, 'theme');
        const field = item ? agendaInputId(item) : theme ? themeInputId(theme) : undefined;
        return refusalShown(
          request,
          notice,
          field,
          () => translator(STRATEGY_TEXTS, request.locale)(notice.key),
          (shown) => show(deps, person, request.locale, ref.year, shown),
        );
      },
    );
  };
}
