/**
 * Microsoft's own chat client in a test: the Agents Playground pointed at a test app's bot endpoint, opened in
 * headless Chromium. Each Playground test chats as one person of its organisation; `close` stops what it started.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/app';
import { playgroundUser, startAgentsPlayground } from '../../bot/src/devstack/agents-playground';
import { freePort } from '../../bot/src/devstack/free-port';
import type { Person } from '../../bot/src/domain/organisation';
import { launchBrowser } from './browser';

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
