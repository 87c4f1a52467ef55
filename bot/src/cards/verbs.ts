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
