/**
 * What the benches that run the service in processes of their own share: the Bot Connector stand-in in a child
 * process (bench/fanout-connector.ts), a child's next IPC message, and a TypeScript entry bundled into one
 * JavaScript file for plain `node` (as production runs compiled JavaScript, without the TypeScript loader).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { ReceivedSummary } from './fanout-connector';

export interface RemoteConnector {
  serviceUrl: string;
  /** How many messages it has accepted so far. */
  accepted(): Promise<number>;
  received(): Promise<ReceivedSummary[]>;
  close(): Promise<void>;
}

/** The stand-in (Teams' limits, `latencyMs` per answer) in its own process: see fanout-connector.ts. */
export function startConnector(latencyMs: number): Promise<RemoteConnector> {
  const child: ChildProcess = fork(join(__dirname, 'fanout-connector.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_LATENCY_MS: String(latencyMs) },
  });
  const next = <T>(key: string): Promise<T> => nextMessage<T>(child, key);
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

/** A child process's next IPC message carrying `key`; refused if the child exits first. */
export function nextMessage<T>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listen = (message: Record<string, T>): void => {
      if (typeof message !== 'object' || message === null || !(key in message)) return;
      child.off('message', listen);
      child.off('exit', exited);
      resolve(message[key] as T);
    };
    const exited = (code: number | null, signal: NodeJS.Signals | null): void =>
      reject(new Error(`the child process exited (${signal ?? code}) before '${key}'`));
    child.on('message', listen);
    child.once('exit', exited);
  });
}

/** bench/<name>.ts as one JavaScript file (its packages stay in node_modules), for plain `node`. */
export async function bundleEntry(name: string): Promise<string> {
  // Beside the bot's own packages, so that the bundle's `require`s resolve as the bot's modules do.
  const outfile = join(__dirname, '..', 'bot', 'node_modules', '.cache', 'osaamiskello-bench', `${name}.js`);
  await build({
    entryPoints: [join(__dirname, `${name}.ts`)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * The V8 heap limits production starts the service with (infra/node-heap-flags.txt, read by infra/azure.bicep's
 * appCommandLine): the benches start their sending processes with the same flags.
 */
export function productionHeapFlags(): string[] {
  return readFileSync(join(__dirname, '..', 'infra', 'node-heap-flags.txt'), 'utf8')
    .trim()
    .split(/\s+/);
}

/** A process's resident set and its peak so far, from Linux's /proc (null elsewhere). */
export function residentSet(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string): number =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
  } catch {
    return null;
  }
}
