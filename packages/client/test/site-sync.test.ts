import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSiteStore } from '../src/site-store.ts';
import { syncSiteStore } from '../src/site-sync.ts';
import { FakeSocket } from './fake-socket.ts';
import { checkedIn, snapshot } from './fixtures.ts';

function start() {
  const store = createSiteStore();
  const connection = syncSiteStore(store, {
    siteId: 'hq',
    view: 'display',
    url: 'ws://walkup.test/ws',
    createSocket: (url) => new FakeSocket(url),
    backoff: { random: () => 0.999999 },
  });
  return { store, connection };
}

describe('syncSiteStore', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('subscribes on open without a seq, then shows connected', () => {
    const { store } = start();
    expect(store.connected.value).toBe(false);
    FakeSocket.latest().serverOpen();
    expect(store.connected.value).toBe(true);
    expect(FakeSocket.latest().sent).toEqual([{ type: 'subscribe', siteId: 'hq', view: 'display' }]);
  });

  it('reconnects with growing delays and resumes from the last applied seq', () => {
    const { store } = start();
    const first = FakeSocket.latest();
    first.serverOpen();
    first.serverSend(snapshot(10));
    first.serverSend(checkedIn(11, 'v1'));
    first.serverClose();
    expect(store.connected.value).toBe(false);

    vi.advanceTimersByTime(499);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);

    // The second attempt fails before opening: the next wait doubles.
    FakeSocket.latest().serverClose();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const third = FakeSocket.latest();
    third.serverOpen();
    expect(third.sent).toEqual([{ type: 'subscribe', siteId: 'hq', view: 'display', sinceSeq: 11 }]);
    expect(store.connected.value).toBe(true);
  });

  it('resubscribes once from the last seq when an event skips ahead', () => {
    const { store } = start();
    const socket = FakeSocket.latest();
    socket.serverOpen();
    socket.serverSend(snapshot(10));
    socket.serverSend(checkedIn(12, 'v2'));
    socket.serverSend(checkedIn(13, 'v3'));
    expect(socket.sent.slice(1)).toEqual([{ type: 'subscribe', siteId: 'hq', view: 'display', sinceSeq: 10 }]);

    // The server replays from 11; the client catches up and applies nothing twice.
    socket.serverSend(checkedIn(11, 'v1'));
    socket.serverSend(checkedIn(12, 'v2'));
    socket.serverSend(checkedIn(13, 'v3'));
    expect(store.view.value?.visits.map((v) => v.id)).toEqual(['v1', 'v2', 'v3']);
  });

  it('waits as long as a bye message asks before reconnecting', () => {
    start();
    const socket = FakeSocket.latest();
    socket.serverOpen();
    socket.serverSend({ type: 'bye', reconnectAfterMs: 5000 });
    expect(socket.closedByClient).toBe(true);
    vi.advanceTimersByTime(4999);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it('pings every 20 seconds while open', () => {
    start();
    const socket = FakeSocket.latest();
    socket.serverOpen();
    vi.advanceTimersByTime(40_000);
    expect(socket.sent.filter((m) => m.type === 'ping')).toHaveLength(2);
  });

  it('stops reconnecting and reports it when the server revokes the credential (4401)', () => {
    const onUnauthorized = vi.fn();
    const store = createSiteStore();
    syncSiteStore(store, { siteId: 'hq', view: 'display', url: 'ws://walkup.test/ws', createSocket: (url) => new FakeSocket(url), onUnauthorized });
    FakeSocket.latest().serverOpen();
    FakeSocket.latest().serverClose(4401);
    vi.advanceTimersByTime(60_000);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(store.connected.value).toBe(false);
  });

  it('stops for good when closed by the app', () => {
    const { store, connection } = start();
    FakeSocket.latest().serverOpen();
    connection.close();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(store.connected.value).toBe(false);
  });
});
