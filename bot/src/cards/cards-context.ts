/** What the discussion cards' handlers use: storage and its caches, the clock, Teams user ids, follow-up delivery. */
import type { DevelopmentDiscussion } from '../domain/development-discussion';
import type { Logger } from '../logging';
import type { AuditTrail } from '../storage/audit-trail';
import type { Repositories } from '../storage/repositories';
import type { ProactiveMessenger } from '../fanout/proactive-messenger';
import type { ReadCaches } from './read-caches';
import type { UserIdDirectory } from './user-id-directory';

export interface CardsContext {
  repositories: Repositories;
  now(): Date;
  logger: Logger;
  userIds: UserIdDirectory;
  /** Sends the follow-up card to the employee's chat. */
  messenger: ProactiveMessenger;
  caches: ReadCaches;
  /** Records who read or changed whose discussion. */
  audit: AuditTrail;
  /**
   * After a discussion was signed or reopened: its service area's aggregates are refreshed
   * (summaries/aggregate-refresh.ts, wired by features/, since the summaries build on the cards).
   */
  afterSigning(discussion: DevelopmentDiscussion, at: string): Promise<void>;
}
