/**
 * A card button pressed (Adaptive Card Action.Execute) and what answers it: the contract between the bot endpoint
 * (teams/) and every feature's handler, one per verb (verbs.ts builds the one table of them).
 */
import type { AdaptiveCard } from './card-rendering';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';

/** Who pressed a card button, where, and with what data. */
export interface CardActionRequest {
  tenantId: string;
  aadObjectId: string | null;
  person: Person | null;
  locale: Locale;
  verb: string;
  data: Record<string, unknown>;
  /** The conversation the card is in (for the card's `refresh.userIds` and replies). */
  conversationType: string | null;
}

/** The card to show in place of the pressed one, or a short message (Teams shows it as a toast). */
export type CardActionResult = { kind: 'card'; card: AdaptiveCard } | { kind: 'message'; text: string };

export type CardActionHandler = (request: CardActionRequest) => Promise<CardActionResult>;
