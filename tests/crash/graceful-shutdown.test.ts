import SQLite from 'better-sqlite3';
import WebSocket from 'ws';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import { kioskHeaders, liveConnection } from '../../scripts/bench/credentials.ts';
import { makeTempDir, removeDir, startServer } from '../../scripts/bench/server-process.ts';

/**
 * SIGTERM while kiosks are checking in and a display is connected: requests already received are
 * answered and stored, the display is told when to come back (`bye`) before its socket closes, and
 * the process exits cleanly with nothing left in the write-ahead log to recover.
 */
describe('graceful shutdown', () => {
  const dir = makeTempDir('shutdown');
  afterAll(() => removeDir(dir));

  it('finishes requests in flight, says bye to screens and exits 0', { timeout: 60_000 }, async () => {
    const server = await startServer({ dir, bundle: inject('serverBundle') });
    const { url, headers } = liveConnection(server.baseUrl, server.credentials, { siteId: 'hq', view: 'display' });
    const socket = new WebSocket(url, { headers });
    const received: ServerMessage[] = [];
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', siteId: 'hq', view: 'display' })));
      socket.on('message', (data) => {
        received.push(JSON.parse(data.toString()) as ServerMessage);
        resolve();
      });
    });

    let answeredSoFar = 0;
    const checkIns = Array.from({ length: 60 }, (_, n) =>
      fetch(`${server.baseUrl}/api/sites/hq/visits`, {
        method: 'POST',
        headers: { ...kioskHeaders(server.credentials, 'hq'), 'content-type': 'application/json' },
        body: JSON.stringify({ categoryId: 'laptop-slow', visitor: { kind: 'guest', name: `Late ${n}` } }),
      }).then(
        async (response) => {
          answeredSoFar += 1;
          return { status: response.status, id: response.status === 201 ? ((await response.json()) as { id: string }).id : null };
        },
        () => ({ status: 0, id: null }),
      ),
    );
    // Signal while those requests are being served: once the first answers came back, the rest are in flight.
    await expect.poll(() => answeredSoFar, { interval: 1 }).toBeGreaterThan(0);
    server.child.kill('SIGTERM');
    const results = await Promise.all(checkIns);
    expect(await server.exited).toBe(0);
    expect(await closed).toBe(1012);
    expect(received.find((m) => m.type === 'bye')).toEqual({ type: 'bye', reconnectAfterMs: expect.any(Number) });

    const answered = results.filter((r) => r.status === 201);
    expect(answered.length).toBeGreaterThan(0);
    // Nothing was cut off half-way: a request got its answer, a clean 503 (arrived after close began),
    // or a refused connection (0), never a 500 or a reset mid-reply.
    expect(results.filter((r) => ![201, 503, 0].includes(r.status))).toEqual([]);

    const db = new SQLite(server.databasePath, { readonly: true });
    const stored = new Set(db.prepare('select id from visits').pluck().all() as string[]);
    db.close();
    expect(answered.filter((r) => !stored.has(r.id!))).toEqual([]);
  });
});
