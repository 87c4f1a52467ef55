/** Opens the fan-out's tables and queue on a storage account, and makes workers that share them. */
import type { Logger } from '../logging';
import type { StorageAccount } from '../storage/storage-account';
import type { PageRequest } from '../storage/record-table';
import { TableStore, type Page } from '../storage/table-store';
import { CampaignRepository } from './campaign-repository';
import { ConversationPacer, TEAMS_CONVERSATION_LIMITS, type ConversationLimit } from './conversation-pacer';
import { DeliveryRepository } from './delivery-repository';
import { FANOUT_QUEUE, FANOUT_TABLES } from './fanout-keys';
import { FanoutQueue } from './fanout-queue';
import {
  campaignProgress,
  recentCampaigns,
  undeliveredRecipients,
  type CampaignProgress,
  type UndeliveredRecipient,
} from './campaign-progress';
import { DeliveryWorker, type WorkerDeps, type WorkerSettings } from './delivery-worker';
import {
  DEFAULT_CAMPAIGN_LEAD_SECONDS,
  startCampaign,
  type CampaignRequest,
  type CampaignStores,
  type StartOutcome,
} from './start-campaign';
import { DEFAULT_TENANT_RATE, TenantRateLimiter, type TenantRateSettings } from './tenant-rate-limiter';
import type { PacingClock } from './pacing-clock';

export interface FanoutOptions {
  /** Default "fanout"; tests give each run its own. */
  queueName?: string;
  tenantRate?: TenantRateSettings;
  conversationLimits?: readonly ConversationLimit[];
  /** How far ahead of the tenant's rate a campaign's batches become visible (start-campaign.ts). */
  campaignLeadSeconds?: number;
  clock?: PacingClock;
}

export interface Fanout extends CampaignStores {
  limiter: TenantRateLimiter;
  pacer: ConversationPacer;
  start(request: CampaignRequest): Promise<StartOutcome>;
  progress(tenantId: string, campaignId: string): Promise<CampaignProgress | null>;
  /** The tenant's campaigns, newest first, a page at a time. */
  recent(tenantId: string, page: PageRequest): Promise<Page<CampaignProgress>>;
  undelivered(tenantId: string, campaignId: string): Promise<UndeliveredRecipient[]>;
  worker(
    deps: Pick<
      WorkerDeps,
      'sender' | 'render' | 'onConversationCreated' | 'onRefused' | 'onSent' | 'onUndelivered' | 'onStep'
    > & {
      logger: Logger;
    },
    settings: Partial<WorkerSettings> & Pick<WorkerSettings, 'owner'>,
  ): DeliveryWorker;
}

export async function openFanout(account: StorageAccount, options: FanoutOptions = {}): Promise<Fanout> {
  const [campaignStore, deliveryStore, pacingStore, queueClient] = await Promise.all([
    TableStore.open(account, FANOUT_TABLES.campaigns),
    TableStore.open(account, FANOUT_TABLES.deliveries),
    TableStore.open(account, FANOUT_TABLES.pacing),
    account.ensureQueue(options.queueName ?? FANOUT_QUEUE),
  ]);
  const stores: CampaignStores = {
    campaigns: new CampaignRepository(campaignStore),
    deliveries: new DeliveryRepository(deliveryStore),
    queue: new FanoutQueue(queueClient),
  };
  const tenantRate = options.tenantRate ?? DEFAULT_TENANT_RATE;
  const limiter = new TenantRateLimiter(pacingStore, tenantRate, options.clock);
  const pace = {
    ratePerSecond: tenantRate.ratePerSecond,
    leadSeconds: options.campaignLeadSeconds ?? DEFAULT_CAMPAIGN_LEAD_SECONDS,
  };
  const pacer = new ConversationPacer(pacingStore, options.conversationLimits ?? TEAMS_CONVERSATION_LIMITS);
  return {
    ...stores,
    limiter,
    pacer,
    start: (request) => startCampaign(stores, request, pace),
    progress: (tenantId, campaignId) => campaignProgress(stores, tenantId, campaignId),
    recent: (tenantId, page) => recentCampaigns(stores, tenantId, page),
    undelivered: (tenantId, campaignId) => undeliveredRecipients(stores, tenantId, campaignId),
    worker: (deps, settings) =>
      new DeliveryWorker({ ...deps, ...stores, limiter, pacer, clock: options.clock }, settings),
  };
}
