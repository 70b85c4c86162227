import { randomInt } from 'node:crypto';
import SQLite from 'better-sqlite3';
import WebSocket from 'ws';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import { kioskHeaders, liveConnection, technicianHeaders, type BenchCredentials } from '../../scripts/bench/credentials.ts';
import { makeTempDir, removeDir, startServer, type ServerHandle } from '../../scripts/bench/server-process.ts';

/**
 * Kills a real server process with SIGKILL at random moments while kiosks check in and technicians
 * call, start and resolve, restarts it on the same database, and checks what a crash must never do:
 * lose an acknowledged check-in, reuse a ticket number, leave a gap or a duplicate in a site's event
 * sequence, or strand the ITSM worker's cursor or a reconnecting screen.
 */
const siteId = 'hq';
const categories = ['laptop-slow', 'access-password', 'software-install', 'network-wifi'];
const desks: Record<string, string> = { 'tech-alex': 'hq-desk-1', 'tech-sam': 'hq-desk-2' };
const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' });

async function post(server: ServerHandle, path: string, headers: Record<string, string>, body: unknown, method = 'POST') {
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers: json(headers), body: JSON.stringify(body) });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

/** Kiosks and technicians working flat out until `stop()`; failures during the kill are expected. */
function startTraffic(server: ServerHandle, credentials: BenchCredentials, acknowledged: Set<string>) {
  let running = true;
  let counter = 0;
  const swallow = () => undefined;
  const kiosk = async () => {
    while (running) {
      const n = counter++;
      const result = await post(server, `/api/sites/${siteId}/visits`, kioskHeaders(credentials, siteId), {
        categoryId: categories[n % categories.length],
        visitor: { kind: 'guest', name: `Crash ${n}` },
      }).catch(swallow);
      if (result?.status === 201) acknowledged.add(result.body.id as string);
    }
  };
  const technician = async (technicianId: string) => {
    const headers = technicianHeaders(credentials, technicianId);
    while (running) {
      const called = await post(server, `/api/desks/${desks[technicianId]}/call-next`, headers, { technicianId }).catch(swallow);
      if (called?.status !== 200) {
        // Pacing, not synchronisation: nobody waits, so do not spin on call-next.
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const visitId = called.body.id as string;
      await post(server, `/api/visits/${visitId}/start`, headers, { technicianId }).catch(swallow);
      await post(server, `/api/visits/${visitId}/resolve`, headers, { technicianId, note: 'fixed' }).catch(swallow);
    }
  };
  const lanes = [kiosk(), kiosk(), kiosk(), technician('tech-alex'), technician('tech-sam')];
  return async () => {
    running = false;
    await Promise.all(lanes);
  };
}

/** A display that remembers the last sequence number it applied, as the real ones do. */
function follow(server: ServerHandle, credentials: BenchCredentials, sinceSeq?: number) {
  const { url, headers } = liveConnection(server.baseUrl, credentials, { siteId, view: 'display' });
  const socket = new WebSocket(url, { headers });
  const received: ServerMessage[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', siteId, view: 'display', ...(sinceSeq !== undefined ? { sinceSeq } : {}) })));
    socket.on('message', (data) => {
      received.push(JSON.parse(data.toString()) as ServerMessage);
      resolve();
    });
    socket.on('error', reject);
  });
  socket.on('error', () => undefined);
  const lastSeq = () => {
    let seq = sinceSeq ?? -1;
    for (const m of received) {
      if (m.type === 'snapshot') seq = m.view.seq;
      if (m.type === 'event') seq = m.event.seq;
    }
    return seq;
  };
  return { socket, received, ready, lastSeq };
}

async function setPresence(server: ServerHandle, credentials: BenchCredentials) {
  for (const [technicianId, deskId] of Object.entries(desks)) {
    const result = await post(server, `/api/technicians/${technicianId}/presence`, technicianHeaders(credentials, technicianId), { siteId, deskId, status: 'available' }, 'PUT');
    expect(result.status).toBe(200);
  }
}

describe('crash safety', () => {
  const dir = makeTempDir('crash');
  afterAll(() => removeDir(dir));

  it('keeps every acknowledged check-in, gap-free sequences and resumable readers across SIGKILLs', { timeout: 180_000 }, async () => {
    const acknowledged = new Set<string>();
    const bundle = inject('serverBundle');
    let server = await startServer({ dir, bundle });
    const credentials = server.credentials;
    await setPresence(server, credentials);
    let screen = follow(server, credentials);
    await screen.ready;

    const kills = 5;
    for (let round = 0; round < kills; round++) {
      const stopTraffic = startTraffic(server, credentials, acknowledged);
      // Kill at a random point of the traffic, measured in check-ins acknowledged rather than in time.
      const killAfter = acknowledged.size + randomInt(5, 60);
      await expect.poll(() => acknowledged.size, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(killAfter);
      server.child.kill('SIGKILL');
      await server.exited;
      await stopTraffic();
      const lastSeen = screen.lastSeq();
      screen.socket.terminate();

      server = await startServer({ dir, credentials, bundle });
      // The screen resumes from the last event it applied: it gets exactly the missing events, in order,
      // closed by fresh estimates, or a snapshot. Nothing arriving at all fails here.
      screen = follow(server, credentials, lastSeen);
      await screen.ready;
      const resumed = screen;
      await expect.poll(() => resumed.received.some((m) => m.type === 'snapshot' || m.type === 'estimates'), { timeout: 10_000 }).toBe(true);
      const caughtUpAt = screen.received.findIndex((m) => m.type === 'snapshot' || m.type === 'estimates');
      const caughtUp = screen.received[caughtUpAt]!;
      const replayed = screen.received.slice(0, caughtUpAt).filter((m) => m.type === 'event').map((m) => (m as Extract<ServerMessage, { type: 'event' }>).event.seq);
      if (caughtUp.type === 'snapshot') {
        expect(replayed).toEqual([]);
        expect(caughtUp.view.seq).toBeGreaterThanOrEqual(lastSeen);
      } else {
        const upTo = (caughtUp as Extract<ServerMessage, { type: 'estimates' }>).seq;
        expect(replayed).toEqual(Array.from({ length: upTo - lastSeen }, (_, i) => lastSeen + 1 + i));
      }
    }

    const db = new SQLite(server.databasePath, { readonly: true });
    try {
      // The restarted ITSM worker reads the log after its persisted cursor until it reaches the end.
      const lastEventId = () => db.prepare('select max(id) from events').pluck().get() as number;
      const cursor = () => db.prepare("select last_event_id from reader_cursors where name = 'itsm-delivery'").pluck().get() as number;
      await expect.poll(() => cursor(), { timeout: 30_000 }).toBe(lastEventId());
      await server.stop('SIGTERM');
      screen.socket.terminate();

      const stored = new Set(db.prepare('select id from visits').pluck().all() as string[]);
      const lost = [...acknowledged].filter((id) => !stored.has(id));
      expect(acknowledged.size).toBeGreaterThan(20);
      expect(lost).toEqual([]);

      const duplicateTickets = db.prepare('select queue_id, service_day, ticket_number, count(*) n from visits group by 1, 2, 3 having n > 1').all();
      expect(duplicateTickets).toEqual([]);

      const sequences = db.prepare('select site_id, count(*) n, count(distinct seq) d, min(seq) lo, max(seq) hi from events group by site_id').all() as Array<{ n: number; d: number; lo: number; hi: number }>;
      for (const s of sequences) expect({ n: s.n, d: s.d, lo: s.lo }).toEqual({ n: s.hi, d: s.hi, lo: 1 });
      const siteSeq = db.prepare('select event_seq from sites where id = ?').pluck().get(siteId);
      expect(siteSeq).toBe(sequences[0]!.hi);

      expect(cursor()).toBe(lastEventId());
    } finally {
      db.close();
    }
  });
});
