import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import { createTestApp, demo, type TestApp } from './helpers/test-app.ts';
import { connectLive } from './helpers/live-client.ts';

let t: TestApp | undefined;
afterEach(async () => t?.close());

const subscribe = { type: 'subscribe', siteId: demo.site, view: 'display' } as const;
const snapshots = (received: ServerMessage[]) => received.filter((m) => m.type === 'snapshot').length;

describe('a websocket client that floods or misbehaves', () => {
  it('is closed for policy violation after a burst of subscribes, while /health keeps answering', async () => {
    t = await createTestApp();
    const flooder = await connectLive(t.app, t.as.display);
    for (let i = 0; i < 300; i++) flooder.send(subscribe);
    await expect.poll(() => flooder.closed()?.code, { timeout: 5000 }).toBe(1008);
    expect(flooder.closed()?.reason).toMatch(/too many/);
    // It got a handful of snapshots at most, not one per message, and left nothing in the hub.
    expect(snapshots(flooder.received)).toBeLessThanOrEqual(5);
    await expect.poll(() => t!.app.walkup.hub.subscriberCount()).toBe(0);
    const health = await t.app.inject({ url: '/health' });
    expect(health.statusCode).toBe(200);

    // A well-behaved screen beside it is unaffected.
    const display = await connectLive(t.app, t.as.display);
    display.send(subscribe);
    await display.waitFor((m) => m.type === 'snapshot');
    for (let i = 0; i < 5; i++) display.send({ type: 'ping', at: i });
    await display.waitFor((m) => m.type === 'pong' && m.at === 4);
    expect(display.closed()).toBeNull();
    display.close();
  });

  it('is closed after a burst of messages of any kind, invalid ones included', async () => {
    t = await createTestApp();
    const flooder = await connectLive(t.app, t.as.kiosk);
    for (let i = 0; i < 200; i++) flooder.send({ type: 'nonsense', i });
    await expect.poll(() => flooder.closed()?.code, { timeout: 5000 }).toBe(1008);
    expect(flooder.received.filter((m) => m.type === 'error').length).toBeLessThanOrEqual(20);
  });

  it('keeps one subscription per socket: overlapping subscribes leave nothing in the hub after close', async () => {
    t = await createTestApp();
    const screen = await connectLive(t.app, t.as.display);
    screen.send(subscribe);
    screen.send({ ...subscribe, sinceSeq: 0 });
    screen.send(subscribe);
    await screen.waitFor((m) => m.type === 'snapshot');
    await expect.poll(() => t!.app.walkup.hub.subscriberCount()).toBe(1);
    screen.close();
    await expect.poll(() => t!.app.walkup.hub.subscriberCount()).toBe(0);
  });
});

describe('a bad websocket frame', () => {
  it('is logged once, at debug level and without a stack, not as a server error', async () => {
    const lines: Array<{ level: number; msg: string; stack?: unknown; err?: unknown }> = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    t = await createTestApp({ logger: { level: 'debug', stream } });
    const live = await connectLive(t.app, t.as.display);
    // Two frames with a reserved opcode (0xB), masked as a client must: the server cannot parse either.
    live.raw().write(Buffer.from([0x8b, 0x80, 1, 2, 3, 4, 0x8b, 0x80, 1, 2, 3, 4]));
    await expect.poll(() => live.closed()).not.toBeNull();
    await expect.poll(() => lines.filter((l) => /websocket/.test(l.msg)).length).toBe(1);
    const entry = lines.find((l) => /websocket/.test(l.msg))!;
    expect(entry.level).toBe(20);
    expect(JSON.stringify(entry)).not.toMatch(/\bat .*\.js:\d+/);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
