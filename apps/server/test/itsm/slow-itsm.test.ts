import { createAdapter } from '@walkup/itsm';
import { delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createRtMock } from '../../../../tests/msw/rt.ts';
import { createItsmDelivery } from '../../src/itsm/index.ts';
import { createItsmFixture } from './itsm-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * Like the probe's Request Tracker (single-threaded, about a request a second), about seven times faster:
 * one request at a time, 150 ms each, later ones queue. Falls through to the RT mock's handlers.
 */
function singleThreaded(serviceMs: number) {
  let queue = Promise.resolve();
  const served = { requests: 0, mostWaiting: 0, waiting: 0 };
  const handler = http.all('*', async () => {
    served.waiting++;
    served.mostWaiting = Math.max(served.mostWaiting, served.waiting);
    const turn = queue.then(() => delay(serviceMs));
    queue = turn;
    await turn;
    served.waiting--;
    served.requests++;
    return undefined;
  });
  return { handler, served };
}

it('a slow, single-threaded RT with 8 deliveries at once: slow but never "down" (no timeout, no breaker), every visit delivered once', async () => {
  const fx = await createItsmFixture();
  const mock = createRtMock();
  const slow = singleThreaded(150);
  server.use(slow.handler, ...mock.handlers);
  // 1 s per request: a queue of seven requests inside RT already times out.
  const adapter = createAdapter({ vendor: 'rt', url: mock.base, token: mock.token, queue: 'Walk-up', timeoutMs: 1_000 });
  const delivery = createItsmDelivery({
    db: fx.db,
    bus: fx.bus,
    adapterFor: () => adapter,
    options: { concurrency: 8, pollIntervalMs: 50, slowCallMs: 50, breakerThreshold: 5, backoffBaseMs: 60_000 },
  });
  const visits: string[] = [];
  for (let i = 0; i < 8; i++) visits.push((await fx.checkIn()).id);
  const breakerStates = new Set<string>();
  const watch = setInterval(() => void delivery.health().then(([h]) => breakerStates.add(h!.breaker)), 50);
  delivery.start();

  // Waits for the visits to be synced, not for an empty backlog: the backlog counts the deliveries the
  // worker has read from the log, so it is also empty before the worker's first scan (on PostgreSQL the
  // first reading can come before that scan commits, and the breaker would then never be read mid-drain).
  const synced = async () => (await Promise.all(visits.map(fx.visit))).filter((v) => v.itsm_state === 'synced').length;
  await expect.poll(synced, { timeout: 20_000, interval: 100 }).toBe(visits.length);
  clearInterval(watch);
  await delivery.stop();

  const [health] = await delivery.health();
  expect(health).toMatchObject({ breaker: 'closed', lastFailureAt: null, lastError: null, deadLetters: 0, backlog: 0 });
  expect([...breakerStates]).toEqual(['closed']);
  for (const id of visits) expect(mock.byVisit(id), `tickets of ${id}`).toHaveLength(1);
  // RT never had more than a few requests queued, below the seven that time out.
  expect(slow.served.mostWaiting).toBeLessThan(6);
  await fx.close();
});
