/**
 * The local chat client: the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground), a
 * Teams-like web client for the bot. Its users, tenant and team come from `.m365agentsplayground.yml`
 * in its working folder, which we write from the demo personas so that chatting as "Me" is chatting
 * as a real demo employee. It has no host option and would listen on every interface: a preload
 * (`--require`) binds every server it opens to 127.0.0.1, so nothing off this machine can reach it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../domain/organisation';

export interface PlaygroundUser {
  aadObjectId: string;
  name: string;
  givenName: string;
  surname: string;
  email: string;
}

/** A person of the organisation as the Playground's user of that name (the Entra object id when known). */
export function playgroundUser(person: Person): PlaygroundUser {
  return {
    aadObjectId: person.aadObjectId ?? person.id,
    name: `${person.firstName} ${person.lastName}`,
    givenName: person.firstName,
    surname: person.lastName,
    email: person.email,
  };
}

export interface PlaygroundOptions {
  port: number;
  botEndpoint: string;
  tenantId: string;
  /** The user who types in the browser, then exactly five others (the team's members). */
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  /**
   * `channels`, when given, are the team's channels besides General instead of `channelName`. The Playground holds
   * at most one (organisation-data/demo-channels.ts): the demo links every service area to it.
   */
  team: { name: string; channelName: string; channels?: Array<{ id: string; name: string }> };
  workDir: string;
}

export interface RunningPlayground {
  url: string;
  stop(): Promise<void>;
}

function toConfigUser(user: PlaygroundUser, index: number): Record<string, string> {
  return {
    id: `29:osk-user-${index}`,
    name: user.name,
    userPrincipleName: user.email,
    aadObjectId: user.aadObjectId,
    givenName: user.givenName,
    surname: user.surname,
    email: user.email,
  };
}

/** JSON is YAML: the config is written as JSON to avoid a YAML dependency. */
export function playgroundConfig(options: PlaygroundOptions): Record<string, unknown> {
  if (options.users.length !== 5) throw new Error('The Agents Playground needs exactly five other users.');
  return {
    version: '0.1.1',
    tenantId: options.tenantId,
    bot: { id: '28:osaamiskello-local-bot', name: 'Osaamiskello' },
    currentUser: toConfigUser(options.currentUser, 0),
    users: options.users.map((user, index) => toConfigUser(user, index + 1)),
    personalChat: { id: 'a:osaamiskello-personal-chat' },
    groupChat: { id: '19:osaamiskello-group-chat@thread.v2', name: 'Osaamiskello' },
    team: {
      id: '19:osaamiskello-team-general@thread.tacv2',
      name: options.team.name,
      aadGroupId: '7e0d6c1e-0000-4000-8000-00000000a001',
      channels: options.team.channels ?? [
        { id: '19:osaamiskello-team-channel@thread.tacv2', name: options.team.channelName },
      ],
    },
  };
}

/**
 * Node's `--require` preload for the Playground: each TCP `listen` (port forms and options without a path or
 * handle) gets host 127.0.0.1 whatever the caller asked for. Written to a file at start, so it runs from the
 * TypeScript sources and the built output alike.
 */
export const LOOPBACK_PRELOAD = `'use strict';
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object') {
    if (first.path === undefined && first.fd === undefined && first.handle === undefined && first._handle === undefined)
      args[0] = { ...first, host: '127.0.0.1' };
    return listen.apply(this, args);
  }
  if (typeof first === 'string' && !/^\\d+$/.test(first)) return listen.apply(this, args);
  const hasPort = first !== undefined && typeof first !== 'function';
  const rest = hasPort ? args.slice(1) : args;
  const callback = rest.find((arg) => typeof arg === 'function');
  const backlog = rest.slice(1).find((arg) => typeof arg === 'number');
  const options = { port: hasPort ? Number(first) : 0, host: '127.0.0.1' };
  if (backlog !== undefined) options.backlog = backlog;
  return callback ? listen.call(this, options, callback) : listen.call(this, options);
};
`;

async function waitForPing(url: string, deadline: number, child: ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Agents Playground exited (${child.exitCode}).`);
    const ok = await fetch(`${url}/_debug/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The Agents Playground did not start in time.');
}

export async function startAgentsPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  mkdirSync(options.workDir, { recursive: true });
  writeFileSync(
    join(options.workDir, '.m365agentsplayground.yml'),
    JSON.stringify(playgroundConfig(options), null, 2),
  );
  const preload = join(options.workDir, 'loopback-only.cjs');
  writeFileSync(preload, LOOPBACK_PRELOAD);
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    [
      '--require',
      preload,
      cli,
      '--disable-telemetry',
      '-p',
      String(options.port),
      '-c',
      'msteams',
      '-e',
      options.botEndpoint,
    ],
    {
      cwd: options.workDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        BOT_ENDPOINT: options.botEndpoint,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(options.workDir, 'playground.log'),
      },
    },
  );
  child.stderr?.resume();
  const url = `http://127.0.0.1:${options.port}`;
  await waitForPing(url, Date.now() + 30_000, child);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
