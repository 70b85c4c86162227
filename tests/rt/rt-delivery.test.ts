import { createAdapter, type ItsmAdapter } from '@walkup/itsm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItsmFixture, type ItsmFixture } from '../../apps/server/test/itsm/itsm-fixtures.ts';
import { createItsmDelivery } from '../../apps/server/src/itsm/index.ts';
import { rtAvailable, rtSetupTool, startRt, type RtServer } from './rt-server.ts';

if (!rtAvailable) console.warn(`[tests/rt] skipped: ${rtSetupTool} is missing (apt-get install request-tracker5 rt5-db-sqlite rt5-standalone)`);

describe.skipIf(!rtAvailable)('delivery to a real Request Tracker 5', () => {
  let rt: RtServer;
  let fx: ItsmFixture;
  let adapter: ItsmAdapter;

  beforeAll(async () => {
    rt = await startRt();
    fx = await createItsmFixture();
    adapter = createAdapter({ vendor: 'rt', url: rt.url, token: rt.token, queue: 'Walk-up', timeoutMs: 3_000 });
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
    await rt?.stop();
  });

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
  });

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
        await new Promise((r) => setTimeout(r, 300)); // let a create get in flight, then pull the plug
        await rt.kill();
      }
    }
    await fx.resolve(ids[0]!);
    await new Promise((r) => setTimeout(r, 1_000));
    await rt.restart();
    await fx.resolve(ids[5]!);

    const deadline = Date.now() + 60_000;
    for (;;) {
      const [health] = await delivery.health();
      if (health!.backlog === 0 && health!.deadLetters === 0) break;
      if (Date.now() > deadline) throw new Error(`not caught up: ${JSON.stringify(health)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await delivery.stop();

    for (const id of ids) {
      const tickets = await ticketsOf(id);
      expect(tickets, `tickets of ${id}`).toHaveLength(1);
      const status = (await rt.get(`ticket/${tickets[0]!.id}`)).Status;
      expect(status).toBe(id === ids[0] || id === ids[5] ? 'resolved' : 'new');
    }
  }, 120_000);
});
