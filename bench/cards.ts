/**
 * Card submits under load: 50 simulated users each press "save and continue" on their preparation card over
 * and over, as Teams would post it (an adaptiveCard/action invoke to /api/messages). Each submit is validated,
 * stored with its ETag in Azurite and answered with the next card. The users run in a process of their own
 * (bench/cards-client.ts), Azurite in another, so this process is the service alone.
 *
 * Two phases: a closed loop (each user presses again as soon as the card is back: the most the service
 * takes), then the same users paced to `BENCH_RATE` submits/s in all (300 by default, the target), where
 * the latency is what a user would see at that load. Run with `npx tsx bench/cards.ts` (or `npm run bench:cards`).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { startApp } from '../bot/src/app';
import { loadConfig } from '../bot/src/config';
import { startAzurite } from '../bot/src/devstack/azurite';
import { defaultCompetenceFramework } from '../bot/src/domain/competence-catalogue';
import type { Person } from '../bot/src/domain/organisation';
import { createLogger } from '../bot/src/logging';
import { writeOrganisation } from '../bot/src/storage/organisation-import';
import type { ClientResult, ClientRun } from './cards-client';
import { startFloor } from './cards-floor';

const USERS = Number(process.env.BENCH_USERS ?? 50);
const PACED_RATE = Number(process.env.BENCH_RATE ?? 300);
const SUBMITS_PER_USER = 40;
const WARMUP_SUBMITS_PER_USER = 3;
const NOW = new Date('2026-02-02T08:00:00Z');
const YEAR = 2026;

function person(tenantId: string, id: string, supervisorId: string | null): Person {
  return {
    tenantId,
    id,
    firstName: 'Etu',
    lastName: id,
    email: `${id}@example.fi`,
    aadObjectId: `aad-${id}`,
    serviceAreaId: 'sa',
    teamId: 'team',
    supervisorId,
    roles: supervisorId ? ['employee'] : ['employee', 'supervisor'],
    locale: 'fi',
  };
}

interface Clients {
  pid: number;
  run(run: Omit<ClientRun, 'url' | 'tenantId' | 'year' | 'users'>): Promise<ClientResult>;
  close(): void;
}

function startClients(base: Pick<ClientRun, 'url' | 'tenantId' | 'year' | 'users'>): Clients {
  const child: ChildProcess = fork(join(__dirname, 'cards-client.ts'), { execArgv: ['--import', 'tsx'] });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`The clients exited (${code}).`))),
  );
  exited.catch(() => undefined);
  return {
    pid: child.pid ?? -1,
    run: (run) => {
      const result = new Promise<ClientResult>((resolve) => child.once('message', resolve));
      child.send({ ...base, ...run } satisfies ClientRun);
      return Promise.race([result, exited]);
    },
    close: () => {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}

/**
 * The garbage collector's pauses of this process's main thread (perf_hooks' `gc` entries), summed from `start()`:
 * the part of a phase's CPU that is collecting the garbage of its own and earlier phases. (The collector's helper
 * threads are in the process's CPU time too, but not in these pauses.)
 */
function gcPauses(): { start(): void; stop(): { ms: number; count: number } } {
  let ms = 0;
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      ms += entry.duration;
      count++;
    }
  });
  return {
    start: () => {
      ms = 0;
      count = 0;
      observer.observe({ entryTypes: ['gc'] });
    },
    stop: () => {
      // The entries of the last collections are delivered with the records still buffered.
      for (const entry of observer.takeRecords()) {
        ms += entry.duration;
        count++;
      }
      observer.disconnect();
      return { ms, count };
    },
  };
}

/** Clock ticks a second (Linux), asked once: a child process started mid-measurement would cost this one CPU. */
let ticksPerSecond: number | null = null;

/** CPU seconds another process has used so far (Linux only: null elsewhere). */
function processCpuSeconds(pid: number): number | null {
  try {
    // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): user and system time in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    const perSecond = ticksPerSecond;
    return Number.isFinite(ticks) && perSecond > 0 ? ticks / perSecond : null;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * The same users, the same invokes, against the floor (bench/cards-floor.ts): its CPU per submit in the closed
 * loop, measured as the service's is (this process; the users and Azurite elsewhere).
 */
async function floorCpuPerSubmit(
  connectionString: string,
  tenantId: string,
  employees: Person[],
): Promise<number> {
  const floor = await startFloor(
    connectionString,
    employees.map((e) => e.id),
  );
  const clients = startClients({
    url: floor.url,
    tenantId,
    year: YEAR,
    users: employees.map((e) => ({ id: e.id, aadObjectId: e.aadObjectId ?? '' })),
  });
  try {
    await clients.run({ submitsPerUser: WARMUP_SUBMITS_PER_USER, intervalMs: 0, record: false });
    const gc = gcPauses();
    gc.start();
    const before = process.cpuUsage();
    const closed = await clients.run({ submitsPerUser: SUBMITS_PER_USER, intervalMs: 0, record: true });
    const cpu = process.cpuUsage(before);
    const pauses = gc.stop();
    console.log(
      `cards_floor_submits_per_second: ${(closed.latencies.length / closed.seconds).toFixed(0)} submits/s`,
    );
    printGc('cards_floor_gc_per_submit', pauses, closed.latencies.length);
    return (cpu.user + cpu.system) / 1000 / closed.latencies.length;
  } finally {
    clients.close();
    await floor.stop();
  }
}

/** The collector's pauses per submit, and how many collections there were. */
function printGc(name: string, pauses: { ms: number; count: number }, submits: number): void {
  console.log(`${name}: ${(pauses.ms / submits).toFixed(2)} ms (${pauses.count} collections)`);
}

/** The machine's 1-minute load average: the figures mean little when other work shares the 2 cores. */
function printLoad(when: 'start' | 'end'): void {
  console.log(`cards_load_average_at_${when}: ${loadavg()[0]?.toFixed(2)} (1 min)`);
}

async function main(): Promise<void> {
  printLoad('start');
  const azurite = await startAzurite();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DEV_MODE: 'on',
    // A benchmark is one user firing as fast as it can: the per-user and per-tenant limits are not measured.
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_TENANT_PER_MINUTE: '1000000',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    DEMO_DATA: 'off',
    LOG_LEVEL: 'error',
  });
  const app = await startApp(config, { logger: createLogger('error', () => undefined), now: () => NOW });
  try {
    const tenantId = randomUUID();
    const supervisor = person(tenantId, 'supervisor', null);
    const employees = Array.from({ length: USERS }, (_, i) => person(tenantId, `e${i + 1}`, supervisor.id));
    await writeOrganisation(app.repositories, tenantId, {
      serviceAreas: [
        { tenantId, id: 'sa', name: 'Palvelualue', directorId: null, alternatingYearRule: null },
      ],
      teams: [
        {
          tenantId,
          id: 'team',
          serviceAreaId: 'sa',
          name: 'Tiimi',
          kind: 'team',
          supervisorId: supervisor.id,
        },
      ],
      people: [supervisor, ...employees],
    });
    await app.repositories.competenceFrameworks.create({ ...defaultCompetenceFramework(YEAR), tenantId });
    await Promise.all(
      [supervisor, ...employees].map((p) =>
        app.repositories.conversationReferences.save({
          tenantId,
          address: { kind: 'user', aadObjectId: p.aadObjectId ?? '' },
          channelName: null,
          reference: { user: { id: `29:${p.aadObjectId}` }, conversation: { id: `a:${p.id}` } },
        }),
      ),
    );

    const clients = startClients({
      url: app.url,
      tenantId,
      year: YEAR,
      users: employees.map((e) => ({ id: e.id, aadObjectId: e.aadObjectId ?? '' })),
    });
    try {
      await clients.run({ submitsPerUser: WARMUP_SUBMITS_PER_USER, intervalMs: 0, record: false });
      const storageCpuBefore = processCpuSeconds(azurite.pid);
      const clientCpuBefore = processCpuSeconds(clients.pid);
      // Last, so that reading the other processes' figures is not counted as the service's.
      const gc = gcPauses();
      gc.start();
      const cpuBefore = process.cpuUsage();
      const closed = await clients.run({ submitsPerUser: SUBMITS_PER_USER, intervalMs: 0, record: true });
      const cpu = process.cpuUsage(cpuBefore);
      const pauses = gc.stop();
      const storageCpuAfter = processCpuSeconds(azurite.pid);
      const clientCpuAfter = processCpuSeconds(clients.pid);
      const paced = await clients.run({
        submitsPerUser: SUBMITS_PER_USER,
        intervalMs: (USERS * 1000) / PACED_RATE,
        record: true,
      });

      const sorted = [...closed.latencies].sort((a, b) => a - b);
      console.log(`cards_users: ${USERS} users`);
      console.log(`cards_submits: ${sorted.length} submits`);
      console.log(`cards_p50: ${percentile(sorted, 50).toFixed(1)} ms`);
      console.log(`cards_p95: ${percentile(sorted, 95).toFixed(1)} ms`);
      console.log(`cards_p99: ${percentile(sorted, 99).toFixed(1)} ms`);
      console.log(`cards_submits_per_second: ${(sorted.length / closed.seconds).toFixed(0)} submits/s`);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      console.log(`cards_service_cpu_per_submit: ${(cpuMs / sorted.length).toFixed(2)} ms`);
      printGc('cards_service_gc_per_submit', pauses, sorted.length);
      if (storageCpuBefore !== null && storageCpuAfter !== null) {
        const storageMs = (storageCpuAfter - storageCpuBefore) * 1000;
        console.log(`cards_azurite_cpu_per_submit: ${(storageMs / sorted.length).toFixed(2)} ms`);
      }
      if (clientCpuBefore !== null && clientCpuAfter !== null) {
        const clientMs = (clientCpuAfter - clientCpuBefore) * 1000;
        console.log(`cards_clients_cpu_per_submit: ${(clientMs / sorted.length).toFixed(2)} ms`);
      }
      const pacedSorted = [...paced.latencies].sort((a, b) => a - b);
      console.log(`cards_paced_target: ${PACED_RATE} submits/s`);
      console.log(
        `cards_paced_submits_per_second: ${(pacedSorted.length / paced.seconds).toFixed(0)} submits/s`,
      );
      console.log(`cards_paced_p50: ${percentile(pacedSorted, 50).toFixed(1)} ms`);
      console.log(`cards_paced_p95: ${percentile(pacedSorted, 95).toFixed(1)} ms`);
      console.log(`cards_paced_p99: ${percentile(pacedSorted, 99).toFixed(1)} ms`);

      const floorCpuMs = await floorCpuPerSubmit(azurite.connectionString, tenantId, employees);
      console.log(`cards_floor_cpu_per_submit: ${floorCpuMs.toFixed(2)} ms`);
      console.log(`cards_cpu_ratio_to_floor: ${(cpuMs / sorted.length / floorCpuMs).toFixed(2)} x`);
      printLoad('end');
    } finally {
      clients.close();
    }
  } finally {
    await app.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
