import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRtMock } from '../../../tests/msw/rt.ts';
import { createAdapter } from '../src/create-adapter.ts';
import type { RtConfig } from '../src/config.ts';
import { ItsmUnverifiedTicketError } from '../src/adapter.ts';
import { makeDraft } from './draft.ts';

const server = setupServer();
let mock = createRtMock({ queues: ['Walk-up', 'General', 'Walk-up L2'] });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mock = createRtMock({ queues: ['Walk-up', 'General', 'Walk-up L2'] });
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

  it('reports an unknown queue as permanent before any create and never leaks the token', async () => {
    const error = await adapterWith({ queue: 'Nope' }).createTicket(makeDraft()).catch((e) => e);
    expect(error).toMatchObject({ permanent: true, status: 404, notApplied: true });
    expect(error.message).toContain('queue Nope does not exist in RT');
    expect(mock.tickets.size).toBe(0);
    const unauthorised = await adapterWith({ token: 'bad-token-value' }).createTicket(makeDraft()).catch((e) => e);
    expect(unauthorised).toMatchObject({ permanent: false, status: 401 });
    expect(unauthorised.message).not.toContain('bad-token-value');
  });

  it('never creates in a queue where the visit id field is not applied, and says what to fix', async () => {
    mock.queueFields.General = [];
    const error = await adapterWith({ queue: 'General' }).createTicket(makeDraft()).catch((e) => e);
    expect(error).toMatchObject({ permanent: true, notApplied: true });
    expect(error.message).toContain('custom field KioskVisitId is not applied to queue General');
    expect(mock.tickets.size).toBe(0);
  });

  it('reads every create back: a ticket RT made without the visit id is reported with the ticket, never silently', async () => {
    const adapter = adapterWith();
    await adapter.createTicket(makeDraft());
    // An RT admin un-applies the field after the queue was checked: RT still answers 201.
    mock.queueFields['Walk-up'] = [];
    const error = await adapter.createTicket(makeDraft({ visitId: 'visit-0002' })).catch((e) => e);
    expect(error).toBeInstanceOf(ItsmUnverifiedTicketError);
    expect(error).toMatchObject({ permanent: true, ticket: { remoteId: '2', number: '2' } });
    expect(error.message).toMatch(/custom field KioskVisitId is not applied to queue Walk-up.*ticket 2 was created without it/);
  });

  it('sets the mapped owner when the technician starts, the category priority, and moves an escalation to the L2 queue', async () => {
    const adapter = adapterWith({ owners: { 'tech-alex': 'alex' }, priorities: { hardware: 40, 'laptop-no-boot': 70 }, escalationQueues: { 'Network L3': 'Walk-up L2' } });
    const ref = await adapter.createTicket(makeDraft({ categoryId: 'laptop-no-boot' }));
    expect(mock.tickets.get(1)!.Priority).toBe(70);
    const other = await adapter.createTicket(makeDraft({ visitId: 'visit-0002', categoryId: 'unmapped' }));
    expect(mock.tickets.get(Number(other.remoteId))!.Priority).toBe(40);

    await adapter.updateTicket(ref, { kind: 'started', at: 't', deskName: 'Desk 1', technicianName: 'Alex', technicianId: 'tech-alex' });
    expect(mock.tickets.get(1)).toMatchObject({ Owner: 'alex', Status: 'open' });
    await adapter.updateTicket(ref, { kind: 'escalated', at: 't', assignmentGroup: 'Network L3', note: null });
    expect(mock.tickets.get(1)).toMatchObject({ Queue: 'Walk-up L2' });
    // An unmapped technician or group changes nothing but the comment.
    await adapter.updateTicket(other, { kind: 'started', at: 't', deskName: 'Desk 1', technicianName: 'Sam', technicianId: 'tech-sam' });
    await adapter.updateTicket(other, { kind: 'escalated', at: 't', assignmentGroup: 'Printers', note: null });
    expect(mock.tickets.get(Number(other.remoteId))).toMatchObject({ Owner: 'Nobody', Queue: 'Walk-up' });
  });

  it('an owner RT refuses (no OwnTicket right) is a permanent error naming the user', async () => {
    const adapter = adapterWith({ owners: { 'tech-sam': 'sam' } });
    const ref = await adapter.createTicket(makeDraft());
    const error = await adapter.updateTicket(ref, { kind: 'started', at: 't', deskName: 'Desk 1', technicianName: 'Sam', technicianId: 'tech-sam' }).catch((e) => e);
    expect(error).toMatchObject({ permanent: true });
    expect(error.message).toContain("rt refused owner 'sam'");
    expect(error.message).toContain('may not own tickets');
  });

  it('sends the resolution to the requestor as correspondence when the connection says so, as a comment otherwise', async () => {
    const resolved = { kind: 'resolved', at: 't', note: 'Replaced the charger', technicianName: 'Alex' } as const;
    const quiet = adapterWith();
    const first = await quiet.createTicket(makeDraft());
    await quiet.updateTicket(first, resolved);
    expect(mock.tickets.get(1)).toMatchObject({ comments: ['Replaced the charger'], correspondence: [] });

    const loud = adapterWith({ resolutionToRequestor: true });
    const second = await loud.createTicket(makeDraft({ visitId: 'visit-0002' }));
    await loud.updateTicket(second, resolved);
    expect(mock.tickets.get(2)).toMatchObject({ Status: 'resolved', comments: [], correspondence: ['Replaced the charger'] });
  });

  it('classifies a connection reset as transient', async () => {
    const adapter = adapterWith();
    mock.faults.next({ kind: 'reset' });
    expect(await adapter.createTicket(makeDraft()).catch((e) => e)).toMatchObject({ permanent: false, status: null });
  });
});
