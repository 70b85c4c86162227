import { createAdapter } from '@walkup/itsm';
import Fastify from 'fastify';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createRtMock } from '../../../../tests/msw/rt.ts';
import { createItsmDelivery } from '../../src/itsm/index.ts';
import { installErrorHandler } from '../../src/error-handler.ts';
import { itsmRoutes } from '../../src/itsm/routes.ts';
import { createItsmFixture } from './itsm-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('a failing set-up check holds creates (no ticket, nothing dead-lettered), shows in health, and "Test connection" after the fix releases them', async () => {
  const fx = await createItsmFixture();
  const mock = createRtMock();
  server.use(...mock.handlers);
  mock.queueFields.General = [];
  const adapter = createAdapter({ vendor: 'rt', name: 'corporate-rt', url: mock.base, token: mock.token, queue: 'General' });
  const delivery = createItsmDelivery({ db: fx.db, bus: fx.bus, adapterFor: () => adapter, now: fx.clock.now, options: { setupChecks: true } });
  const app = Fastify();
  installErrorHandler(app);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    request.principal = { kind: 'user', role: 'admin', userId: 'u1', username: 'admin', displayName: 'Admin', technicianId: null, siteIds: 'all', sessionHash: 'x', csrfToken: 'x' };
  });
  await itsmRoutes(app, { db: fx.db, delivery });

  const visit = await fx.checkIn();
  await delivery.drain();
  fx.clock.advance(120_000);
  await delivery.drain();
  expect(mock.tickets.size).toBe(0);
  expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'retrying', itsm_ticket_number: null });
  const [health] = (await app.inject({ method: 'GET', url: '/api/itsm/health' })).json().connections;
  expect(health).toMatchObject({ name: 'corporate-rt', deadLetters: 0, backlog: 1, setup: { state: 'failing', failures: [expect.stringContaining('KioskVisitId is not applied to "General"')] } });

  const failing = await app.inject({ method: 'POST', url: '/api/admin/itsm/connections/corporate-rt/test' });
  expect(failing.statusCode).toBe(200);
  expect(failing.json()).toMatchObject({ name: 'corporate-rt', ok: false });
  expect(failing.json().checks.filter((c: { ok: boolean }) => !c.ok).map((c: { check: string }) => c.check)).toEqual(['visit id field in General']);

  mock.queueFields.General = ['KioskVisitId'];
  const passing = await app.inject({ method: 'POST', url: '/api/admin/itsm/connections/corporate-rt/test' });
  expect(passing.json()).toMatchObject({ ok: true });
  await delivery.drain();
  expect(mock.tickets.size).toBe(1);
  expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'synced', itsm_ticket_number: '1' });
  expect((await app.inject({ method: 'GET', url: '/api/itsm/health' })).json().connections[0].setup).toMatchObject({ state: 'ok', failures: [] });

  const audit = await fx.db.selectFrom('auth_audit_log' as never).selectAll().execute();
  expect(audit.map((row: any) => [row.action, row.target, row.outcome])).toEqual([
    ['itsm.connection_tested', 'corporate-rt', 'failed'],
    ['itsm.connection_tested', 'corporate-rt', 'ok'],
  ]);

  const unknown = await app.inject({ method: 'POST', url: '/api/admin/itsm/connections/nope/test' });
  expect(unknown.statusCode).toBe(404);
  expect(unknown.json()).toMatchObject({ code: 'itsm_connection_not_found' });
  await app.close();
  await fx.close();
}, 60_000);
