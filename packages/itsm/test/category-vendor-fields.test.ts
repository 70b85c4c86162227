import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createGlpiMock } from '../../../tests/msw/glpi.ts';
import { createJiraMock } from '../../../tests/msw/jira.ts';
import { createRtMock } from '../../../tests/msw/rt.ts';
import { createAdapter } from '../src/create-adapter.ts';
import { makeDraft } from './draft.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const withVendorFields = (vendorFields: Record<string, string>) => makeDraft({ itsm: { category: 'hardware', subcategory: null, assignmentGroup: null, vendorFields } });

it('RT creates the ticket in the category\'s own queue, and in the connection\'s queue otherwise', async () => {
  const mock = createRtMock({ queues: ['Walk-up', 'Hardware'] });
  server.use(...mock.handlers);
  const rt = createAdapter({ vendor: 'rt', url: mock.base, token: mock.token, queue: 'Walk-up' });
  await rt.createTicket(withVendorFields({ rtQueue: 'Hardware' }));
  await rt.createTicket(makeDraft({ visitId: 'visit-0002' }));
  expect([...mock.tickets.values()].map((t) => t.Queue)).toEqual(['Hardware', 'Walk-up']);
});

it('Jira raises the category\'s request type before the connection\'s mapping', async () => {
  const mock = createJiraMock();
  server.use(...mock.handlers);
  const jira = createAdapter({ vendor: 'jira', siteUrl: mock.siteUrl, email: mock.creds.email, apiToken: mock.creds.apiToken, serviceDeskId: '1', requestTypeId: '10', requestTypes: { hardware: { requestTypeId: '12' } } });
  await jira.createTicket(withVendorFields({ jsmRequestType: '11' }));
  await jira.createTicket(makeDraft({ visitId: 'visit-0002' }));
  expect([...mock.requests.values()].map((r) => r.requestTypeId)).toEqual(['11', '12']);
});

it('GLPI files the ticket under the category\'s GLPI category id', async () => {
  const mock = createGlpiMock();
  server.use(...mock.handlers);
  const glpi = createAdapter({ vendor: 'glpi', apiUrl: mock.apiUrl, appToken: mock.creds.appToken, userToken: mock.creds.userToken });
  await glpi.createTicket(withVendorFields({ glpiCategory: '7' }));
  expect(mock.tickets.get(1)!.input.itilcategories_id).toBe(7);
});
