import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { testDevices } from '../helpers/auth.ts';
import { createClock, demo } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const token = 'metrics-token-0123456789';
let database: TestDatabase;
let app: FastifyInstance;
const clock = createClock();
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ db: database.db, now: clock.now, background: false, estimateIntervalMs: 0, metricsToken: token });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const scrape = (authorization?: string) => app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });

describe('Prometheus metrics', () => {
  it('refuses a scrape without the token', async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape('Bearer wrong-token-0123456789')).json().code).toBe('metrics_token');
  });

  it('counts check-ins, waiting per queue, waits, ITSM and websocket clients, and the event-loop lag', async () => {
    const checkIn = await app.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, headers: { authorization: `Bearer ${testDevices.kiosk.token}` }, payload: { categoryId: demo.hardwareChoice, visitor: { kind: 'guest', name: 'Metric Visitor' } } });
    expect(checkIn.statusCode).toBe(201);
    const body = (await scrape(`Bearer ${token}`)).body;
    expect(body).toContain(`walkup_check_ins_total{site="${demo.site}"} 1`);
    expect(body).toContain(`walkup_queue_waiting{site="${demo.site}",queue="hq-hardware"} 1`);
    expect(body).toContain(`walkup_queue_waiting{site="${demo.site}",queue="hq-access"} 0`);
    // No ITSM is configured in this app: the series exist, with no connection to report.
    expect(body).toContain('# TYPE walkup_itsm_breaker_open gauge');
    expect(body).toContain('# TYPE walkup_itsm_backlog gauge');
    expect(body).toContain('walkup_websocket_clients 0');
    expect(body).toContain('nodejs_eventloop_lag_seconds');
    expect(body).toContain('# TYPE walkup_wait_seconds histogram');
  });
});
