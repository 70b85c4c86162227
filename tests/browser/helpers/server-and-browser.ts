import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startWalkupServer, type WalkupServer } from './walkup-server.ts';

/** A walkup server and a Chromium shared by the tests of one file: started before them, closed after. */
export function useServerAndBrowser(): { server: WalkupServer; browser: Browser } {
  const handles = {} as { server: WalkupServer; browser: Browser };
  beforeAll(async () => {
    handles.server = await startWalkupServer();
    handles.browser = await launchChromium();
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.server?.close();
  });
  return handles;
}
