import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startWalkupServer, type WalkupServer } from './walkup-server.ts';

export interface BrowserSession {
  server: WalkupServer;
  browser: Browser;
}

/** A seeded walkup server and a Chromium for the whole test file, both closed after it. */
export function useBrowserSession(options: Parameters<typeof startWalkupServer>[0] = {}): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.server = await startWalkupServer(options);
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
