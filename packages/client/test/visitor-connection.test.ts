import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorServerMessage } from '@walkup/protocol';
import { createVisitorConnection } from '../src/visitor-connection.ts';
import { FakeSocket } from './fake-socket.ts';

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.instances = [];
});
afterEach(() => vi.useRealTimers());

function connect() {
  const received: VisitorServerMessage[] = [];
  const connection = createVisitorConnection({
    token: 'token-of-this-visit-0123456789',
    url: 'ws://test/api/visitor/live',
    onMessage: (m) => received.push(m),
    createSocket: (url) => new FakeSocket(url),
    backoff: { random: () => 0.5 },
  });
  return { received, connection };
}

describe('the visitor socket', () => {
  it('sends the token in its first message, never in the URL, and again after a drop', async () => {
    const { received } = connect();
    const first = FakeSocket.latest();
    expect(first.url).toBe('ws://test/api/visitor/live');
    first.serverOpen();
    expect(first.sent[0]).toEqual({ type: 'follow', token: 'token-of-this-visit-0123456789' });
    first.serverSend({ type: 'ticket', ticket: { ticketNumber: 'H-001' } });
    expect(received).toHaveLength(1);

    first.serverClose(1006);
    await vi.advanceTimersByTimeAsync(15_000);
    const second = FakeSocket.latest();
    expect(second).not.toBe(first);
    second.serverOpen();
    expect(second.sent[0]).toEqual({ type: 'follow', token: 'token-of-this-visit-0123456789' });
  });

  it('stops for good once the visit ended or the link was revoked', async () => {
    for (const code of [4010, 4011, 4004]) {
      FakeSocket.instances = [];
      connect();
      FakeSocket.latest().serverOpen();
      FakeSocket.latest().serverClose(code);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(FakeSocket.instances).toHaveLength(1);
    }
  });
});
