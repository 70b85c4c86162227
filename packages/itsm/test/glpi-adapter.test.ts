import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGlpiMock } from '../../../tests/msw/glpi.ts';
import { createAdapter } from '../src/create-adapter.ts';
import { makeDraft } from './draft.ts';

const server = setupServer();
let mock = createGlpiMock();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mock = createGlpiMock();
});
afterAll(() => server.close());

function adapter() {
  server.use(...mock.handlers);
  return createAdapter({ vendor: 'glpi', apiUrl: mock.apiUrl, appToken: mock.creds.appToken, userToken: mock.creds.userToken, solutionTypeId: 3 });
}

describe('GLPI adapter', () => {
  it('opens a session and creates a ticket with category, request source and the visit id', async () => {
    const ref = await adapter().createTicket(makeDraft({ itsm: { category: '14', subcategory: null, assignmentGroup: null } }));
    expect(ref).toEqual({ remoteId: '1', number: '1', url: 'https://glpi.acme.test/front/ticket.form.php?id=1' });
    expect(mock.tickets.get(1)!.input).toMatchObject({ name: "Laptop / Won't start (walk-up A-012)", itilcategories_id: 14, requesttypes_id: 4, externalid: 'visit-0001', type: 1 });
    expect(mock.log).toEqual(['initSession', 'Ticket 1']);
  });

  it('re-opens the session once on ERROR_SESSION_TOKEN_INVALID', async () => {
    const glpi = adapter();
    await glpi.createTicket(makeDraft());
    mock.sessions.clear(); // expired server-side
    expect(await glpi.findByCorrelationId('visit-0001')).toMatchObject({ remoteId: '1' });
    expect(mock.log.filter((l) => l === 'initSession')).toHaveLength(2);
  });

  it('adds followups, assigns numeric groups, solves, closes on cancel, and kills the session on close', async () => {
    const glpi = adapter();
    const ref = await glpi.createTicket(makeDraft());
    await glpi.updateTicket(ref, { kind: 'called', at: 't', deskName: 'Desk 1', technicianName: 'Alex' });
    await glpi.updateTicket(ref, { kind: 'escalated', at: 't', assignmentGroup: '5', note: null });
    await glpi.updateTicket(ref, { kind: 'resolved', at: 't', note: 'Replaced battery', technicianName: 'Alex' });
    const ticket = mock.tickets.get(1)!;
    expect(ticket.followups).toEqual(['Visitor called to Desk 1 by Alex.', 'Escalated to 5.']);
    expect(ticket.groups).toEqual([5]);
    expect(ticket.solutions).toEqual(['Replaced battery']);

    const other = await glpi.createTicket(makeDraft({ visitId: 'visit-0002' }));
    await glpi.updateTicket(other, { kind: 'cancelled', at: 't', reason: 'left' });
    expect(mock.tickets.get(2)!.input.status).toBe(6);
    await glpi.close!();
    expect(mock.log.at(-1)).toBe('killSession');
    expect(mock.sessions.size).toBe(0);
  });

  it('finds nothing for an unknown visit and keeps tokens out of errors', async () => {
    expect(await adapter().findByCorrelationId('nope')).toBeNull();
    server.use(...mock.handlers);
    const bad = createAdapter({ vendor: 'glpi', apiUrl: mock.apiUrl, appToken: mock.creds.appToken, userToken: 'user-token-wrong-42' });
    const error = await bad.createTicket(makeDraft()).catch((e) => e);
    expect(error.message).toContain('ERROR_GLPI_LOGIN_USER_TOKEN');
    expect(error.message).not.toContain('user-token-wrong-42');
  });
});
