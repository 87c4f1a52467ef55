/**
 * The embedded storage default: starts the Azurite emulator (an npm dependency) on loopback and
 * returns a connection string for it. Used by `npm start` (data on disk) and by the tests (in memory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from './free-port';

/** Azurite's well-known development account (public, documented; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Folder for Azurite's data; in memory when omitted. */
  location?: string;
  /** Fixed ports (default: free ones). */
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
  /** How long to wait for Azurite's ports before giving up (and stopping it); 20 s by default. */
  startTimeoutMs?: number;
}

export interface RunningAzurite {
  connectionString: string;
  ports: { blob: number; queue: number; table: number };
  pid: number;
  stop(): Promise<void>;
}

export function azuriteConnectionString(ports: { blob: number; queue: number; table: number }): string {
  const host = 'http://127.0.0.1';
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEV_ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `BlobEndpoint=${host}:${ports.blob}/${DEV_ACCOUNT}`,
    `QueueEndpoint=${host}:${ports.queue}/${DEV_ACCOUNT}`,
    `TableEndpoint=${host}:${ports.table}/${DEV_ACCOUNT}`,
  ].join(';');
}

function waitForPort(port: number, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Azurite did not open port ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const ports = {
    blob: options.blobPort ?? (await freePort()),
    queue: options.queuePort ?? (await freePort()),
    table: options.tablePort ?? (await freePort()),
  };
  const args = [
    require.resolve('azurite/dist/src/azurite.js'),
    '--silent',
    '--disableTelemetry',
    '--loose',
    '--skipApiVersionCheck',
    '--blobHost',
    '127.0.0.1',
    '--queueHost',
    '127.0.0.1',
    '--tableHost',
    '127.0.0.1',
    '--blobPort',
    String(ports.blob),
    '--queuePort',
    String(ports.queue),
    '--tablePort',
    String(ports.table),
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}): ${stderr.slice(0, 500)}`))),
  );
  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  exited.catch(() => undefined);
  try {
    await Promise.race([
      Promise.all([waitForPort(ports.table, deadline), waitForPort(ports.queue, deadline)]),
      exited,
    ]);
  } catch (error) {
    // Never leave an emulator behind that the caller cannot stop: it holds its ports and data folder.
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  }
  return {
    connectionString: azuriteConnectionString(ports),
    ports,
    pid: child.pid ?? -1,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
