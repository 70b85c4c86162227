import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRtMock } from '../../../../tests/msw/rt.ts';
import { testEngine } from '../helpers/postgres-test-database.ts';
import { createTestCluster } from '../helpers/test-cluster.ts';
import { demo } from '../helpers/test-app.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe.skipIf(testEngine !== 'postgres')('ITSM connections changed on one instance', () => {
  it("reach the other instance's worker through the site's event, without a restart", async () => {
    const rt = createRtMock({ base: 'https://rt.campus.example.test/REST/2.0' });
    server.use(...rt.handlers);
    const cluster = await createTestCluster(2);
    try {
      const [editor, worker] = cluster.instances as [typeof cluster.instances[number], typeof cluster.instances[number]];
      const connection = { vendor: 'rt', url: rt.base, token: rt.token, queue: 'Walk-up' };
      expect((await editor.as.admin.inject({ method: 'POST', url: '/api/admin/itsm/connections', payload: { name: 'campus', ...connection } })).statusCode).toBe(201);
      expect((await editor.as.admin.inject({ method: 'PUT', url: `/api/admin/sites/${demo.site}/itsm-connection`, payload: { connection: 'campus' } })).statusCode).toBe(200);
      await expect.poll(() => worker.app.walkup.itsmAdapters.adapterFor(demo.site).connectionName, { timeout: 10_000 }).toBe('campus');

      const checkIn = async () => (await worker.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.hardwareChoice, visitor: { kind: 'guest', name: 'Test Visitor' } } })).json().id as string;
      const first = await checkIn();
      await worker.app.walkup.itsm.drain();
      expect(rt.byVisit(first).map((t) => t.Queue)).toEqual(['Walk-up']);

      // An edit made on the other instance: the worker's next create goes to the new queue.
      const before = worker.app.walkup.itsmAdapters.adapterFor(demo.site);
      expect((await editor.as.admin.inject({ method: 'PUT', url: '/api/admin/itsm/connections/campus', payload: { ...connection, token: '', queue: 'General' } })).statusCode).toBe(200);
      await expect.poll(() => worker.app.walkup.itsmAdapters.adapterFor(demo.site) !== before, { timeout: 10_000 }).toBe(true);
      const second = await checkIn();
      await worker.app.walkup.itsm.drain();
      expect(rt.byVisit(second).map((t) => t.Queue)).toEqual(['General']);
    } finally {
      await cluster.close();
    }
  }, 60_000);
});
