import type { CardActionResult } from '../cards/card-action';

/** What the app answers in a chat, independent of the bot SDK (the teams/ folder turns it into activities). */
export type ChatReply =
  { kind: 'text'; text: string } | { kind: 'card'; card: Record<string, unknown>; fallbackText: string };

/** A card action's answer as a chat reply, for commands that open the same card. */
export function asReply(result: CardActionResult): ChatReply {
  return result.kind === 'card'
    ? { kind: 'card', card: result.card, fallbackText: 'Osaamiskello' }
    : { kind: 'text', text: result.text };
}
