import { createAdapter } from '@walkup/itsm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createServiceNowMock } from '../../../../tests/msw/servicenow.ts';
import { checkIn, createTestApp, demo } from '../helpers/test-app.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('a kiosk check-in through the app becomes one ServiceNow incident', async () => {
  const mock = createServiceNowMock();
  server.use(...mock.handlers);
  const adapter = createAdapter({ vendor: 'servicenow', instanceUrl: mock.base, auth: { kind: 'basic', username: mock.creds.username, password: mock.creds.password } });
  const t = await createTestApp({ itsmAdapterFor: () => adapter });
  const response = await checkIn(t.app, demo.hardwareChoice, { kind: 'email', email: 'abel.tuter@example.com' });
  expect(response.statusCode).toBe(201);
  const { id, ticketNumber } = response.json();
  await t.app.walkup.itsm.drain();
  const [incident, ...others] = mock.byCorrelation(id);
  expect(others).toHaveLength(0);
  expect(incident!.fields).toMatchObject({ caller_id: '62826bf03710200044e0bfc8bcbe5df1', short_description: `Laptop / Won't start (walk-up ${ticketNumber})` });
  const visit = await t.database.db.selectFrom('visits').select(['itsm_state', 'itsm_ticket_number']).where('id', '=', id).executeTakeFirstOrThrow();
  expect(visit).toEqual({ itsm_state: 'synced', itsm_ticket_number: incident!.number });
  await t.close();
});
