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

it('an ITSM down for an hour while visits keep coming: afterwards one ticket per visit, every update once and in order', async () => {
  const fx = await createItsmFixture();
  const mock = createServiceNowMock();
  server.use(...mock.handlers);
  const adapter = createAdapter({ vendor: 'servicenow', instanceUrl: mock.base, auth: { kind: 'basic', username: mock.creds.username, password: mock.creds.password } });
  const delivery = createItsmDelivery({
    db: fx.db,
    bus: fx.bus,
    adapterFor: () => adapter,
    now: fx.clock.now,
    options: { breakerThreshold: 3, breakerHalfOpenMs: 20, backoffBaseMs: 1_000, backoffCapMs: 300_000, concurrency: 4 },
  });
  const visits: string[] = [];
  const expectedKinds = new Map<string, Array<string | number>>();
  const expect2 = (id: string, kind: string | number) => expectedKinds.set(id, [...(expectedKinds.get(id) ?? []), kind]);

  // Minute 0-5 the ITSM works; then it answers 503 or drops connections for 60 simulated minutes.
  for (let minute = 0; minute < 90; minute++) {
    if (minute === 5) mock.faults.always({ kind: 'status', status: 503, headers: {}, body: { error: { message: 'Service Unavailable' }, status: 'failure' } });
    if (minute === 30) mock.faults.always({ kind: 'reset' });
    if (minute === 65) {
      mock.faults.clear();
      // Recovery is ragged: the first create is applied but its answer is lost. (Which visit goes first
      // depends on the retries' jitter; an update whose answer is lost is sent again, so only a create
      // is hit here: see "ITSM delivery guarantees" in README.)
      mock.faults.next({ kind: 'lose-response', method: 'POST' });
    }
    if (minute < 70) {
      const { id } = await fx.checkIn({ email: null });
      visits.push(id);
    }
    // Technicians keep working through the outage; earlier visits get called, started, resolved.
    const served = visits[minute - 3];
    if (served) {
      await fx.call(served);
      expect2(served, 'note');
      await fx.start(served);
      expect2(served, 2);
      if (minute % 2 === 0) {
        await fx.resolve(served);
        expect2(served, 6);
      } else {
        await fx.escalate(served);
        expect2(served, 'note');
      }
    }
    await delivery.drain();
    if (minute === 60) {
      const [health] = await delivery.health();
      expect(health!.backlog).toBeGreaterThan(50);
      expect(health!.lastError).toMatch(/network error|503/);
    }
    fx.clock.advance(60);
  }
  // Catch up: the longest backoff is 5 minutes.
  for (let i = 0; i < 20; i++) {
    fx.clock.advance(300);
    await delivery.drain();
  }

  // During the outage the breaker kept the ITSM from being hammered: far fewer calls than attempts.
  expect(mock.faults.requests).toBeLessThan(visits.length * 12);
  for (const id of visits) {
    const tickets = mock.byCorrelation(id);
    expect(tickets, `visit ${id}`).toHaveLength(1);
    const applied = mock.patches.filter((p) => p.sys_id === tickets[0]!.sys_id).map((p) => p.fields.state ?? 'note');
    expect(applied, `updates of ${id}`).toEqual(expectedKinds.get(id) ?? []);
    expect((await fx.visit(id)).itsm_state).toBe('synced');
  }
  const [health] = await delivery.health();
  expect(health).toMatchObject({ backlog: 0, deadLetters: 0, breaker: 'closed' });
  await fx.close();
});
