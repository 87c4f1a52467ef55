/** The Action.Execute verbs of the discussion cards: the contract between rendered cards and their handlers. */
export const VERBS = {
  open: 'discussion.open',
  refresh: 'discussion.refresh',
  savePreparation: 'discussion.savePreparation',
  submitPreparation: 'discussion.submitPreparation',
  saveSupervisorPart: 'discussion.saveSupervisorPart',
  schedule: 'discussion.schedule',
  markHeld: 'discussion.markHeld',
  sign: 'discussion.sign',
  reopen: 'discussion.reopen',
  openFollowUp: 'discussion.openFollowUp',
  saveFollowUp: 'discussion.saveFollowUp',
  sendFollowUp: 'discussion.sendFollowUp',
  myTeam: 'myTeam.open',
} as const;

/** One feature's handlers by verb, named for the message when two features claim the same verb. */
export interface VerbContribution<Handler> {
  feature: string;
  handlers: Record<string, Handler> | undefined;
}

/**
 * The one table from verb to handler, built from every feature's handlers at start-up. A verb given twice is a
 * start-up error naming the verb and both features: silently letting one win would send a card's button to the
 * wrong handler.
 */
export function verbTable<Handler>(contributions: Array<VerbContribution<Handler>>): Record<string, Handler> {
  const table: Record<string, Handler> = {};
  const owner = new Map<string, string>();
  for (const { feature, handlers } of contributions) {
    for (const [verb, handler] of Object.entries(handlers ?? {})) {
      const first = owner.get(verb);
      if (first !== undefined)
        throw new Error(`The card verb "${verb}" is handled twice: by ${first} and by ${feature}.`);
      owner.set(verb, feature);
      table[verb] = handler;
    }
  }
  return table;
}
