/**
 * bench:fanout — 10,000 recipients through the Bot Connector stand-in (Teams' limits, a network round trip of
 * --latency-ms; in a process of its own, fanout-connector.ts) by the fan-out engine at its configured ceiling,
 * on Azurite: the achieved rate as a share of the ceiling, duplicates, losses, the peak RSS of this process.
 * Then the same recipients by a TeamsFx-notification-style loop — one `continueConversationAsync` +
 * `sendActivity` after another, the SDK retrying on its own — and the ratio of the two rates.
 *
 * Options: --recipients N (10000), --tenants "40000,50,50,50" (several organisations at once, the first queued
 * first), --ceiling R (50, Teams' requests/s per tenant: the engine paces one under it and never exceeds it), --latency-ms L (50), --skip-baseline.
 * Environment BENCH_SENDER_NODE_ARGS: node options for the sending process, in place of production's heap limits (e.g.
 * "--trace-gc --max-old-space-size=96", or "" for V8's default heap).
 * Prints one `name: value unit` line per figure.
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
} from 'botbuilder';
import { startAzurite } from '../bot/src/devstack/azurite';
import { TEAMS_TENANT_CEILING, tenantRateFor } from '../bot/src/fanout/tenant-rate-limiter';
import type { ReceivedSummary } from './fanout-connector';
import { bundleEntry, nextMessage, productionHeapFlags, startConnector } from './bench-processes';
import { activity, benchTenant } from './fanout-ids';

const TENANT = 'bench-tenant';

interface Options {
  /** Recipients per tenant: one tenant of --recipients, or --tenants "40000,50,50,50". */
  tenants: number[];
  recipients: number;
  ceiling: number;
  latencyMs: number;
  skipBaseline: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      recipients: { type: 'string', default: '10000' },
      tenants: { type: 'string' },
      ceiling: { type: 'string', default: String(TEAMS_TENANT_CEILING) },
      'latency-ms': { type: 'string', default: '50' },
      'skip-baseline': { type: 'boolean', default: false },
    },
  });
  const tenants = (values.tenants ?? String(values.recipients)).split(',').map(Number);
  if (tenants.some((count) => !Number.isInteger(count) || count < 1))
    throw new Error('--tenants: counts, e.g. 40000,50');
  return {
    tenants,
    recipients: tenants[0] as number,
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

interface Memory {
  rss: number;
  heapUsed: number;
  peakRss: number;
}

const MB = 1024 * 1024;

/**
 * The sending process's node options: production's heap limits (infra/node-heap-flags.txt, bench/README.md
 * "Memory"), or BENCH_SENDER_NODE_ARGS in their place.
 */
const senderNodeArgs = (): string[] =>
  process.env.BENCH_SENDER_NODE_ARGS === undefined
    ? productionHeapFlags()
    : process.env.BENCH_SENDER_NODE_ARGS.split(' ').filter(Boolean);

async function engine(connectionString: string, opts: Options): Promise<number> {
  const connector = await startConnector(opts.latencyMs);
  const total = opts.tenants.reduce((sum, count) => sum + count, 0);
  const sender = fork(await bundleEntry('fanout-sender'), {
    execArgv: senderNodeArgs(),
    cwd: join(__dirname, '..'),
    env: {
      ...process.env,
      BENCH_CONNECTION_STRING: connectionString,
      BENCH_SERVICE_URL: connector.serviceUrl,
      BENCH_TENANTS: opts.tenants.join(','),
      BENCH_CEILING: String(opts.ceiling),
    },
  });
  const {
    at: started,
    materialiseMs,
    materialisePeakRss,
  } = await nextMessage<{ at: number; materialiseMs: number; materialisePeakRss: number }>(sender, 'started');
  print('fanout.materialise_time', materialiseMs / 1000, 's', 1);
  print('fanout.materialise_peak_rss', materialisePeakRss / MB, 'MB');
  const memory = (): Promise<Memory> => {
    const answer = nextMessage<Memory>(sender, 'memory');
    sender.send('memory');
    return answer;
  };

  // RSS as the campaign progresses: flat means the engine's memory does not grow with the campaign.
  const quarters = [25, 50, 75, 100];
  for (;;) {
    const accepted = await connector.accepted();
    while (quarters.length > 0 && accepted * 100 >= (quarters[0] as number) * total) {
      const { rss } = await memory();
      print(`fanout.rss_at_${quarters.shift() as number}pct`, rss / MB, 'MB');
    }
    if (accepted >= total) break;
    await sleep(1000);
  }
  const finished = nextMessage<{ leases: number; requests: number; peakRss: number }>(sender, 'finished');
  sender.send('finish');
  const { leases, requests, peakRss } = await finished;
  const sendTime = (Date.now() - started) / 1000;

  const received = await connector.received();
  const achieved = report('fanout', received, total, sendTime);
  print('fanout.achieved_rate_of_ceiling', (achieved / opts.ceiling) * 100, '%', 1);
  print(
    'fanout.throttled_share',
    (received.filter((r) => r.status === 429).length / received.length) * 100,
    '%',
    2,
  );
  print('fanout.missed_send_times', leases - requests, 'leases');
  // Over every tenant together; with one tenant, the most the stand-in counted against its 50 in any second.
  print('fanout.max_per_second', maxInSecond(received.map((r) => r.at)), 'requests');
  print('fanout.peak_rss', peakRss / MB, 'MB');
  if (opts.tenants.length > 1) tenantFigures(received, opts, started);
  await connector.close();
  return achieved;
}

/**
 * Per tenant: when its last message arrived after the worker started, against its own minimum (its recipients at
 * the ceiling); the most of its requests the stand-in saw in any second; and the 429s it was answered.
 */
function tenantFigures(received: readonly ReceivedSummary[], opts: Options, started: number): void {
  for (const [index, count] of opts.tenants.entries()) {
    const own = received.filter((r) => r.tenantId === benchTenant(index));
    const accepted = own.filter((r) => isMessage(r) && r.status < 300).map((r) => r.at);
    const last = accepted.length > 0 ? Math.max(...accepted) : started;
    const minimum = count / opts.ceiling;
    print(`tenant_${index}.recipients`, count, 'recipients');
    print(`tenant_${index}.finished_after`, (last - started) / 1000, 's', 1);
    print(`tenant_${index}.minimum_time`, minimum, 's', 1);
    print(`tenant_${index}.max_per_second`, maxInSecond(own.map((r) => r.at)), 'requests');
    print(`tenant_${index}.throttled`, own.filter((r) => r.status === 429).length, 'responses (429)');
  }
}

/** The most of `times` in any window of one second. */
function maxInSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= 1000) first++;
    max = Math.max(max, last - first + 1);
  }
  return max;
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
        tenantId: TENANT,
      } as ConversationReference['conversation'],
      // Teams (and the stand-in, as strict as the Agents Playground) refuses an empty conversation name: none is sent.
      bot: { id: '28:osaamiskello-bench', name: 'Osaamiskello' },
      user: { id: `29:${index}`, name: `Henkilö ${index}` },
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

/** The machine's 1-minute load average: the figures mean little when other work shares the 2 cores. */
function printLoad(when: 'start' | 'end'): void {
  print(`load_average_at_${when}`, loadavg()[0] ?? 0, '(1 min)', 2);
}

export async function main(): Promise<void> {
  printLoad('start');
  const opts = options();
  print(
    'fanout.recipients',
    opts.tenants.reduce((sum, count) => sum + count, 0),
    'recipients',
  );
  print('fanout.tenants', opts.tenants.length, 'tenants');
  print('fanout.ceiling', opts.ceiling, 'requests/s');
  print('fanout.pacing', tenantRateFor(opts.ceiling).ratePerSecond, 'requests/s');
  print('connector.latency', opts.latencyMs, 'ms');
  console.error(`sending process: node ${senderNodeArgs().join(' ')}`);
  const azurite = await startAzurite();
  try {
    const engineRate = await engine(azurite.connectionString, opts);
    if (!opts.skipBaseline) {
      const baselineRate = await baseline(opts);
      print('fanout.speedup_vs_sequential', baselineRate > 0 ? engineRate / baselineRate : 0, 'x', 1);
    }
    printLoad('end');
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
