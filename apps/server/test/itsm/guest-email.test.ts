import { createAdapter } from '@walkup/itsm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createRtMock } from '../../../../tests/msw/rt.ts';
import { anonymiseVisits } from '../../src/privacy/anonymise.ts';
import { checkIn, createTestApp, demo } from '../helpers/test-app.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it("a guest's e-mail is kept with the visit, becomes the RT ticket's requestor, and goes at anonymisation", async () => {
  const mock = createRtMock();
  server.use(...mock.handlers);
  const adapter = createAdapter({ vendor: 'rt', url: mock.base, token: mock.token, queue: 'Walk-up' });
  const t = await createTestApp({ itsmAdapterFor: () => adapter });
  const response = await checkIn(t.app, demo.hardwareChoice, { kind: 'guest', name: 'Chloé Martin', email: 'Chloe.Martin@Example.com' });
  expect(response.statusCode).toBe(201);
  const { id } = response.json();
  await t.app.walkup.itsm.drain();

  const [ticket, ...others] = mock.byVisit(id);
  expect(others).toHaveLength(0);
  expect(ticket!.Requestor).toEqual(['chloe.martin@example.com']);
  const db = t.database.db;
  expect(await db.selectFrom('visits').select(['visitor_kind', 'visitor_email']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ visitor_kind: 'guest', visitor_email: 'chloe.martin@example.com' });

  await db.transaction().execute((trx) => anonymiseVisits(trx, [id], new Date().toISOString()));
  expect((await db.selectFrom('visits').select('visitor_email').where('id', '=', id).executeTakeFirstOrThrow()).visitor_email).toBeNull();
  const events = await db.selectFrom('events').select('data').where('visit_id', '=', id).execute();
  expect(events.map((e) => e.data).join('\n')).not.toMatch(/chloe/i);
  await t.close();
});
