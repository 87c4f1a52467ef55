/**
 * Card submits under load: 50 simulated users each press "save and continue" on their preparation card over
 * and over, as Teams would post it (an adaptiveCard/action invoke to /api/messages). Each submit is validated,
 * stored with its ETag in Azurite and answered with the next card. Prints the latency percentiles and the
 * submits per second. Run with `npx tsx bench/cards.ts` (or `npm run bench:cards`).
 */
import { randomUUID } from 'node:crypto';
import { startApp } from '../bot/src/app';
import { VERBS } from '../bot/src/cards/verbs';
import { loadConfig } from '../bot/src/config';
import { startAzurite } from '../bot/src/devstack/azurite';
import { defaultCompetenceFramework } from '../bot/src/domain/competence-catalogue';
import type { Person } from '../bot/src/domain/organisation';
import { createLogger } from '../bot/src/logging';
import { writeOrganisation } from '../bot/src/storage/organisation-import';

const USERS = Number(process.env.BENCH_USERS ?? 50);
const SUBMITS_PER_USER = 40;
const WARMUP_SUBMITS_PER_USER = 3;
const NOW = new Date('2026-02-02T08:00:00Z');
const YEAR = 2026;

type Json = Record<string, unknown>;

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

function invoke(tenantId: string, employee: Person, data: Json): Json {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:${employee.aadObjectId}`, aadObjectId: employee.aadObjectId },
    recipient: { id: '28:osaamiskello-bot' },
    conversation: { id: `a:${employee.id}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: 'fi-FI',
    value: { action: { type: 'Action.Execute', verb: VERBS.savePreparation, data }, trigger: 'manual' },
  };
}

/** The ETag the returned card carries in its save button: the version the next submit edits. */
function etagOf(card: Json): string {
  const found = JSON.stringify(card).match(/"etag":"((?:[^"\\]|\\.)*)"/);
  if (!found?.[1]) throw new Error('The card carries no ETag.');
  return JSON.parse(`"${found[1]}"`) as string;
}

async function submit(url: string, activity: Json): Promise<Json> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = (await response.json()) as { type?: string; value?: Json };
  if (response.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive' || !body.value) {
    throw new Error(`A submit failed with ${response.status}.`);
  }
  const text = JSON.stringify(body.value);
  if (text.includes('Joku muu muutti') || text.includes('Attention'))
    throw new Error('A submit was refused.');
  return body.value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
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

    const latencies: number[] = [];
    const runUser = async (employee: Person, submits: number, record: boolean): Promise<void> => {
      let card = await submit(app.url, {
        ...invoke(tenantId, employee, {}),
        value: {
          action: {
            type: 'Action.Execute',
            verb: VERBS.open,
            data: { employeeId: employee.id, year: YEAR, view: { kind: 'step', step: 1 } },
          },
          trigger: 'manual',
        },
      });
      for (let i = 0; i < submits; i++) {
        const data = {
          employeeId: employee.id,
          year: YEAR,
          etag: etagOf(card),
          step: 1,
          go: 'next',
          s_pastYearReview: `Vuosi meni hyvin, kierros ${i}: uusi järjestelmä otettiin käyttöön ja opin paljon.`,
        };
        const started = performance.now();
        card = await submit(app.url, invoke(tenantId, employee, data));
        if (record) latencies.push(performance.now() - started);
      }
    };

    await Promise.all(employees.map((employee) => runUser(employee, WARMUP_SUBMITS_PER_USER, false)));
    const started = performance.now();
    await Promise.all(employees.map((employee) => runUser(employee, SUBMITS_PER_USER, true)));
    const seconds = (performance.now() - started) / 1000;

    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`cards_users: ${USERS}`);
    console.log(`cards_submits: ${sorted.length}`);
    console.log(`cards_p50: ${percentile(sorted, 50).toFixed(1)} ms`);
    console.log(`cards_p95: ${percentile(sorted, 95).toFixed(1)} ms`);
    console.log(`cards_p99: ${percentile(sorted, 99).toFixed(1)} ms`);
    console.log(`cards_submits_per_second: ${(sorted.length / seconds).toFixed(0)}`);
  } finally {
    await app.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
