/**
 * The composition root: configuration → storage → repositories → services → HTTP. `startApp` is what
 * `npm start`, the production entry point and the tests all run, so they run the same wiring.
 */
import { ConnectorSender } from './teams/connector-sender';
import { ReferenceMessenger } from './fanout/proactive-messenger';
import { addressKeeping } from './fanout/address-keeping';
import {
  openProactiveRetries,
  type DeliveredHandler,
  type UndeliveredHandler,
} from './fanout/proactive-retries';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { AppConfig, StorageConfig } from './config';
import { captureSdkConsole, createLogger, createRefusalLog, type Logger } from './logging';
import { createAddressGuard, createRateLimiter } from './http-kit/rate-limit';
import { fieldsWithForbiddenCharacters } from './domain/free-text';
import { translate } from './i18n/translate';
import { inTheirLanguageIfKnown } from './i18n/person-language';
import { VERBS_CHECKING_TEXT_BY_FIELD } from './cards/card-inputs';
import { startAzurite, type RunningAzurite } from './devstack/azurite';
import { openStorageAccount, type StorageAccount, type StorageSettings } from './storage/storage-account';
import { openRepositories, type Repositories } from './storage/repositories';
import { seedDemoMunicipalityIfEmpty } from './organisation-data/demo-seeding';
import { ChatCommands } from './chat/chat-commands';
import { FEATURES } from './features';
import type { AppContext, Feature, FeatureContribution } from './features/feature';
import type { CardActionHandler, CardActionRequest, CardActionResult } from './cards/card-action';
import { withFieldRefusal } from './cards/field-refusal';
import { verbTable } from './cards/verbs';
import { createBotEndpoint, type BotAuthOverrides } from './teams/bot-endpoint';
import type { BotPorts } from './teams/bot-ports';
import { createHttpServer } from './http/server';
import { writeEmbeddedStorageInfo } from './devstack/embedded-storage-info';

export interface RunningApp {
  url: string;
  port: number;
  repositories: Repositories;
  storage: StorageAccount;
  /** The embedded Azurite's connection string, when storage is embedded. */
  embeddedConnectionString: string | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  botAuthOverrides?: BotAuthOverrides;
  /** The clock features read (default: the system clock). */
  now?: () => Date;
  /** The features wired (default: FEATURES, the app's own). */
  features?: Feature[];
}

async function openStorage(
  config: StorageConfig,
): Promise<{ settings: StorageSettings; azurite: RunningAzurite | null }> {
  if (config.kind !== 'embedded') return { settings: config, azurite: null };
  const azurite = await startAzurite({ location: config.dataDir });
  writeEmbeddedStorageInfo(config.dataDir, azurite.connectionString);
  return {
    settings: {
      kind: 'connectionString',
      connectionString: azurite.connectionString,
      tablePrefix: config.tablePrefix,
    },
    azurite,
  };
}

function botPorts(
  repositories: Repositories,
  commands: ChatCommands,
  cardActions: Record<string, CardActionHandler>,
  cardViews: Record<string, CardActionHandler>,
): BotPorts {
  const handlerOf = (verb: string | undefined): CardActionHandler | undefined =>
    verb !== undefined && Object.hasOwn(cardActions, verb) ? cardActions[verb] : undefined;
  /** The card the refused text came from, as it stands, with the refusal under each field; else a message. */
  const refuseText = async (request: CardActionRequest, fields: string[]): Promise<CardActionResult> => {
    const text = translate(request.locale, 'cards.error.controlCharacters');
    const show = Object.hasOwn(cardViews, request.verb) ? cardViews[request.verb] : undefined;
    const shown = show ? await show(request) : null;
    const card = shown?.kind === 'card' ? withFieldRefusal(shown.card, fields, text, request.data) : null;
    return card ? { kind: 'card', card } : { kind: 'message', text };
  };
  return {
    commands,
    cardAction: async (request) => {
      const handler = handlerOf(request.verb);
      if (!handler) return null;
      // Every card's free text, whatever the verb: nothing invisible that could mislead another reader. The
      // discussion cards check it field by field themselves; the others' cards are shown again with the
      // refusal under the field, nothing written.
      if (!VERBS_CHECKING_TEXT_BY_FIELD.has(request.verb)) {
        const fields = fieldsWithForbiddenCharacters(request.data);
        if (fields.length > 0) return refuseText(request, fields);
      }
      return handler(request);
    },
    findPerson: async (tenantId, aadObjectId) =>
      inTheirLanguageIfKnown(
        repositories.languageChoices,
        await repositories.people.findByAadObjectId(tenantId, aadObjectId),
      ),
    defaultLocale: async (tenantId) =>
      (await repositories.organisations.get(tenantId))?.value.defaultLocale ?? 'fi',
    saveConversation: async (record) => {
      await repositories.conversationReferences.save(record);
    },
    forgetConversation: (tenantId, address) => repositories.conversationReferences.delete(tenantId, address),
    markUnreachable: (tenantId, address, reason) =>
      repositories.conversationReferences.markUnreachable(tenantId, address, reason),
  };
}

export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const { settings, azurite } = await openStorage(config.storage);
  let releaseSdkConsole = (): void => undefined;
  try {
    const storage = openStorageAccount(settings);
    const repositories = await openRepositories(storage);

    const seedDemo =
      config.demoData === 'on' || (config.demoData === 'auto' && config.storage.kind === 'embedded');
    if (seedDemo) {
      const result = await seedDemoMunicipalityIfEmpty(repositories, config.demoTenantId);
      if (result.seeded) logger.info('demo.seeded', { tenantId: config.demoTenantId, people: result.people });
    }

    let baseUrl = '';
    const sender = new ConnectorSender(config.botAuth);
    // Single sends Teams did not take while their caller waited are kept in storage and retried by this worker.
    const retries = await openProactiveRetries(storage);
    // Filled from the features below, before the worker starts.
    const onDelivered = new Map<string, DeliveredHandler>();
    const onUndelivered = new Map<string, UndeliveredHandler>();
    const retryWorker = retries.worker({
      sender,
      logger,
      ...addressKeeping(repositories.conversationReferences),
      onDelivered,
      onUndelivered,
    });
    const messenger = new ReferenceMessenger({
      references: repositories.conversationReferences,
      sender,
      logger,
      createConversationsAt: config.reminders.serviceUrl,
      retries,
    });
    const refusals = createRefusalLog(logger);
    const context: AppContext = {
      config,
      repositories,
      storage,
      logger,
      messenger,
      refusals,
      rateLimiter: createRateLimiter(config.rateLimits),
      addressGuard: createAddressGuard(config.rateLimits),
      baseUrl: () => baseUrl,
      now: options.now ?? (() => new Date()),
    };
    const contributions: Array<{ feature: string; contribution: FeatureContribution }> = [];
    for (const [index, feature] of (options.features ?? FEATURES).entries())
      contributions.push({
        feature: feature.name || `feature ${index + 1}`,
        contribution: await feature(context),
      });
    // A kind two features both record stops the start here, as a verb does.
    for (const { feature, contribution } of contributions)
      for (const [kind, handler] of Object.entries(contribution.onDelivered ?? {})) {
        if (onDelivered.has(kind))
          throw new Error(`Two features record the arrival of ${kind} (${feature}).`);
        onDelivered.set(kind, handler);
      }
    for (const { feature, contribution } of contributions)
      for (const [kind, handler] of Object.entries(contribution.onUndelivered ?? {})) {
        if (onUndelivered.has(kind)) throw new Error(`Two features record the end of ${kind} (${feature}).`);
        onUndelivered.set(kind, handler);
      }
    const commands = new ChatCommands(
      contributions.flatMap(({ contribution }) => contribution.commands ?? []),
    );
    // One table per kind of handler; a verb two features both claim stops the start here.
    const cardActions = verbTable(
      contributions.map(({ feature, contribution }) => ({ feature, handlers: contribution.cardActions })),
    );
    const cardViews = verbTable(
      contributions.map(({ feature, contribution }) => ({ feature, handlers: contribution.cardViews })),
    );
    const bot = createBotEndpoint(
      config.botAuth,
      botPorts(repositories, commands, cardActions, cardViews),
      logger,
      options.botAuthOverrides ?? {},
      context,
    );
    releaseSdkConsole = captureSdkConsole(refusals);
    const server: Server = createHttpServer({
      bot,
      logger,
      refusals,
      addressGuard: context.addressGuard,
      pingStorage: () => storage.ping(),
      tabsDist: config.tabsDist,
      routes: contributions.flatMap(({ contribution }) => contribution.routes ?? []),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    baseUrl = url;
    retryWorker.start();
    const stoppers: Array<() => Promise<void>> = [() => retryWorker.stop()];
    for (const { contribution } of contributions)
      if (contribution.start) stoppers.push(await contribution.start());
    logger.info('app.started', { url, storage: config.storage.kind, botAuth: config.botAuth !== null });
    return {
      url,
      port,
      repositories,
      storage,
      embeddedConnectionString: azurite?.connectionString ?? null,
      stop: async () => {
        releaseSdkConsole();
        await Promise.allSettled(stoppers.map((stop) => stop()));
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await azurite?.stop();
      },
    };
  } catch (error) {
    releaseSdkConsole();
    await azurite?.stop();
    throw error;
  }
}
