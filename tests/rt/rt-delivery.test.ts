import { createAdapter, type ItsmAdapter } from '@walkup/itsm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createItsmFixture, type ItsmFixture } from '../../apps/server/test/itsm/itsm-fixtures.ts';
import { createItsmDelivery } from '../../apps/server/src/itsm/index.ts';
import { withItsmTables } from '../../apps/server/src/itsm/itsm-schema.ts';
import { describeWithRt, startRt, type RtServer } from './rt-server.ts';

describeWithRt('delivery to a real Request Tracker 5', () => {
  let rt: RtServer;
  let fx: ItsmFixture;
  let adapter: ItsmAdapter;

  beforeAll(async () => {
    rt = await startRt();
    fx = await createItsmFixture();
    adapter = createAdapter({ vendor: 'rt', url: rt.url, token: rt.token, queue: 'Walk-up', timeoutMs: 15_000 });
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
    await rt?.stop();
  });

  // A loaded machine makes RT answer slowly enough to time out now and then: drain until the outcome, not once.
  const quickRetries = { backoffBaseMs: 200, backoffCapMs: 2_000 };
  const drainUntil = async (delivery: { drain(): Promise<void> }, done: () => Promise<boolean>) => {
    await expect.poll(async () => (await delivery.drain(), await done()), { timeout: 100_000, interval: 250 }).toBe(true);
  };

  const createStarted = async (visitIds: string[]) => {
    const rows = await withItsmTables(fx.db).selectFrom('itsm_deliveries').select('create_sent_at').where('visit_id', 'in', visitIds).execute();
    const visits = await fx.db.selectFrom('visits').select('itsm_remote_id').where('id', 'in', visitIds).execute();
    return rows.some((r) => r.create_sent_at !== null) || visits.some((v) => v.itsm_remote_id !== null);
  };

  const ticketsOf = async (visitId: string) => (await rt.get(`tickets?query=${encodeURIComponent(`CF.{KioskVisitId} = '${visitId}'`)}`)).items as Array<{ id: string }>;

  it('check-in creates the RT ticket with queue, requestor, subject and visit id; resolve resolves it', async () => {
    const delivery = createItsmDelivery({ db: fx.db, bus: fx.bus, adapterFor: () => adapter, now: () => new Date() });
    const visit = await fx.checkIn({ email: 'marie.dupont@example.com', name: 'Marie Dupont' });
    await delivery.drain();

    const [found, ...extra] = await ticketsOf(visit.id);
    expect(extra).toHaveLength(0);
    const ticket = await rt.get(`ticket/${found!.id}`);
    expect(ticket.Subject).toBe(`Laptop / Won't start (walk-up ${visit.ticketNumber})`);
    expect(ticket.Requestor.map((r: { id: string }) => r.id)).toEqual(['marie.dupont@example.com']);
    expect(ticket.CustomFields.find((cf: { name: string }) => cf.name === 'KioskVisitId').values).toEqual([visit.id]);
    const queue = await rt.get(`queue/${ticket.Queue.id}`);
    expect(queue.Name).toBe('Walk-up');
    expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'synced', itsm_ticket_number: String(found!.id), itsm_ticket_url: `${rt.webBase}/Ticket/Display.html?id=${found!.id}` });

    await fx.call(visit.id);
    await fx.start(visit.id);
    await fx.resolve(visit.id, 'Reseated the RAM');
    await delivery.drain();
    expect((await rt.get(`ticket/${found!.id}`)).Status).toBe('resolved');
    expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'synced' });
  }, 120_000);

  // RT verifies its hashed auth token on every request (~0.5-1 s each) and the Standalone server is
  // single-threaded, so this test keeps the request count small and the timeouts generous.
  it('RT killed mid-run and restarted: still exactly one ticket per visit, updates applied', async () => {
    const delivery = createItsmDelivery({
      db: fx.db,
      bus: fx.bus,
      adapterFor: () => createAdapter({ vendor: 'rt', url: rt.url, token: rt.token, queue: 'Walk-up', timeoutMs: 15_000 }),
      now: () => new Date(),
      options: { pollIntervalMs: 50, concurrency: 2, backoffBaseMs: 200, backoffCapMs: 2_000, breakerHalfOpenMs: 500, operationTimeoutMs: 30_000 },
    });
    delivery.start();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = await fx.checkIn();
      ids.push(id);
      if (i === 2) {
        // Pull the plug once a create is in flight (or has just landed), not after a guessed delay.
        await expect.poll(() => createStarted(ids), { timeout: 30_000, interval: 20 }).toBe(true);
        await rt.kill();
      }
    }
    await fx.resolve(ids[0]!);
    // Restart only once the worker has met the outage.
    await expect.poll(async () => (await delivery.health())[0]!.lastFailureAt, { timeout: 60_000, interval: 100 }).not.toBeNull();
    await rt.restart();
    await fx.resolve(ids[5]!);

    // The whole health record is compared so a failure shows the last error and the breaker.
    await expect
      .poll(async () => (await delivery.health())[0], { timeout: 90_000, interval: 200 })
      .toEqual(expect.objectContaining({ backlog: 0, deadLetters: 0 }));
    await delivery.stop();

    for (const id of ids) {
      const tickets = await ticketsOf(id);
      expect(tickets, `tickets of ${id}`).toHaveLength(1);
      const status = (await rt.get(`ticket/${tickets[0]!.id}`)).Status;
      expect(status).toBe(id === ids[0] || id === ids[5] ? 'resolved' : 'new');
    }
  }, 240_000);

  it('a queue without the visit id field gets no ticket at all; each visit is dead-lettered saying what to fix', async () => {
    const noField = createAdapter({ vendor: 'rt', url: rt.url, token: rt.token, queue: 'No-CF', timeoutMs: 15_000 });
    const delivery = createItsmDelivery({ db: fx.db, bus: fx.bus, adapterFor: () => noField, now: () => new Date(), options: quickRetries });
    const visits = [await fx.checkIn(), await fx.checkIn()];
    await drainUntil(delivery, async () => (await Promise.all(visits.map((v) => fx.visit(v.id)))).every((v) => v.itsm_state === 'failed'));

    const inQueue = await rt.get(`tickets?query=${encodeURIComponent("Queue = 'No-CF'")}`);
    expect(inQueue.total).toBe(0);
    for (const visit of visits) {
      const row = await fx.visit(visit.id);
      expect(row.itsm_state).toBe('failed');
      expect(row.itsm_error).toContain('custom field KioskVisitId is not applied to queue No-CF');
    }
  }, 120_000);

  it('owner from the technician mapping, priority from the category, escalation moves the ticket to the L2 queue', async () => {
    const mapped = createAdapter({
      vendor: 'rt', url: rt.url, token: rt.token, queue: 'Walk-up', timeoutMs: 15_000,
      owners: { 'tech-alex': 'alex' }, priorities: { 'laptop-no-boot': 70 }, escalationQueues: { 'Network L3': 'Walk-up L2' },
    });
    const delivery = createItsmDelivery({ db: fx.db, bus: fx.bus, adapterFor: () => mapped, now: () => new Date(), options: quickRetries });
    const visit = await fx.checkIn();
    await fx.call(visit.id);
    await fx.start(visit.id);
    await fx.escalate(visit.id, 'Network L3');
    await drainUntil(delivery, async () => (await fx.visit(visit.id)).itsm_state !== 'retrying' && (await fx.visit(visit.id)).itsm_state !== 'pending');
    expect(await fx.visit(visit.id)).toMatchObject({ itsm_state: 'synced', itsm_error: null });

    const [found] = await ticketsOf(visit.id);
    const ticket = await rt.get(`ticket/${found!.id}`);
    expect(ticket.Owner.id).toBe('alex');
    expect(Number(ticket.Priority)).toBe(70);
    expect(ticket.Status).toBe('open');
    expect((await rt.get(`queue/${ticket.Queue.id}`)).Name).toBe('Walk-up L2');
  }, 120_000);
});
