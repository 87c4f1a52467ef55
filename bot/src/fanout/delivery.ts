/**
 * A send (campaign) is materialised as one delivery per recipient, keyed by campaign + recipient, as
 * Company Communicator does: the row is the single source of truth for whether that recipient was served.
 */
import { DELIVERY_STATES, type DeliveryState } from '../domain/delivery-state';

/**
 * Where a message goes. A user without a known 1:1 conversation gets one created, as Teams requires. A recipient
 * the app cannot address at all (no Teams account, no channel) is still a delivery: it ends as notInstalled (or
 * noChannel) with the reason, so the report shows it instead of leaving it out.
 */
export type DeliveryTarget =
  | { kind: 'user'; serviceUrl: string; aadObjectId: string; conversationId: string | null }
  | {
      kind: 'conversation';
      serviceUrl: string;
      conversationId: string;
      /** A team's channel: each message is a new post (a thread of its own), as Teams starts one. */
      channel?: boolean;
    }
  | { kind: 'unreachable'; reason: string };

export { DELIVERY_STATES, type DeliveryState };

export const FINAL_STATES: readonly DeliveryState[] = [
  'sent',
  'blocked',
  'notInstalled',
  'failed',
  'noChannel',
];

/** The unreachable reason of a channel post with no channel: it ends in its own state, 'noChannel'. */
export const NO_CHANNEL = 'noChannel';

/**
 * The final state of a delivery whose target cannot be addressed; an address Teams said is blocked or whose app
 * was removed (the stored reference's `unreachable`) is `blocked`, counted but never sent to.
 */
export function unreachableState(
  reason: string,
): Extract<DeliveryState, 'notInstalled' | 'noChannel' | 'blocked'> {
  if (reason === NO_CHANNEL) return 'noChannel';
  return reason === 'blocked' || reason === 'removed' ? 'blocked' : 'notInstalled';
}

export function isFinal(state: DeliveryState): boolean {
  return FINAL_STATES.includes(state);
}

/** What the campaign asks for one recipient. */
export interface DeliveryRequest {
  /** Unique within the campaign, e.g. "person:10042" or "team:T1". */
  recipientKey: string;
  target: DeliveryTarget;
  /** What to send, as the campaign's renderer understands it (JSON). */
  payload: unknown;
  /**
   * Epoch ms before which the first attempt is not made: a single send kept after Teams answered 429 is not
   * sent again sooner than its Retry-After. Default: at once.
   */
  notBefore?: number;
}

export interface Delivery extends DeliveryRequest {
  tenantId: string;
  campaignId: string;
  state: DeliveryState;
  /** Requests made for this delivery (conversation creation included). */
  attempts: number;
  /** Epoch ms before which no attempt is made (retry backoff, Retry-After). */
  notBefore: number;
  leaseOwner: string | null;
  /** Epoch ms when a 'sending' lease lapses and another worker may take the delivery over. */
  leaseUntil: number | null;
  /** The 1:1 conversation created for a user target. */
  conversationId: string | null;
  /** The connector's id of the sent activity, for later updates. */
  activityId: string | null;
  /** Technical reason of the last failure (status and error code); never personal data. */
  lastError: string | null;
  /**
   * An earlier attempt may have reached the connector without its outcome being recorded (its worker stopped,
   * or the request timed out), and the message was sent again: the recipient may have it twice.
   */
  uncertain: boolean;
  updatedAt: string;
}
