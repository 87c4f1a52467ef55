/**
 * bench:fanout — 10,000 recipients through the Bot Connector stand-in (Teams' limits, a network round trip of
 * --latency-ms; in a process of its own, fanout-connector.ts) by the fan-out engine at its configured ceiling,
 * on Azurite: the achieved rate as a share of the ceiling, duplicates, losses, the peak RSS of this process.
 * Then the same recipients by a TeamsFx-notification-style loop — one `continueConversationAsync` +
 * `sendActivity` after another, the SDK retrying on its own — and the ratio of the two rates.
 *
 * Options: --recipients N (10000), --ceiling R (45, requests/s), --latency-ms L (50), --skip-baseline.
 * Prints one `name: value unit` line per figure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
} from 'botbuilder';
import { startAzurite } from '../bot/src/devstack/azurite';
import type { DeliveryRequest } from '../bot/src/fanout/delivery';
import { openFanout } from '../bot/src/fanout/fanout-engine';
import { createLogger } from '../bot/src/logging';
import { openStorageAccount } from '../bot/src/storage/storage-account';
import { ConnectorSender } from '../bot/src/teams/connector-sender';
import type { ReceivedSummary } from './fanout-connector';

const TENANT = 'bench-tenant';

interface Options {
  recipients: number;
  ceiling: number;
  latencyMs: number;
  skipBaseline: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      recipients: { type: 'string', default: '10000' },
      ceiling: { type: 'string', default: '45' },
      'latency-ms': { type: 'string', default: '50' },
      'skip-baseline': { type: 'boolean', default: false },
    },
  });
  return {
    recipients: Number(values.recipients),
    ceiling: Number(values.ceiling),
    latencyMs: Number(values['latency-ms']),
    skipBaseline: values['skip-baseline'] ?? false,
  };
}

function print(name: string, value: number, unit: string, digits = 0): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

const conversationOf = (index: number): string => `a:bench-${index}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RemoteConnector {
  serviceUrl: string;
  /** How many messages it has accepted so far. */
  accepted(): Promise<number>;
  received(): Promise<ReceivedSummary[]>;
  close(): Promise<void>;
}

/** The stand-in (Teams' limits, `latencyMs` per answer) in its own process: see fanout-connector.ts. */
function startConnector(latencyMs: number): Promise<RemoteConnector> {
  const child: ChildProcess = fork(join(__dirname, 'fanout-connector.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_LATENCY_MS: String(latencyMs) },
  });
  const next = <T>(key: string): Promise<T> =>
    new Promise((resolve) => {
      const listen = (message: Record<string, T>): void => {
        if (!(key in message)) return;
        child.off('message', listen);
        resolve(message[key] as T);
      };
      child.on('message', listen);
    });
  return next<string>('serviceUrl').then((serviceUrl) => ({
    serviceUrl,
    accepted: () => {
      const count = next<number>('accepted');
      child.send('count');
      return count;
    },
    received: () => {
      const received = next<ReceivedSummary[]>('received');
      child.send('report');
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  }));
}

function activity(index: number): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', text: `Muistutus ${index}`, wrap: true }],
        },
      },
    ],
  };
}

/** A message into a conversation: the engine sends, the SDK's continuation replies (Teams shows both alike). */
const isMessage = (request: ReceivedSummary): boolean =>
  request.operation === 'sendToConversation' || request.operation === 'replyToActivity';

/** Accepted messages per conversation: duplicates are extra copies, losses are recipients with none. */
function delivery(
  received: readonly ReceivedSummary[],
  recipients: number,
): { duplicates: number; losses: number } {
  const counts = new Map<string, number>();
  for (const request of received) {
    if (isMessage(request) && request.status < 300 && request.conversationId) {
      counts.set(request.conversationId, (counts.get(request.conversationId) ?? 0) + 1);
    }
  }
  const duplicates = [...counts.values()].reduce((sum, count) => sum + count - 1, 0);
  return { duplicates, losses: recipients - counts.size };
}

/** Messages per second between the first and the last accepted send. */
function rate(received: readonly ReceivedSummary[]): number {
  const accepted = received.filter((r) => isMessage(r) && r.status < 300);
  const first = accepted[0]?.at ?? 0;
  const last = accepted[accepted.length - 1]?.at ?? 0;
  return last > first ? ((accepted.length - 1) * 1000) / (last - first) : 0;
}

/** The figures both senders are measured by. */
function report(
  prefix: string,
  received: readonly ReceivedSummary[],
  recipients: number,
  sendTime: number,
): number {
  const achieved = rate(received);
  const { duplicates, losses } = delivery(received, recipients);
  print(`${prefix}.send_time`, sendTime, 's', 1);
  print(`${prefix}.achieved_rate`, achieved, 'messages/s', 1);
  print(`${prefix}.duplicates`, duplicates, 'messages');
  print(`${prefix}.losses`, losses, 'recipients');
  print(`${prefix}.throttled`, received.filter((r) => r.status === 429).length, 'responses (429)');
  return achieved;
}

async function engine(connectionString: string, opts: Options): Promise<number> {
  const connector = await startConnector(opts.latencyMs);
  const account = openStorageAccount({ kind: 'connectionString', connectionString, tablePrefix: 'bench' });
  const fanout = await openFanout(account, {
    tenantRate: { ratePerSecond: opts.ceiling, horizonMs: 1000, maxClaim: 16 },
  });
  const deliveries: DeliveryRequest[] = Array.from({ length: opts.recipients }, (_, index) => ({
    recipientKey: `person:${index}`,
    target: {
      kind: 'user',
      serviceUrl: connector.serviceUrl,
      aadObjectId: `aad-${index}`,
      conversationId: conversationOf(index),
    },
    payload: { index },
  }));

  let started = Date.now();
  await fanout.start({ tenantId: TENANT, campaignId: 'bench', label: 'bench', deliveries });
  print('fanout.materialise_time', (Date.now() - started) / 1000, 's', 1);

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  // A lease not followed by a request is a send time the worker missed (see MAX_LATENESS_MS).
  let leases = 0;
  let requests = 0;
  const worker = fanout.worker(
    {
      sender: new ConnectorSender(null),
      render: (row) => activity((row.payload as { index: number }).index),
      logger: createLogger('error', (line) => process.stderr.write(line)),
      onStep: (step) => {
        if (step === 'leased') leases += 1;
        else if (step === 'answered') requests += 1;
      },
    },
    { owner: 'bench' },
  );
  started = Date.now();
  worker.start();
  // Counting states reads every row: ask for progress only once the connector has had every message.
  while ((await connector.accepted()) < opts.recipients) await sleep(1000);
  while (!(await fanout.progress(TENANT, 'bench'))?.finished) await sleep(500);
  const sendTime = (Date.now() - started) / 1000;
  await worker.stop();
  clearInterval(sampler);

  const achieved = report('fanout', await connector.received(), opts.recipients, sendTime);
  print('fanout.achieved_rate_of_ceiling', (achieved / opts.ceiling) * 100, '%', 1);
  print('fanout.missed_send_times', leases - requests, 'leases');
  print('fanout.peak_rss', peakRss / 1024 / 1024, 'MB');
  await connector.close();
  return achieved;
}

/** As a TeamsFx notification bot sends: each installation in turn, the SDK's own retries on 429 and 5xx. */
async function baseline(opts: Options): Promise<number> {
  const connector = await startConnector(opts.latencyMs);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const started = Date.now();
  for (let index = 0; index < opts.recipients; index++) {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      conversation: {
        id: conversationOf(index),
        isGroup: false,
        conversationType: 'personal',
        name: '',
        tenantId: TENANT,
      },
      bot: { id: '', name: '' },
      user: { id: `29:${index}`, name: '' },
    };
    await adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity(activity(index));
    });
  }
  const sendTime = (Date.now() - started) / 1000;
  const achieved = report('baseline', await connector.received(), opts.recipients, sendTime);
  await connector.close();
  return achieved;
}

export async function main(): Promise<void> {
  const opts = options();
  print('fanout.recipients', opts.recipients, 'recipients');
  print('fanout.ceiling', opts.ceiling, 'requests/s');
  print('connector.latency', opts.latencyMs, 'ms');
  const azurite = await startAzurite();
  try {
    const engineRate = await engine(azurite.connectionString, opts);
    if (!opts.skipBaseline) {
      const baselineRate = await baseline(opts);
      print('fanout.speedup_vs_sequential', baselineRate > 0 ? engineRate / baselineRate : 0, 'x', 1);
    }
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
