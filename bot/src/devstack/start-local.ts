/**
 * `npm start`: the whole app on embedded defaults — Azurite (data in .data/), the demo municipality,
 * the service (bot endpoint, API, tab pages) and the Agents Playground as a local chat client.
 * PLAYGROUND_USER picks which demo persona you chat as (employee, supervisor, hr, director, …).
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { startApp } from '../app';
import {
  generateDemoMunicipality,
  demoPersonas,
  type DemoPersonaKey,
} from '../organisation-data/demo-municipality';
import type { Person } from '../domain/organisation';
import { DEMO_SUMMARY_CHANNEL, DEMO_TEAM } from '../organisation-data/demo-channels';
import { playgroundUser, startAgentsPlayground } from './agents-playground';

const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);

async function main(): Promise<void> {
  // `npm start` is local development: the Playground's unauthenticated chat and the tabs' dev sign-in.
  const config = loadConfig({ DEV_MODE: 'on', ...process.env });
  const app = await startApp(config);
  const demo = generateDemoMunicipality(config.demoTenantId);
  const personas = demoPersonas(demo);
  const byId = new Map(demo.people.map((person) => [person.id, person]));
  const chosen = (process.env.PLAYGROUND_USER ?? 'employee') as DemoPersonaKey;
  const current = personas[chosen] ?? personas.employee;
  const others = Object.values(personas)
    .filter((persona) => persona.key !== current.key)
    .slice(0, 5);
  const playground = await startAgentsPlayground({
    port: PLAYGROUND_PORT,
    botEndpoint: `${app.url}/api/messages`,
    tenantId: config.demoTenantId,
    currentUser: playgroundUser(byId.get(current.personId) as Person),
    users: others.map((persona) => playgroundUser(byId.get(persona.personId) as Person)),
    team: {
      name: DEMO_TEAM.name,
      channelName: 'Osaamiskello',
      channels: [{ ...DEMO_SUMMARY_CHANNEL }],
    },
    workDir: resolve(
      config.storage.kind === 'embedded' ? resolve(config.storage.dataDir, '..') : '.data',
      'playground',
    ),
  }).catch(async (error: unknown) => {
    // Without this the service and its Azurite would keep running after `npm start` has failed.
    await app.stop();
    throw error;
  });

  const lines = [
    '',
    'Osaamiskello is running:',
    `  Bot endpoint      ${app.url}/api/messages`,
    `  Health            ${app.url}/healthz`,
    `  Tabs              ${app.url}/tabs/index.html`,
    `  Chat (Playground) ${playground.url}   — chatting as ${current.name} (${current.key}); try "ohje" or "help"`,
    ...(app.embeddedConnectionString ? [`  Storage (Azurite) ${app.embeddedConnectionString}`] : []),
    '',
    'Demo personas (PLAYGROUND_USER=<key> npm start to chat as another):',
    ...Object.values(personas).map(
      (p) => `  ${p.key.padEnd(16)} ${p.personId}  ${p.name}  [${p.roles.join(', ')}]`,
    ),
    '',
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));

  const stop = (): void => {
    void Promise.allSettled([playground.stop(), app.stop()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
