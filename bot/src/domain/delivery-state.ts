/**
 * What became of one proactive message of a send (a reminder campaign, an invitation, a channel post): the
 * states the fan-out engine moves a delivery through, and what HR's send progress counts.
 */
export const DELIVERY_STATES = [
  'pending', // waiting for its turn (or for a retry's backoff, see notBefore)
  'sending', // leased by one worker, whose request may be on its way
  'sent',
  'blocked', // 403: the user blocked the bot or the app was removed
  'notInstalled', // 404: no such conversation / the app is not installed for the user
  'failed', // a permanent error, or retries exhausted
  'noChannel', // a channel post for a service area or team that has no channel linked: nothing was sent
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** How many of a send's deliveries are in each state. */
export type StateCounts = Record<DeliveryState, number>;
