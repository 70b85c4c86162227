import { createAdapter } from '@walkup/itsm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServiceNowMock, type ServiceNowMock } from '../../../../tests/msw/servicenow.ts';
import { createItsmDelivery, type ItsmDeliveryOptions } from '../../src/itsm/index.ts';
import { listDeadLetters } from '../../src/itsm/itsm-health.ts';
import { createItsmFixture, type ItsmFixture } from './itsm-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let fx: ItsmFixture;
let mock: ServiceNowMock;
beforeEach(async () => {
  fx = await createItsmFixture();
  mock = createServiceNowMock();
  server.use(...mock.handlers);
});
afterEach(async () => fx.close());

function worker(options: ItsmDeliveryOptions = {}) {
  const adapter = createAdapter({ vendor: 'servicenow', instanceUrl: mock.base, auth: { kind: 'basic', username: mock.creds.username, password: mock.creds.password }, timeoutMs: 500 });
  return createItsmDelivery({ db: fx.db, bus: fx.bus, adapterFor: () => adapter, now: fx.clock.now, options: { random: () => 1, ...options } });
}

describe('ITSM delivery worker', () => {
  it('creates one incident per check-in, stores its number and tells consoles', async () => {
    const delivery = worker();
    const visit = await fx.checkIn({ email: 'abel.tuter@example.com', note: 'Black screen' });
    await delivery.drain();

    const [incident, ...others] = mock.byCorrelation(visit.id);
    expect(others).toHaveLength(0);
    expect(incident!.fields).toMatchObject({
      short_description: "Laptop / Won't start (walk-up H-001)",
      caller_id: '62826bf03710200044e0bfc8bcbe5df1',
      category: 'hardware',
      subcategory: 'laptop',
      assignment_group: 'Tech Bar HQ',
      contact_type: 'walk-in',
    });
    expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'synced', itsm_ticket_number: incident!.number, itsm_remote_id: incident!.sys_id });
    expect(fx.syncEvents(visit.id)).toEqual([{ state: 'synced', ticketNumber: incident!.number, ticketUrl: expect.stringContaining(incident!.sys_id), error: null }]);
  });

  it('applies call, start and resolve in order, once each', async () => {
    const delivery = worker();
    const visit = await fx.checkIn();
    await fx.call(visit.id);
    await fx.start(visit.id);
    await fx.resolve(visit.id, 'Replaced the charger');
    await delivery.drain();
    await delivery.drain(); // nothing left: must not repeat anything

    const incident = mock.byCorrelation(visit.id)[0]!;
    expect(mock.patches.map((p) => p.fields.state ?? 'note')).toEqual(['note', 2, 6]);
    expect(incident.workNotes).toEqual(['Visitor called to Desk 1 by Alex Martin.', 'Service started at Desk 1 by Alex Martin.']);
    expect(incident.fields).toMatchObject({ state: '6', close_notes: 'Replaced the charger', close_code: 'Solved (Permanently)' });
  });

  it('retries a 500 with backoff and then syncs, creating exactly one ticket', async () => {
    const delivery = worker({ backoffBaseMs: 1000 });
    mock.faults.next({ kind: 'status', status: 500, body: { error: { message: 'Internal server error' }, status: 'failure' } });
    const visit = await fx.checkIn({ email: null });
    await delivery.drain();
    expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'retrying', itsm_remote_id: null });
    expect((await fx.visit(visit.id)).itsm_error).toContain('500');

    await delivery.drain(); // the backoff has not elapsed: no call
    expect(mock.faults.requests).toBe(1);

    fx.clock.advance(2);
    await delivery.drain();
    expect(mock.byCorrelation(visit.id)).toHaveLength(1);
    expect(fx.syncEvents(visit.id).map((e) => e.state)).toEqual(['retrying', 'synced']);
  });

  it('waits as long as a 429 Retry-After says', async () => {
    const delivery = worker({ backoffBaseMs: 100 });
    mock.faults.next({ kind: 'status', status: 429, headers: { 'Retry-After': '120' }, body: { error: { message: 'Rate limit exceeded' }, status: 'failure' } });
    const visit = await fx.checkIn({ email: null });
    await delivery.drain();
    fx.clock.advance(100);
    await delivery.drain();
    expect(mock.byCorrelation(visit.id)).toHaveLength(0);
    fx.clock.advance(21);
    await delivery.drain();
    expect(mock.byCorrelation(visit.id)).toHaveLength(1);
  });

  it('adopts the ticket when the create response was lost (timeout or reset after the ITSM acted)', async () => {
    const delivery = worker();
    mock.faults.next({ kind: 'lose-response' });
    const visit = await fx.checkIn({ email: null });
    await delivery.drain();
    expect(mock.byCorrelation(visit.id)).toHaveLength(1);
    expect((await fx.visit(visit.id)).itsm_state).toBe('retrying');

    fx.clock.advance(600);
    await delivery.drain();
    expect(mock.byCorrelation(visit.id)).toHaveLength(1);
    expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'synced', itsm_ticket_number: mock.byCorrelation(visit.id)[0]!.number });
  });

  it('times out a hanging ITSM and retries', async () => {
    const delivery = worker({ operationTimeoutMs: 200 });
    mock.faults.next({ kind: 'hang' });
    const visit = await fx.checkIn({ email: null });
    await delivery.drain();
    expect((await fx.visit(visit.id)).itsm_error).toMatch(/timed out|did not answer/);
    fx.clock.advance(600);
    await delivery.drain();
    expect(mock.byCorrelation(visit.id)).toHaveLength(1);
  });

  it('survives a restart between "request sent" and "response recorded": reconcile adopts, never duplicates', async () => {
    const first = worker();
    mock.faults.next({ kind: 'lose-response' });
    const visit = await fx.checkIn({ email: null });
    await first.drain();
    await first.stop();

    // A new process: the backoff has not elapsed, but start-up reconciliation finds the ticket.
    const second = worker();
    await second.reconcile();
    expect((await fx.visit(visit.id)).itsm_remote_id).toBe(mock.byCorrelation(visit.id)[0]!.sys_id);
    await fx.resolve(visit.id);
    fx.clock.advance(600);
    await second.drain();
    expect(mock.byCorrelation(visit.id)).toHaveLength(1);
    expect(mock.patches).toHaveLength(1);
  });

  it('dead-letters permanent errors, shows them, and retries on request', async () => {
    const delivery = worker();
    mock.faults.next({ kind: 'status', status: 403, body: { error: { message: 'Operation Failed', detail: 'ACL Exception Insert Failed' }, status: 'failure' } });
    const visit = await fx.checkIn({ email: null });
    await delivery.drain();
    fx.clock.advance(3600);
    await delivery.drain(); // dead letters wait for a human
    expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'failed' });
    expect(await listDeadLetters(fx.db, undefined)).toEqual([expect.objectContaining({ visitId: visit.id, ticketNumber: 'H-001', error: expect.stringContaining('403') })]);
    expect(await listDeadLetters(fx.db, undefined, ['some-other-site'])).toEqual([]);
    expect((await delivery.health())[0]).toMatchObject({ name: 'servicenow', deadLetters: 1, backlog: 0 });

    await delivery.retry(visit.id);
    await delivery.drain();
    expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'synced' });
    expect(mock.byCorrelation(visit.id)).toHaveLength(1);
    expect(fx.syncEvents(visit.id).map((e) => e.state)).toEqual(['failed', 'pending', 'synced']);
  });

  it('keeps secrets out of errors, events and health', async () => {
    const adapter = createAdapter({ vendor: 'servicenow', instanceUrl: mock.base, auth: { kind: 'basic', username: 'u', password: 'hunter2-top-secret' } });
    const delivery = createItsmDelivery({ db: fx.db, bus: fx.bus, adapterFor: () => adapter, now: fx.clock.now });
    const visit = await fx.checkIn({ email: null });
    await delivery.drain();
    const stored = JSON.stringify([await fx.visit(visit.id), fx.published, await delivery.health()]);
    expect(stored).toContain('401');
    expect(stored).not.toContain('hunter2-top-secret');
  });
});
