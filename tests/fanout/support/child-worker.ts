/** Starts and stops worker-process.ts in a child process; every child a test starts, the test stops. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ChildWorkerSettings {
  queueName: string;
  owner: string;
  ratePerSecond: number;
  concurrency: number;
  leaseMs: number;
  visibilitySeconds: number;
  crashAt?: 'leased' | 'answered' | 'recorded';
  crashAfter?: number;
}

export interface ChildWorker {
  pid: number;
  /** Resolves with the exit signal (or code) when the process has ended. */
  exited: Promise<string>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

const REGISTER = join(__dirname, 'ts-register.js');
const ENTRY = join(__dirname, 'worker-process.ts');

export async function startChildWorker(settings: ChildWorkerSettings): Promise<ChildWorker> {
  const child: ChildProcess = spawn(process.execPath, ['-r', REGISTER, ENTRY], {
    env: {
      ...process.env,
      OSK_QUEUE: settings.queueName,
      OSK_OWNER: settings.owner,
      OSK_RATE: String(settings.ratePerSecond),
      OSK_CONCURRENCY: String(settings.concurrency),
      OSK_LEASE_MS: String(settings.leaseMs),
      OSK_VISIBILITY_SECONDS: String(settings.visibilitySeconds),
      ...(settings.crashAt
        ? { OSK_CRASH_AT: settings.crashAt, OSK_CRASH_AFTER: String(settings.crashAfter ?? 1) }
        : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    void exited.then((how) =>
      reject(new Error(`worker ended before it was ready (${how}): ${stderr.slice(0, 500)}`)),
    );
  });
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { pid: child.pid ?? -1, exited, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
