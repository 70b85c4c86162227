import { createAdapter } from '@walkup/itsm';
import Fastify from 'fastify';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createServiceNowMock } from '../../../../tests/msw/servicenow.ts';
import { createItsmDelivery } from '../../src/itsm/index.ts';
import { itsmRoutes } from '../../src/itsm/routes.ts';
import { createItsmFixture } from './itsm-fixtures.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('health, dead letters and retry over HTTP', async () => {
  const fx = await createItsmFixture();
  const mock = createServiceNowMock();
  server.use(...mock.handlers);
  const adapter = createAdapter({ vendor: 'servicenow', instanceUrl: mock.base, auth: { kind: 'basic', username: mock.creds.username, password: mock.creds.password } });
  const delivery = createItsmDelivery({ db: fx.db, bus: fx.bus, adapterFor: () => adapter, now: fx.clock.now });
  const app = Fastify();
  // The real app resolves the caller in its auth hook; here an admin of every site calls.
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    request.principal = { kind: 'user', role: 'admin', userId: 'u1', username: 'admin', displayName: 'Admin', technicianId: null, siteIds: 'all', sessionHash: 'x', csrfToken: 'x' };
  });
  await itsmRoutes(app, { db: fx.db, delivery });

  mock.faults.next({ kind: 'status', status: 422, body: { error: { message: 'Invalid caller' }, status: 'failure' } });
  const visit = await fx.checkIn({ email: null });
  await delivery.drain();

  const health = await app.inject({ method: 'GET', url: '/api/itsm/health' });
  expect(health.statusCode).toBe(200);
  expect(health.json().connections).toEqual([expect.objectContaining({ name: 'servicenow', vendor: 'servicenow', sites: ['hq'], breaker: 'closed', backlog: 0, deadLetters: 1 })]);
  const dead = await app.inject({ method: 'GET', url: '/api/itsm/dead-letters?siteId=hq' });
  expect(dead.json().deadLetters).toEqual([expect.objectContaining({ visitId: visit.id, error: expect.stringContaining('422') })]);

  const retry = await app.inject({ method: 'POST', url: `/api/itsm/dead-letters/${visit.id}/retry`, payload: {} });
  expect(retry.statusCode).toBe(202);
  await delivery.drain();
  expect(mock.byCorrelation(visit.id)).toHaveLength(1);
  expect((await app.inject({ method: 'GET', url: '/api/itsm/dead-letters' })).json().deadLetters).toEqual([]);
  await app.close();
  await fx.close();
});
