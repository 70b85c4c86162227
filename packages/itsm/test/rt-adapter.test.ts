import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRtMock } from '../../../tests/msw/rt.ts';
import { createAdapter } from '../src/create-adapter.ts';
import type { RtConfig } from '../src/config.ts';
import { makeDraft } from './draft.ts';

const server = setupServer();
let mock = createRtMock();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mock = createRtMock();
});
afterAll(() => server.close());

function adapterWith(overrides: Partial<RtConfig> = {}) {
  server.use(...mock.handlers);
  return createAdapter({ vendor: 'rt', url: mock.base, token: mock.token, queue: 'Walk-up', ...overrides });
}

describe('Request Tracker adapter', () => {
  it('creates a ticket with queue, requestor, subject and the visit id custom field', async () => {
    const ref = await adapterWith().createTicket(makeDraft());
    expect(ref).toEqual({ remoteId: '1', number: '1', url: 'https://rt.example.test/Ticket/Display.html?id=1' });
    expect(mock.tickets.get(1)).toMatchObject({ Queue: 'Walk-up', Requestor: ['abel.tuter@example.com'], Subject: "Laptop / Won't start (walk-up A-012)", CustomFields: { KioskVisitId: 'visit-0001' } });
  });

  it('finds a ticket by the visit id field, or nothing', async () => {
    const adapter = adapterWith();
    expect(await adapter.findByCorrelationId('visit-0001')).toBeNull();
    const ref = await adapter.createTicket(makeDraft());
    expect(await adapter.findByCorrelationId('visit-0001')).toEqual(ref);
  });

  it('comments, changes status and verifies it by reading the ticket back', async () => {
    const adapter = adapterWith();
    const ref = await adapter.createTicket(makeDraft());
    await adapter.updateTicket(ref, { kind: 'called', at: 't', deskName: 'Desk 2', technicianName: 'Sam' });
    await adapter.updateTicket(ref, { kind: 'resolved', at: 't', note: 'Fixed', technicianName: 'Sam' });
    expect(mock.history.map((h) => h.value)).toEqual(['Visitor called to Desk 2 by Sam.', 'resolved', 'Fixed']);
    expect(mock.tickets.get(1)!.Status).toBe('resolved');
  });

  it('treats a refused status (200 with a message) as a permanent error', async () => {
    const adapter = adapterWith({ statuses: { resolved: 'done' } });
    const ref = await adapter.createTicket(makeDraft());
    const error = await adapter.updateTicket(ref, { kind: 'resolved', at: 't', note: 'x', technicianName: null }).catch((e) => e);
    expect(error).toMatchObject({ permanent: true });
    expect(error.message).toContain("isn't a valid status");
  });

  it('reports an unknown queue (403) as permanent and never leaks the token', async () => {
    const error = await adapterWith({ queue: 'Nope' }).createTicket(makeDraft()).catch((e) => e);
    expect(error).toMatchObject({ permanent: true, status: 403 });
    expect(error.message).toContain("No permission to create tickets in the queue 'Nope'");
    const unauthorised = await adapterWith({ token: 'bad-token-value' }).createTicket(makeDraft()).catch((e) => e);
    expect(unauthorised).toMatchObject({ permanent: false, status: 401 });
    expect(unauthorised.message).not.toContain('bad-token-value');
  });

  it('classifies a connection reset as transient', async () => {
    const adapter = adapterWith();
    mock.faults.next({ kind: 'reset' });
    expect(await adapter.createTicket(makeDraft()).catch((e) => e)).toMatchObject({ permanent: false, status: null });
  });
});
