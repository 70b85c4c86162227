import { createAdapter } from '@walkup/itsm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createServiceNowMock } from '../../../../tests/msw/servicenow.ts';
import { createItsmDelivery } from '../../src/itsm/index.ts';
import { createItsmFixture } from './itsm-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('oldestPendingSince is when the oldest undelivered change was made, however many retries follow', async () => {
  const fx = await createItsmFixture();
  const mock = createServiceNowMock();
  server.use(...mock.handlers);
  const adapter = createAdapter({ vendor: 'servicenow', instanceUrl: mock.base, auth: { kind: 'basic', username: mock.creds.username, password: mock.creds.password }, timeoutMs: 500 });
  const delivery = createItsmDelivery({
    db: fx.db,
    bus: fx.bus,
    adapterFor: () => adapter,
    now: fx.clock.now,
    options: { random: () => 1, backoffBaseMs: 1_000, backoffCapMs: 60_000, breakerHalfOpenMs: 20 },
  });
  const first = await fx.checkIn();
  await delivery.drain();
  expect((await fx.visit(first.id)).itsm_state).toBe('synced');

  fx.clock.advance(60);
  mock.faults.always({ kind: 'status', status: 503, body: { error: { message: 'Service Unavailable' } } });
  const oldestChangeAt = fx.clock.now().toISOString();
  await fx.checkIn();
  fx.clock.advance(60);
  await fx.resolve(first.id);
  // 5.5 minutes of outage, retried all along (the probe saw "30 s" here).
  for (let second = 0; second < 330; second += 30) {
    await delivery.drain();
    fx.clock.advance(30);
  }
  const [during] = await delivery.health();
  expect(mock.faults.requests).toBeGreaterThan(5);
  expect(during).toMatchObject({ backlog: 2, oldestPendingSince: oldestChangeAt });

  mock.faults.clear();
  for (let i = 0; i < 10 && (await delivery.health())[0]!.backlog > 0; i++) {
    fx.clock.advance(60);
    await delivery.drain();
  }
  const [caughtUp] = await delivery.health();
  expect(caughtUp).toMatchObject({ backlog: 0, oldestPendingSince: null });
  await fx.close();
});
