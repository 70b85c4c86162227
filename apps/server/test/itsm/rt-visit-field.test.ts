import { createAdapter } from '@walkup/itsm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createRtMock, type RtMock } from '../../../../tests/msw/rt.ts';
import { createItsmDelivery } from '../../src/itsm/index.ts';
import { listDeadLetters } from '../../src/itsm/itsm-health.ts';
import { createItsmFixture, type ItsmFixture } from './itsm-fixtures.ts';

/** The probe's finding: RT drops a custom field not applied to the queue, so lookups by visit id find nothing. */
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let fx: ItsmFixture;
let mock: RtMock;
beforeEach(async () => {
  fx = await createItsmFixture();
  mock = createRtMock();
  server.use(...mock.handlers);
});
afterEach(async () => fx.close());

function worker() {
  const adapter = createAdapter({ vendor: 'rt', url: mock.base, token: mock.token, queue: 'General', timeoutMs: 500 });
  return createItsmDelivery({ db: fx.db, bus: fx.bus, adapterFor: () => adapter, now: fx.clock.now, options: { random: () => 1, backoffBaseMs: 1_000 } });
}

async function drainThroughBackoffs(delivery: ReturnType<typeof worker>): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await delivery.drain();
    fx.clock.advance(600);
  }
}

it('a queue without the visit id field: no ticket at all (never 8 for 4 visits), each visit dead-lettered with what to fix', async () => {
  mock.queueFields.General = [];
  const delivery = worker();
  const visits = [];
  for (let i = 0; i < 4; i++) visits.push((await fx.checkIn()).id);
  // Every first answer is lost on the way back, as when a slow RT makes creates time out.
  mock.faults.next(...Array.from({ length: 4 }, () => ({ kind: 'lose-response' as const })));
  await drainThroughBackoffs(delivery);

  expect(mock.tickets.size).toBe(0);
  const dead = await listDeadLetters(fx.db, 'hq');
  expect(dead.map((d) => d.visitId).sort()).toEqual([...visits].sort());
  for (const letter of dead) expect(letter.error).toContain('custom field KioskVisitId is not applied to queue General');
  const [health] = await delivery.health();
  expect(health).toMatchObject({ backlog: 0, deadLetters: 4 });
});

it('a ticket created without the field is kept on the visit and dead-lettered; a retry after the fix creates no second ticket', async () => {
  const delivery = worker();
  const first = await fx.checkIn();
  await delivery.drain();
  expect(mock.byVisit(first.id)).toHaveLength(1);

  // An RT admin un-applies the field after walkup checked the queue: RT still answers 201.
  mock.queueFields.General = [];
  const second = await fx.checkIn();
  await drainThroughBackoffs(delivery);
  expect(mock.tickets.size).toBe(2);
  expect(await fx.visit(second.id)).toMatchObject({ itsm_state: 'failed', itsm_ticket_number: '2' });
  expect((await fx.visit(second.id)).itsm_error).toContain('ticket 2 was created without it');

  mock.queueFields.General = ['KioskVisitId'];
  await fx.resolve(second.id);
  await delivery.retry(second.id);
  await drainThroughBackoffs(delivery);
  expect(mock.tickets.size).toBe(2);
  expect(mock.tickets.get(2)).toMatchObject({ Status: 'resolved' });
  expect(await fx.visit(second.id)).toMatchObject({ itsm_state: 'synced', itsm_ticket_number: '2', itsm_error: null });
});
