import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import { connectLive } from '../helpers/live-client.ts';
import { testEngine } from '../helpers/postgres-test-database.ts';
import { createTestCluster } from '../helpers/test-cluster.ts';
import { demo } from '../helpers/test-app.ts';

type Cluster = Awaited<ReturnType<typeof createTestCluster>>;
const isEvent = (m: ServerMessage): m is Extract<ServerMessage, { type: 'event' }> => m.type === 'event';

// Several instances share one database only on PostgreSQL; the SQLite run has nothing to test here.
describe.skipIf(testEngine !== 'postgres')('two instances on one PostgreSQL database', () => {
  let cluster: Cluster;
  beforeEach(async () => {
    cluster = await createTestCluster(2);
  });
  afterEach(async () => cluster.close());

  const checkInOn = (index: number, name: string) =>
    cluster.instances[index]!.as.kiosk.inject({ method: 'POST', url: `/api/sites/${demo.site}/visits`, payload: { categoryId: demo.softwareChoice, visitor: { kind: 'guest', name } } });
  const seat = async (index: number, caller: 'alex' | 'sam', technicianId: string, deskId: string) => {
    const response = await cluster.instances[index]!.as[caller].inject({ method: 'PUT', url: `/api/technicians/${technicianId}/presence`, payload: { siteId: demo.site, deskId, status: 'available' } });
    expect(response.statusCode).toBe(200);
  };

  it('gives concurrent check-ins on both instances distinct ticket numbers and a gap-free event sequence', async () => {
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => checkInOn(i % 2, `Visitor ${i}`)));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const tickets = replies.map((r) => r.json().ticketNumber as string);
    expect(new Set(tickets).size).toBe(30);
    const seqs = (await cluster.database.db.selectFrom('events').select('seq').where('site_id', '=', demo.site).orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const ids = (await cluster.database.db.selectFrom('events').select(['id', 'seq']).where('site_id', '=', demo.site).orderBy('id').execute()).map((r) => r.seq);
    // Event ids follow commit order, so a reader resuming "after id N" misses nothing.
    expect(ids).toEqual(seqs);
  });

  it('never gives one visitor to two desks on two instances calling at once; the loser gets the next visitor', async () => {
    await seat(0, 'alex', demo.alex, demo.desk1);
    await seat(1, 'sam', demo.sam, demo.desk2);
    for (let round = 0; round < 5; round++) {
      const first = (await checkInOn(0, `First ${round}`)).json();
      const second = (await checkInOn(1, `Second ${round}`)).json();
      const [a, b] = await Promise.all([
        cluster.instances[0]!.as.alex.inject({ method: 'POST', url: `/api/desks/${demo.desk1}/call-next`, payload: { technicianId: demo.alex } }),
        cluster.instances[1]!.as.sam.inject({ method: 'POST', url: `/api/desks/${demo.desk2}/call-next`, payload: { technicianId: demo.sam } }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect([a.json().id, b.json().id].sort()).toEqual([first.id, second.id].sort());
      // Both finish, so the next round starts with two free technicians.
      for (const [index, caller, technicianId, reply] of [[0, 'alex', demo.alex, a], [1, 'sam', demo.sam, b]] as const) {
        const done = await cluster.instances[index]!.as[caller].inject({ method: 'POST', url: `/api/visits/${reply.json().id}/resolve`, payload: { technicianId, note: 'done' } });
        expect(done.statusCode).toBe(200);
      }
    }
  });

  it('shows a check-in on one instance to a screen on the other, in order, and resumes there from sinceSeq', async () => {
    const display = await connectLive(cluster.instances[1]!.app, cluster.instances[1]!.as.display);
    display.send({ type: 'subscribe', siteId: demo.site, view: 'display' });
    await display.waitFor((m) => m.type === 'snapshot');
    await Promise.all([checkInOn(0, 'Ada'), checkInOn(1, 'Bob'), checkInOn(0, 'Cy')]);
    await display.waitFor((m) => isEvent(m) && m.event.seq === 3);
    expect(display.received.filter(isEvent).map((m) => m.event.seq)).toEqual([1, 2, 3]);
    display.close();

    // The screen reconnects to the other instance and asks only for what it missed.
    await checkInOn(1, 'Dee');
    const resumed = await connectLive(cluster.instances[0]!.app, cluster.instances[0]!.as.display);
    resumed.send({ type: 'subscribe', siteId: demo.site, view: 'display', sinceSeq: 3 });
    await resumed.waitFor((m) => isEvent(m) && m.event.seq === 4);
    await checkInOn(1, 'Eve');
    await resumed.waitFor((m) => isEvent(m) && m.event.seq === 5);
    expect(resumed.received.filter(isEvent).map((m) => m.event.seq)).toEqual([4, 5]);
    resumed.close();
  });
});
