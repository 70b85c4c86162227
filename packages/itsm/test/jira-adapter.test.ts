import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJiraMock } from '../../../tests/msw/jira.ts';
import { createAdapter } from '../src/create-adapter.ts';
import type { JiraConfig } from '../src/config.ts';
import { makeDraft } from './draft.ts';

const server = setupServer();
let mock = createJiraMock();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mock = createJiraMock();
});
afterAll(() => server.close());

function adapterWith(overrides: Partial<JiraConfig> = {}) {
  server.use(...mock.handlers);
  return createAdapter({
    vendor: 'jira',
    siteUrl: mock.siteUrl,
    email: mock.creds.email,
    apiToken: mock.creds.apiToken,
    serviceDeskId: '1',
    requestTypeId: '10',
    requestTypes: { hardware: { requestTypeId: '12' } },
    transitions: { resolve: '761', cancel: '771' },
    ...overrides,
  });
}

describe('Jira Service Management adapter', () => {
  it('raises the request on behalf of the caller (email resolved to an accountId) with the category request type', async () => {
    const ref = await adapterWith().createTicket(makeDraft());
    expect(ref).toEqual({ remoteId: 'WALK-1', number: 'WALK-1', url: `${mock.siteUrl}/servicedesk/customer/portal/1/WALK-1` });
    expect(mock.requests.get('WALK-1')).toMatchObject({
      raiseOnBehalfOf: '5b10ac8d82e05b22cc7d4ef5',
      requestTypeId: '12',
      serviceDeskId: '1',
      fields: { summary: "Laptop / Won't start (walk-up A-012)", labels: ['walkup-visit-0001'] },
    });
  });

  it('raises as the integration user when the email is unknown, with the default request type', async () => {
    await adapterWith().createTicket(makeDraft({ caller: { email: 'guest@example.com', employeeId: null, badgeId: null, name: null }, itsm: { category: null, subcategory: null, assignmentGroup: null } }));
    expect(mock.requests.get('WALK-1')).toMatchObject({ raiseOnBehalfOf: undefined, requestTypeId: '10' });
  });

  it('finds a request by its correlation label', async () => {
    const adapter = adapterWith();
    expect(await adapter.findByCorrelationId('visit-0001')).toBeNull();
    await adapter.createTicket(makeDraft());
    expect(await adapter.findByCorrelationId('visit-0001')).toMatchObject({ remoteId: 'WALK-1' });
  });

  it('comments internally and transitions by configured id', async () => {
    const adapter = adapterWith();
    const ref = await adapter.createTicket(makeDraft());
    await adapter.updateTicket(ref, { kind: 'called', at: 't', deskName: 'Desk 1', technicianName: 'Alex' });
    await adapter.updateTicket(ref, { kind: 'resolved', at: 't', note: 'Done', technicianName: 'Alex' });
    const request = mock.requests.get('WALK-1')!;
    expect(request.comments).toEqual([{ body: 'Visitor called to Desk 1 by Alex.', public: false }, { body: 'Done', public: true }]);
    expect(request.transitions).toEqual(['761']);
  });

  it('classifies a 404 on a missing request as permanent and hides the API token', async () => {
    const adapter = adapterWith();
    const error = await adapter.updateTicket({ remoteId: 'WALK-99', number: 'WALK-99', url: null }, { kind: 'no_show', at: 't' }).catch((e) => e);
    expect(error).toMatchObject({ permanent: true, status: 404 });
    const bad = await adapterWith({ apiToken: 'wrong-token-xyz' }).createTicket(makeDraft()).catch((e) => e);
    expect(bad).toMatchObject({ status: 401, permanent: false });
    expect(bad.message).not.toContain('wrong-token-xyz');
  });
});
