/**
 * What every feature's card actions share: the card's data checked with zod, and a rule's refusal or a
 * lost race turned into the current card with a notice instead of an error (nothing was written then).
 */
import { z } from 'zod';
import { DomainRuleError } from '../domain/errors';
import type { Person } from '../domain/organisation';
import type { CardActionRequest, CardActionResult } from './card-action';
import { isWriteRace } from '../storage/errors';
import { withFieldRefusal } from './field-refusal';
import { YEAR_BOUNDS } from '../tunables';

/** A year a card's data names: within the years any card, API or route accepts. */
export const cardYear = z.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max);

export type Outcome =
  { kind: 'refused'; code: string; params?: Record<string, string | number> } | { kind: 'conflict' };

/** Runs `action`; a DomainRuleError or a lost race (conflict, already created) is answered by `answer` instead. */
export async function guarded(
  action: () => Promise<CardActionResult>,
  answer: (outcome: Outcome) => Promise<CardActionResult>,
): Promise<CardActionResult> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DomainRuleError)
      return answer({ kind: 'refused', code: error.code, params: error.params });
    // Someone else's write came first: changed what the card showed, or created what it was about to create.
    if (isWriteRace(error)) return answer({ kind: 'conflict' });
    throw error;
  }
}

/**
 * A refusal on the verb's card. About one input (`field`): the card as it stands, rendered without a notice,
 * with `text` under that input and what was typed kept; otherwise, or when the card has no such input, the card
 * with the notice at the top.
 */
export async function refusalShown<Notice>(
  request: CardActionRequest,
  notice: Notice,
  field: string | undefined,
  text: () => string | Promise<string>,
  card: (notice: Notice | null) => Promise<CardActionResult>,
): Promise<CardActionResult> {
  if (!field) return card(notice);
  const shown = await card(null);
  const marked =
    shown.kind === 'card' ? withFieldRefusal(shown.card, [field], await text(), request.data) : null;
  return marked ? { kind: 'card', card: marked } : card(notice);
}

/** What a rule's refusal names in its params (`theme`, an agenda `item`), for the input that holds it. */
export function refusedAbout(outcome: Outcome, name: 'theme' | 'item'): string | undefined {
  const value = outcome.kind === 'refused' ? outcome.params?.[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The card's data, or null when it is not what our cards send (an old or forged card). */
export function cardData<S extends z.ZodType>(schema: S, request: CardActionRequest): z.infer<S> | null {
  const parsed = schema.safeParse(request.data);
  return parsed.success ? parsed.data : null;
}

/** The linked person pressing the button, or null for a Teams user HR's data does not know. */
export function actingPerson(request: Pick<CardActionRequest, 'tenantId' | 'person'>): Person | null {
  return request.person && request.person.tenantId === request.tenantId ? request.person : null;
}

/** The lines of a multi-line input. */
export function lines(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/\r?\n/) : [];
}
