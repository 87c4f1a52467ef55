/** What the app answers in a chat, independent of the bot SDK (the teams/ folder turns it into activities). */
export type ChatReply =
  { kind: 'text'; text: string } | { kind: 'card'; card: Record<string, unknown>; fallbackText: string };
