/**
 * A feature's contribution to the app: HTTP routes, chat commands, card-action handlers and background
 * work. Each feature has its own module in this folder, so features are wired without editing app.ts.
 */
import type { ProactiveMessenger } from '../fanout/proactive-messenger';
import type { Server } from 'restify';
import type { AppConfig } from '../config';
import type { Logger, RefusalLog } from '../logging';
import type { AddressGuard, RateLimiter } from '../http-kit/rate-limit';
import type { Repositories } from '../storage/repositories';
import type { StorageAccount } from '../storage/storage-account';
import type { ChatCommand } from '../chat/chat-commands';
import type { DeliveredHandler, UndeliveredHandler } from '../fanout/proactive-retries';
import type { CardActionHandler } from '../cards/card-action';

export interface AppContext {
  config: AppConfig;
  repositories: Repositories;
  storage: StorageAccount;
  logger: Logger;
  /** The one proactive-messaging path (fanout/proactive-messenger.ts) every feature sends through. */
  messenger: ProactiveMessenger;
  /** Refused requests, logged with a reason code only and bounded (logging.ts). */
  refusals: RefusalLog;
  /** Per-user and per-tenant limits shared by the API and the bot endpoint (http-kit/rate-limit.ts). */
  rateLimiter: RateLimiter;
  /** The per-address limit on failed authentication, checked before a token is (http-kit/rate-limit.ts). */
  addressGuard: AddressGuard;
  /** The service's own base URL once it listens (for deep links and card actions). */
  baseUrl(): string;
  /** The current time; tests set it to fix which year's cycle is current. */
  now(): Date;
}

export interface FeatureContribution {
  routes?: Array<(server: Server) => void>;
  commands?: ChatCommand[];
  /** Handlers of Adaptive Card Action.Execute verbs, by verb. */
  cardActions?: Record<string, CardActionHandler>;
  /**
   * For the verbs of a card with text inputs, by verb: what shows that card as it stands, writing nothing.
   * A submission refused as a whole (control characters) comes back as that card, the refusal under the field.
   */
  cardViews?: Record<string, CardActionHandler>;
  /**
   * What records the arrival of a send kept for later (fanout/proactive-retries.ts), by its note's kind: a group
   * discussion's start post, a summary's post.
   */
  onDelivered?: Record<string, DeliveredHandler>;
  /** What records that such a send ended without arriving (refused, or its retries ran out), by the same kind. */
  onUndelivered?: Record<string, UndeliveredHandler>;
  /** Background work started once the server listens; returns its stop function. */
  start?: () => Promise<() => Promise<void>>;
}

/** Every verb of a card family shown again by `show` (its card's inputs travel with each of its buttons). */
export function shownBy(
  verbs: Record<string, string>,
  show: CardActionHandler | undefined,
): Record<string, CardActionHandler> {
  return show ? Object.fromEntries(Object.values(verbs).map((verb) => [verb, show])) : {};
}

export type Feature = (context: AppContext) => Promise<FeatureContribution> | FeatureContribution;
