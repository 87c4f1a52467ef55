/**
 * The simulated Teams clients of bench:cards, in a process of their own: in production the users are not in
 * the service's process, and here their HTTP work must not take the service's event loop. Started with IPC by
 * bench/cards.ts, which sends one `ClientRun` per phase; answers each with a `ClientResult`.
 *
 * Each user opens their discussion at step 1, then presses "save and continue" over and over with a new text,
 * each time on the card the previous press returned (so with its ETag). In a closed loop (`intervalMs` 0) a user
 * presses again as soon as the card is back; paced, each user presses every `intervalMs`, starting at a random
 * offset, or at once when the card came back late.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { VERBS } from '../bot/src/cards/verbs';

type Json = Record<string, unknown>;

export interface ClientRun {
  url: string;
  tenantId: string;
  year: number;
  /** The users' person ids and Entra object ids. */
  users: Array<{ id: string; aadObjectId: string }>;
  submitsPerUser: number;
  intervalMs: number;
  /** Latencies are kept only when recording (not while warming up). */
  record: boolean;
}

export interface ClientResult {
  latencies: number[];
  /** From the first recorded press to the last answer. */
  seconds: number;
}

interface Timings {
  latencies: number[];
  first: number;
  last: number;
}

function invoke(run: ClientRun, user: ClientRun['users'][number], verb: string, data: Json): string {
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId },
    recipient: { id: '28:osaamiskello-bot' },
    conversation: { id: `a:${user.id}`, conversationType: 'personal', tenantId: run.tenantId },
    channelData: { tenant: { id: run.tenantId } },
    locale: 'fi-FI',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

/** The ETag the returned card carries in its save button: the version the next submit edits. */
function etagOf(card: string): string {
  const found = card.match(/"etag":"((?:[^"\\]|\\.)*)"/);
  if (!found?.[1]) throw new Error('The card carries no ETag.');
  return JSON.parse(`"${found[1]}"`) as string;
}

/** One kept-alive connection per user, as Teams keeps its connections to a bot open. */
const agent = new Agent({ keepAlive: true, maxSockets: 1_000 });

/** Posts one invoke; returns the status and the body's text. (node:http costs less CPU here than fetch.) */
function post(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}/api/messages`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    // Which connection failed says why: a kept-alive one the server closed as this request went out (Node's
    // `reusedSocket` race), or a new one.
    request.on('error', (error) =>
      reject(
        new Error(`${error.message} on a ${request.reusedSocket ? 'kept-alive' : 'new'} connection`, {
          cause: error,
        }),
      ),
    );
    request.end(body);
  });
}

/** Posts one invoke; returns the card's JSON text, refusing anything but a stored change's next card. */
async function submit(url: string, body: string): Promise<string> {
  const { status, text } = await post(url, body);
  const answer = JSON.parse(text) as { type?: string; value?: Json };
  if (status !== 200 || answer.type !== 'application/vnd.microsoft.card.adaptive' || !answer.value) {
    throw new Error(`A submit failed with ${status}.`);
  }
  if (text.includes('Joku muu muutti') || text.includes('Attention'))
    throw new Error('A submit was refused.');
  return text;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runUser(run: ClientRun, user: ClientRun['users'][number], timings: Timings): Promise<void> {
  let card = await submit(
    run.url,
    invoke(run, user, VERBS.open, { employeeId: user.id, year: run.year, view: { kind: 'step', step: 1 } }),
  );
  let due = performance.now() + Math.random() * run.intervalMs;
  for (let i = 0; i < run.submitsPerUser; i++) {
    const body = invoke(run, user, VERBS.savePreparation, {
      employeeId: user.id,
      year: run.year,
      etag: etagOf(card),
      step: 1,
      go: 'next',
      s_pastYearReview: `Vuosi meni hyvin, kierros ${i}: uusi järjestelmä otettiin käyttöön ja opin paljon.`,
    });
    if (run.intervalMs > 0) {
      await sleep(Math.max(0, due - performance.now()));
      due = Math.max(due + run.intervalMs, performance.now());
    }
    const started = performance.now();
    card = await submit(run.url, body);
    const answered = performance.now();
    if (!run.record) continue;
    timings.latencies.push(answered - started);
    timings.first = Math.min(timings.first, started);
    timings.last = Math.max(timings.last, answered);
  }
}

process.on('message', (run: ClientRun) => {
  const timings: Timings = { latencies: [], first: Infinity, last: 0 };
  Promise.all(run.users.map((user) => runUser(run, user, timings))).then(
    () => {
      const seconds = Math.max(0, timings.last - timings.first) / 1000;
      process.send?.({ latencies: timings.latencies, seconds } satisfies ClientResult);
    },
    (error: unknown) => {
      const phase = !run.record ? 'warm-up' : run.intervalMs > 0 ? 'paced' : 'closed loop';
      console.error(`A user's submit failed in the ${phase} (${timings.latencies.length} answered):`, error);
      process.exit(1);
    },
  );
});
