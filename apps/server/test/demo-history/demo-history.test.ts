import { createAdapter } from '@walkup/itsm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServiceNowMock } from '../../../../tests/msw/servicenow.ts';
import { planDemoHistory } from '../../src/demo-history/demo-history-plan.ts';
import { seedDemoHistory } from '../../src/demo-history/seed-demo-history.ts';
import { createNotificationWorker } from '../../src/notifications/index.ts';
import type { NotificationChannel } from '../../src/notifications/notification-channel.ts';
import { withNotificationTables } from '../../src/notifications/notification-schema.ts';
import { withItsmTables } from '../../src/itsm/itsm-schema.ts';
import { checkIn, createTestApp, demo, type TestApp } from '../helpers/test-app.ts';

// The test clock's day is Monday 23 November 2026 (09:00 UTC, 10:00 in Paris): the history is the six weeks before it.
const sixWeeks = 'from=2026-10-12&to=2026-11-22';
type Figures = { visits: number; served: number; noShows: number; cancelled: number; transfers: number; escalated: number; feedbackCount: number; serviceMean: number | null; estimateMeanAbsoluteError: number | null };
type Row = { key: { hour?: number; weekday?: number; category?: string }; figures: Figures };

const server = setupServer();
const servicenow = createServiceNowMock();
const sent: string[] = [];
/** Channels that reach every visit (a webhook) and every visitor with an email: any decision for a past visit would show here. */
const channels: NotificationChannel[] = [
  { name: 'webhook', reaches: () => true, send: async (_target, message) => void sent.push(message.ticketNumber) },
  { name: 'email', reaches: (target) => target.email !== null, send: async (_target, message) => void sent.push(message.ticketNumber) },
];

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedDemoHistory>>;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  server.use(...servicenow.handlers);
  const adapter = createAdapter({ vendor: 'servicenow', instanceUrl: servicenow.base, auth: { kind: 'basic', username: servicenow.creds.username, password: servicenow.creds.password } });
  t = await createTestApp({
    security: { rateLimit: false },
    itsmAdapterFor: () => adapter,
    beforeBuild: async (db, now) => (seeded = await seedDemoHistory(db, now)),
  });
  await t.app.walkup.reports.drain();
});
afterEach(() => server.resetHandlers(...servicenow.handlers));
afterAll(async () => {
  await t.close();
  server.close();
});

const figures = async (query: string) => {
  const response = await t.as.manager.inject({ url: `/api/reports/figures?${sixWeeks}&siteId=${demo.site}&${query}` });
  expect(response.statusCode).toBe(200);
  return response.json() as { rows: Row[]; total: Figures };
};

describe('demo history', () => {
  it('fills the Manager reports of the last six weeks: weekday visits mostly in office hours, with no-shows, transfers, escalations, cancellations and feedback', async () => {
    expect(seeded!.visits).toBeGreaterThan(900);
    const byWeekday = await figures('groupBy=weekday');
    const visitsOn = (weekdays: number[]) => byWeekday.rows.filter((r) => weekdays.includes(r.key.weekday!)).reduce((sum, r) => sum + r.figures.visits, 0);
    expect(byWeekday.total.visits).toBe(seeded!.visits);
    expect(visitsOn([1, 2, 3, 4, 5]) / 30).toBeGreaterThan(25);
    expect(visitsOn([0, 6]) / 12).toBeLessThan(3);
    const byHour = await figures('groupBy=hour');
    const inOfficeHours = byHour.rows.filter((r) => r.key.hour! >= 8 && r.key.hour! < 17).reduce((sum, r) => sum + r.figures.visits, 0);
    expect(inOfficeHours / byHour.total.visits).toBeGreaterThan(0.95);
    // Two peaks: the morning's and the after-lunch one stand above the hours around them.
    const at = (hour: number) => byHour.rows.find((r) => r.key.hour === hour)?.figures.visits ?? 0;
    expect(at(9)).toBeGreaterThan(1.5 * at(11));
    expect(at(13)).toBeGreaterThan(1.3 * at(11));
    const { total } = byHour;
    for (const count of [total.noShows, total.cancelled, total.transfers, total.escalated, total.feedbackCount]) expect(count).toBeGreaterThan(10);
    expect(total.estimateMeanAbsoluteError).not.toBeNull();
  });

  it('serves each category in about its configured expected service time', async () => {
    const expected = await t.database.db.selectFrom('categories').select(['id', 'expected_service_seconds']).where('site_id', '=', demo.site).execute();
    const byCategory = await figures('groupBy=category');
    const busy = byCategory.rows.filter((r) => r.figures.served >= 30);
    expect(busy.length).toBeGreaterThan(5);
    for (const row of busy) {
      const configured = expected.find((c) => c.id === row.key.category)!.expected_service_seconds;
      expect(row.figures.serviceMean! / configured).toBeGreaterThan(0.6);
      expect(row.figures.serviceMean! / configured).toBeLessThan(1.3);
    }
  });

  it('gives the staffing forecast for next week technicians at the peaks and a finite patience', async () => {
    const response = await t.as.manager.inject({ method: 'POST', url: `/api/manager/sites/${demo.site}/staffing`, payload: { weekStart: '2026-11-23', targetWaitMinutes: 10, goalPercent: 90 } });
    expect(response.statusCode).toBe(200);
    const plan = response.json() as { hours: Array<{ day: string; hour: number; expectedArrivals: number; techniciansNeeded: number }>; meanPatienceSeconds: number | null };
    const mondayAt = (hour: number) => plan.hours.find((h) => h.day === '2026-11-23' && h.hour === hour)!;
    expect(mondayAt(9).expectedArrivals).toBeGreaterThan(3);
    expect(mondayAt(9).techniciansNeeded).toBeGreaterThanOrEqual(1);
    expect(mondayAt(13).techniciansNeeded).toBeGreaterThanOrEqual(1);
    expect(mondayAt(3).techniciansNeeded).toBe(0);
    expect(plan.meanPatienceSeconds).toBeGreaterThan(0);
    expect(Number.isFinite(plan.meanPatienceSeconds)).toBe(true);
  });

  it('leaves every past visit ended and gives the ITSM and the notification channels nothing to deliver for them', async () => {
    const active = await t.database.db.selectFrom('visits').select('id').where('state', 'in', ['waiting', 'called', 'in_service']).execute();
    expect(active).toHaveLength(0);
    const presence = await t.database.db.selectFrom('technician_presence').select('status').execute();
    expect(presence.map((p) => p.status)).toEqual(['off', 'off']);
    await t.app.walkup.itsm.drain();
    const worker = createNotificationWorker({
      db: t.database.db,
      bus: t.app.walkup.bus,
      channels,
      optOutUrl: (token) => `https://walkup.example.org/opt-out/${token}`,
      feedbackUrl: (token) => `https://walkup.example.org/feedback/${token}`,
      now: t.clock.now,
      random: () => 1,
      options: { backoffBaseMs: 1_000, pollIntervalMs: 60_000 },
      logger: { info() {}, warn() {}, error() {} },
    });
    await worker.drain();
    expect(servicenow.records.size).toBe(0);
    expect(await withItsmTables(t.database.db).selectFrom('itsm_deliveries').select('visit_id').execute()).toHaveLength(0);
    expect(await withNotificationTables(t.database.db).selectFrom('notification_deliveries').select('visit_id').execute()).toHaveLength(0);
    expect(sent).toHaveLength(0);

    // Live visits still reach both: the history is out of their way, not the workers switched off.
    const response = await checkIn(t.app, demo.hardwareChoice);
    expect(response.statusCode).toBe(201);
    await t.app.walkup.itsm.drain();
    expect(servicenow.byCorrelation(response.json().id)).toHaveLength(1);
    expect(servicenow.records.size).toBe(1);
  });

  it('lets the next check-in take the next sequence number and the day\'s first ticket', async () => {
    const before = await t.database.db.selectFrom('sites').select('event_seq').where('id', '=', demo.site).executeTakeFirstOrThrow();
    const hardwareToday = await t.database.db.selectFrom('visits').select('id').where('queue_id', '=', 'hq-hardware').where('service_day', '=', '2026-11-23').execute();
    const response = await checkIn(t.app, demo.hardwareChoice);
    expect(response.statusCode).toBe(201);
    expect(response.json().ticketNumber).toBe(`H-${String(hardwareToday.length + 1).padStart(3, '0')}`);
    const event = await t.database.db.selectFrom('events').select(['seq', 'type']).where('visit_id', '=', response.json().id).executeTakeFirstOrThrow();
    expect(event).toEqual({ seq: before.event_seq + 1, type: 'visit.checked_in' });
    // The log's numbers are gap-free from 1, history and live alike.
    const log = await t.database.db.selectFrom('events').select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('seq').as('last')]).where('site_id', '=', demo.site).executeTakeFirstOrThrow();
    expect(Number(log.count)).toBe(before.event_seq + 1);
    expect(Number(log.last)).toBe(before.event_seq + 1);
    // Past days' counters stand where their last ticket left them.
    const lastPast = await t.database.db.selectFrom('ticket_counters').select('last_number').where('queue_id', '=', 'hq-hardware').where('service_day', '=', '2026-11-20').executeTakeFirstOrThrow();
    const fridayTickets = await t.database.db.selectFrom('visits').select('ticket_number').where('service_day', '=', '2026-11-20').where('ticket_number', 'like', 'H-%').execute();
    expect(lastPast.last_number).toBe(fridayTickets.length);
  });

  it('is written once: a second start (or any database with visits) gets no more history', async () => {
    const count = async () => Number((await t.database.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect(await seedDemoHistory(t.database.db, t.clock.now())).toBeNull();
    expect(await count()).toBe(before);
  });

  it('is the same history on every first start of the same day', () => {
    const site = {
      timeZone: 'Europe/Paris', noShowGraceSeconds: 120, escalationGroups: ['L2'],
      queues: [{ id: 'q', prefix: 'Q' }],
      categories: [{ id: 'c', queueId: 'q', priority: 0, expectedServiceSeconds: 600 }],
      deskIds: ['d'], technicians: [{ id: 't', queueIds: ['q'] }],
    };
    const first = planDemoHistory(site, { today: '2026-11-23', days: 7, seed: 1 });
    expect(planDemoHistory(site, { today: '2026-11-23', days: 7, seed: 1 })).toEqual(first);
    expect(first.events.length).toBeGreaterThan(100);
  });
});
