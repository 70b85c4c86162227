import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import type { Principal } from '../src/auth/principal.ts';
import type { EstimateService } from '../src/live/estimate-service.ts';
import type { LiveSocket } from '../src/live/hub.ts';
import { createSocketSubscription } from '../src/live/socket-subscription.ts';
import type { LiveRouteDeps } from '../src/live/ws-route.ts';
import { createSiteSetupCache } from '../src/queries/site-setup-cache.ts';
import { checkIn, createTestApp, demo, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const display: Principal = { kind: 'device', role: 'display', deviceId: 'd-test', name: 'Lobby', siteIds: [demo.site] };

/** A socket that keeps what it was sent. */
function recordingSocket(): LiveSocket & { messages: ServerMessage[] } {
  const messages: ServerMessage[] = [];
  return { messages, bufferedAmount: 0, send: (data: string) => void messages.push(JSON.parse(data)), close: () => {} };
}

/**
 * The app's own live pieces, with estimates that can be held back: with several instances the
 * published estimates trail the log by a notification, which a resuming screen must not pay for.
 */
function liveDeps(estimatesSeq: () => number | null): LiveRouteDeps {
  const { estimates, hub, views, connections } = t.app.walkup;
  const lagging: EstimateService = {
    ...estimates,
    async current(siteId) {
      const real = await estimates.current(siteId);
      const seq = estimatesSeq();
      return seq === null ? real : { ...real, seq };
    },
  };
  return { db: t.database.db, hub, estimates: lagging, views, setups: createSiteSetupCache(), showNamesFor: () => false, connections, now: () => new Date() };
}

async function resume(deps: LiveRouteDeps, sinceSeq: number): Promise<ServerMessage[]> {
  const socket = recordingSocket();
  const subscription = createSocketSubscription(deps, socket, display);
  await subscription.subscribe({ siteId: demo.site, view: 'display', sinceSeq });
  subscription.end();
  return socket.messages;
}

/** What was sent, estimates aside: live estimate updates may interleave with the catch-up. */
const kinds = (messages: ServerMessage[]) => messages.filter((m) => m.type !== 'estimates').map((m) => (m.type === 'event' ? `event ${m.event.seq}` : m.type));

describe('resuming a screen from sinceSeq', () => {
  beforeEach(async () => {
    for (const name of ['Ada', 'Bob', 'Cy']) await checkIn(t.app, demo.softwareChoice, { kind: 'guest', name });
  });

  it('replays the missed events even when the estimates trail the log', async () => {
    // The screen holds event 2; this instance's estimates have only reached event 1.
    const messages = await resume(liveDeps(() => 1), 2);
    expect(kinds(messages)).toEqual(['event 3']);
    expect(messages.at(-1)?.type).toBe('estimates');
  });

  it('replays nothing to a screen that is up to date', async () => {
    const messages = await resume(liveDeps(() => null), 3);
    expect(kinds(messages)).toEqual([]);
    expect(messages.at(-1)?.type).toBe('estimates');
  });

  it('sends a snapshot to a screen claiming a sequence the log does not hold', async () => {
    const messages = await resume(liveDeps(() => null), 9);
    expect(kinds(messages)).toEqual(['snapshot']);
    const snapshot = messages.find((m) => m.type === 'snapshot');
    expect(snapshot?.type === 'snapshot' && snapshot.view.seq).toBe(3);
  });

  it('replays the whole log to a screen that has nothing yet', async () => {
    expect(kinds(await resume(liveDeps(() => null), 0))).toEqual(['event 1', 'event 2', 'event 3']);
  });
});
