/**
 * Microsoft's own chat client in a test: the Agents Playground pointed at a test app's bot endpoint, opened in
 * headless Chromium. Each Playground test chats as one person of its organisation; `close` stops what it started.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { playgroundUser, startAgentsPlayground } from '../../bot/src/devstack/agents-playground';
import { freePort } from '../../bot/src/devstack/free-port';
import type { Person } from '../../bot/src/domain/organisation';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from './app';
import { launchBrowser } from './browser';
import type { SignInOrganisation } from './tokens';

export interface PlaygroundChat {
  page: Page;
  close(): Promise<void>;
}

export async function openPlaygroundChat(options: {
  app: RunningApp;
  tenantId: string;
  currentUser: Person;
  users: readonly Person[];
}): Promise<PlaygroundChat> {
  const playground = await startAgentsPlayground({
    port: await freePort(),
    botEndpoint: `${options.app.url}/api/messages`,
    tenantId: options.tenantId,
    currentUser: playgroundUser(options.currentUser),
    users: options.users.map(playgroundUser),
    team: { name: 'Demo', channelName: 'Osaamiskello' },
    workDir: mkdtempSync(join(tmpdir(), 'osk-playground-')),
  });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await playground.stop();
    throw error;
  });
  const page = await browser.context.newPage();
  await page.goto(playground.url);
  return {
    page,
    close: async () => {
      await browser.close();
      await playground.stop();
    },
  };
}

/** A persona's journey through the Playground: the app, the chat's page and its newest card. */
export interface PlaygroundJourney {
  readonly app: RunningApp;
  readonly page: Page;
  /** The newest Adaptive Card in the conversation shown. */
  latestCard(): Locator;
}

/**
 * Starts the app at `now` with `org`'s organisation (and whatever `prepare` stores) and opens the Playground as
 * `currentUser` before the describe block's tests; stops both after them.
 */
export function usePlaygroundJourney(options: {
  org: SignInOrganisation;
  now: Date;
  currentUser: Person;
  users: readonly Person[];
  prepare?: (app: RunningApp) => Promise<void>;
}): PlaygroundJourney {
  const state = {
    latestCard: () => state.page.locator('.ac-adaptiveCard').last(),
  } as { app: RunningApp; page: Page; chat?: PlaygroundChat; latestCard(): Locator };
  beforeAll(async () => {
    state.app = await startTestApp({}, { now: () => options.now });
    await writeOrganisation(state.app.repositories, options.org.tenantId, options.org.snapshot);
    await options.prepare?.(state.app);
    state.chat = await openPlaygroundChat({
      app: state.app,
      tenantId: options.org.tenantId,
      currentUser: options.currentUser,
      users: options.users,
    });
    state.page = state.chat.page;
  });
  afterAll(async () => {
    await state.chat?.close();
    await state.app?.stop();
  });
  return state;
}
