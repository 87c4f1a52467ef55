/**
 * bench:app-memory — the service's own memory while it sends a day of reminders to a whole organisation: the
 * production entry (`startApp`, every feature) in a process of its own under production's heap flags
 * (infra/node-heap-flags.txt), on Azurite, sending through the Bot Connector stand-in (Teams' limits, a round
 * trip of --latency-ms). bench:fanout measures the fan-out engine alone; this measures what production runs: the
 * daily schedule reading the organisation (people, discussions, conversation references), planning the day,
 * storing the campaign, and the worker sending it, beside the bot endpoint, the API and the other jobs.
 *
 * Set-up (not measured): an organisation of --people (10,000) in teams of 20 and service areas of at most 5,000,
 * each person with a stored 1:1 conversation; the day chosen is the first day of the coming year on which the
 * default annual clock reminds the most people (an individual-level phase opening). The service's clock starts at
 * that day's 10:00 in Helsinki. Its resident set is read from /proc (Linux) every 100 ms.
 *
 * Environment BENCH_SERVICE_NODE_ARGS: node options for the service in place of production's heap flags (e.g.
 * "--trace-gc --max-old-space-size=96 --max-semi-space-size=8", whose lines then go to the bench's output).
 *
 * Prints one `name: value unit` line per figure: the resident set after start-up, after the day was planned (the
 * first message accepted), at 25/50/75/100 % of the messages, and its peak; the day's send time and rate.
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startAzurite } from '../bot/src/devstack/azurite';
import { yearsConcerned, dueReminders } from '../bot/src/domain/due-reminders';
import type { Person, ServiceArea, Team } from '../bot/src/domain/organisation';
import { loadSnapshot } from '../bot/src/clock/load-snapshot';
import { mapConcurrently } from '../bot/src/storage/bounded-concurrency';
import { writeOrganisation } from '../bot/src/storage/organisation-import';
import { openRepositories, type Repositories } from '../bot/src/storage/repositories';
import { openStorageAccount } from '../bot/src/storage/storage-account';
import {
  bundleEntry,
  nextMessage,
  productionHeapFlags,
  residentSet,
  startConnector,
} from './bench-processes';
import { benchConversation } from './fanout-ids';

const TENANT = '00000000-0000-4000-8000-0000000a11e0';
const TEAM_SIZE = 20;
const AREA_SIZE = 5000;
const WRITE_CONCURRENCY = 48;
const TABLE_PREFIX = 'benchapp';
const MB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    'latency-ms': { type: 'string', default: '50' },
  },
});
const PEOPLE = Number(values.people);
const LATENCY_MS = Number(values['latency-ms']);
/** BENCH_SERVICE_NODE_ARGS: node options for the service in place of production's heap flags. */
const serviceArgsOverride = process.env.BENCH_SERVICE_NODE_ARGS;
const serviceNodeArgs =
  serviceArgsOverride === undefined ? productionHeapFlags() : serviceArgsOverride.split(' ').filter(Boolean);

function print(name: string, value: number, unit: string, digits = 0): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function organisation(): { serviceAreas: ServiceArea[]; teams: Team[]; people: Person[] } {
  const serviceAreas: ServiceArea[] = [];
  const teams: Team[] = [];
  const people: Person[] = [];
  for (let index = 0; index < PEOPLE; index++) {
    const areaId = `area-${Math.floor(index / AREA_SIZE) + 1}`;
    const teamId = `team-${Math.floor(index / TEAM_SIZE) + 1}`;
    const lead = index % TEAM_SIZE === 0;
    if (index % AREA_SIZE === 0)
      serviceAreas.push({
        tenantId: TENANT,
        id: areaId,
        name: `Palvelualue ${serviceAreas.length + 1}`,
        directorId: null,
        alternatingYearRule: null,
      });
    const leadId = `person-${index - (index % TEAM_SIZE)}`;
    if (lead)
      teams.push({
        tenantId: TENANT,
        id: teamId,
        serviceAreaId: areaId,
        name: `Tiimi ${teams.length + 1}`,
        kind: 'team',
        supervisorId: leadId,
      });
    people.push({
      tenantId: TENANT,
      id: `person-${index}`,
      firstName: 'Etu',
      lastName: `Suku${index}`,
      email: `person-${index}@example.fi`,
      aadObjectId: `aad-${index}`,
      serviceAreaId: areaId,
      teamId,
      supervisorId: lead ? null : leadId,
      roles: lead ? ['employee', 'supervisor'] : ['employee'],
      locale: index % 10 === 0 ? 'sv' : 'fi',
    });
  }
  return { serviceAreas, teams, people };
}

/** Everyone reachable in their 1:1 chat, as after the app was installed for them. */
async function seed(repositories: Repositories, serviceUrl: string): Promise<Person[]> {
  const started = performance.now();
  const { serviceAreas, teams, people } = organisation();
  await writeOrganisation(repositories, TENANT, {
    organisation: { tenantId: TENANT, name: 'Benchkaupunki', defaultLocale: 'fi', anonymityThreshold: 5 },
    serviceAreas,
    teams,
    people,
  });
  print('app.seed_organisation_time', (performance.now() - started) / 1000, 's', 1);
  await mapConcurrently([...people.entries()], WRITE_CONCURRENCY, ([index, person]) =>
    repositories.conversationReferences.save({
      tenantId: TENANT,
      address: { kind: 'user', aadObjectId: person.aadObjectId as string },
      channelName: null,
      reference: {
        channelId: 'msteams',
        serviceUrl,
        conversation: { id: benchConversation(0, index), conversationType: 'personal', tenantId: TENANT },
        bot: { id: '28:osaamiskello-bench', name: 'Osaamiskello' },
        user: { id: `29:${index}`, aadObjectId: person.aadObjectId },
      },
    }),
  );
  return people;
}

/** The day of the coming year whose reminders reach the most people personally, and how many they are. */
async function busiestDay(repositories: Repositories): Promise<{ date: string; personal: number }> {
  const clock = await repositories.annualClocks.inEffect(TENANT);
  const areaIds = (await repositories.serviceAreas.list(TENANT)).map((area) => area.value.id);
  const snapshots = new Map<string, Awaited<ReturnType<typeof loadSnapshot>>>();
  let best = { date: '', personal: -1 };
  const first = `${new Date().getUTCFullYear() + 1}-01-01`;
  for (let day = 0; day < 366; day++) {
    const date = new Date(Date.parse(`${first}T12:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
    const years = yearsConcerned(clock, areaIds, date);
    const key = years.join(',');
    const snapshot = snapshots.get(key) ?? (await loadSnapshot(repositories, TENANT, years));
    snapshots.set(key, snapshot);
    const personal = dueReminders(clock, snapshot, date).filter((r) => r.recipient.kind === 'person').length;
    if (personal > best.personal) best = { date, personal };
    if (personal >= PEOPLE) break;
  }
  return best;
}

async function main(): Promise<void> {
  print('load_average_at_start', loadavg()[0] ?? 0, '(1 min)', 2);
  const azurite = await startAzurite();
  const connector = await startConnector(LATENCY_MS);
  try {
    const repositories = await openRepositories(
      openStorageAccount({
        kind: 'connectionString',
        connectionString: azurite.connectionString,
        tablePrefix: TABLE_PREFIX,
      }),
    );
    const seeding = performance.now();
    await seed(repositories, connector.serviceUrl);
    const { date, personal } = await busiestDay(repositories);
    print('app.people', PEOPLE, 'people');
    print('app.seed_time', (performance.now() - seeding) / 1000, 's', 1);
    console.error(`the day sent: ${date}; service: node ${serviceNodeArgs.join(' ')}`);
    print('app.personal_reminders', personal, 'messages');

    const service = fork(await bundleEntry('app-memory-service'), {
      execArgv: serviceNodeArgs,
      cwd: join(__dirname, '..'),
      // The service logs errors only (to stderr); with node options of one's own, e.g. --trace-gc, its stdout too.
      stdio: ['ignore', serviceArgsOverride === undefined ? 'ignore' : 'inherit', 'inherit', 'ipc'],
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        DEV_MODE: 'on',
        DEMO_DATA: 'off',
        LOG_LEVEL: 'error',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        TABLE_PREFIX,
        TEAMS_SERVICE_URL: connector.serviceUrl,
        TABS_DIST: join(__dirname, '..', 'tabs', 'dist'),
        BENCH_NOW: `${date}T08:00:00.000Z`,
      },
    });
    let peak = 0;
    const sample = (): number => {
      const memory = residentSet(service.pid as number);
      peak = Math.max(peak, memory?.peak ?? 0, memory?.rss ?? 0);
      return memory?.rss ?? 0;
    };
    const sampler = setInterval(sample, 100);
    try {
      await nextMessage<string>(service, 'started');
      print('app.rss_after_start', sample() / MB, 'MB');
      let planned = false;
      let started = 0;
      const quarters = [25, 50, 75, 100];
      for (;;) {
        const accepted = await connector.accepted();
        if (!planned && accepted > 0) {
          planned = true;
          started = Date.now();
          print('app.rss_planned', sample() / MB, 'MB');
        }
        while (quarters.length > 0 && accepted * 100 >= (quarters[0] as number) * personal)
          print(`app.rss_at_${quarters.shift() as number}pct`, sample() / MB, 'MB');
        if (accepted >= personal) break;
        if (service.exitCode !== null || service.signalCode !== null)
          throw new Error(`the service exited (${service.signalCode ?? service.exitCode})`);
        await sleep(500);
      }
      const seconds = (Date.now() - started) / 1000;
      // From the day's first message to its last: the largest campaign's addresses are still being looked up
      // while the first ones are sent, so this is not the engine's rate (bench:fanout measures that).
      print('app.day_send_time', seconds, 's', 1);
      print('app.day_rate', personal / seconds, 'messages/s', 1);
      print('app.peak_rss', peak / MB, 'MB');
    } finally {
      clearInterval(sampler);
      service.send('stop');
      await new Promise((resolve) => service.once('exit', resolve));
    }
    print('load_average_at_end', loadavg()[0] ?? 0, '(1 min)', 2);
  } finally {
    await connector.close();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
