import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@walkup/protocol';
import { openPostgres } from '../../apps/server/src/db/postgres-connection.ts';
import { databaseUrl, testEngine, testPostgresUrl } from '../../apps/server/test/helpers/postgres-test-database.ts';
import { kioskHeaders, liveConnection, provisionCredentials, repoRoot, type BenchCredentials } from '../../scripts/bench/credentials.ts';
import { makeTempDir, removeDir, startServer, type ServerHandle } from '../../scripts/bench/server-process.ts';
import { startWebhookItsm } from './itsm-webhook-mock.ts';
import { startRoundRobinProxy } from './round-robin-proxy.ts';

/**
 * Three real server processes on one PostgreSQL database behind a round-robin proxy: kiosks check in
 * through the proxy, displays follow through it (so they land on all three), one instance is killed
 * with SIGKILL mid-flow and started again. Nothing acknowledged may be lost or numbered twice, the
 * event sequence stays gap-free, every screen resumes, and the ITSM gets exactly one ticket per visit.
 */
const siteId = 'hq';
const categories = ['laptop-slow', 'access-password', 'software-install', 'network-wifi'];
const name = `wkpg_multi_${process.pid}`;

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  await client.query(query).finally(() => client.end());
}

type EventMessage = Extract<ServerMessage, { type: 'event' }>;

/** A display following the site through the proxy; it reconnects with sinceSeq when its instance dies. */
function follow(proxyUrl: string, credentials: BenchCredentials) {
  const outOfOrder: string[] = [];
  let lastSeq = -1;
  let socket: WebSocket | null = null;
  let stopped = false;
  let reconnects = 0;
  const open = () => {
    const { url, headers } = liveConnection(proxyUrl, credentials, { siteId, view: 'display' });
    const next = new WebSocket(url, { headers });
    socket = next;
    next.on('open', () => next.send(JSON.stringify({ type: 'subscribe', siteId, view: 'display', ...(lastSeq >= 0 ? { sinceSeq: lastSeq } : {}) })));
    next.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      // A resume is either the missed events or, when the log cannot replay them (too many), a fresh
      // snapshot at some seq: either way each event must follow what the screen already holds, exactly.
      if (message.type === 'snapshot') {
        if (message.view.seq < lastSeq) outOfOrder.push(`snapshot at ${message.view.seq} after ${lastSeq}`);
        lastSeq = message.view.seq;
      }
      if (message.type === 'event') {
        const seq = (message as EventMessage).event.seq;
        if (lastSeq >= 0 && seq !== lastSeq + 1) outOfOrder.push(`event ${seq} after ${lastSeq}`);
        lastSeq = seq;
      }
    });
    next.on('error', () => undefined);
    next.on('close', () => {
      if (stopped) return;
      reconnects++;
      setTimeout(open, 200);
    });
  };
  open();
  return {
    outOfOrder,
    lastSeq: () => lastSeq,
    reconnects: () => reconnects,
    close() {
      stopped = true;
      socket?.terminate();
    },
  };
}

describe.skipIf(testEngine !== 'postgres')('three instances on one PostgreSQL database behind a proxy', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) removeDir(dir);
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('survives a SIGKILL of one instance mid-flow with nothing lost, duplicated or out of order', { timeout: 180_000 }, async () => {
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
    const url = databaseUrl(name);
    const itsm = await startWebhookItsm();
    const setupDir = makeTempDir('multi');
    dirs.push(setupDir);
    const credentials = await provisionCredentials(`${setupDir}/walkup.sqlite`, `${repoRoot}/db/seed/demo-site.json`, openPostgres(url, { maxConnections: 2 }));
    const env = { WALKUP_DATABASE_URL: url, WALKUP_ITSM_VENDOR: 'webhook', WALKUP_WEBHOOK_URL: itsm.url, WALKUP_WEBHOOK_SECRET: 'multi-instance-test-secret' };
    const start = () => {
      const dir = makeTempDir('instance');
      dirs.push(dir);
      return startServer({ dir, credentials, env });
    };
    const servers: Array<ServerHandle | null> = await Promise.all([start(), start(), start()]);
    const proxy = await startRoundRobinProxy(() => servers.filter((s): s is ServerHandle => s !== null).map((s) => s.port));
    const proxyUrl = `http://127.0.0.1:${proxy.port}`;
    const screens = [follow(proxyUrl, credentials), follow(proxyUrl, credentials), follow(proxyUrl, credentials)];

    const acknowledged = new Set<string>();
    let running = true;
    let counter = 0;
    const kiosk = async () => {
      while (running) {
        const n = counter++;
        const reply = await fetch(`${proxyUrl}/api/sites/${siteId}/visits`, {
          method: 'POST',
          headers: { ...kioskHeaders(credentials, siteId), 'content-type': 'application/json' },
          body: JSON.stringify({ categoryId: categories[n % categories.length], visitor: { kind: 'guest', name: `Visitor ${n}` } }),
        }).catch(() => null);
        if (reply?.status === 201) acknowledged.add(((await reply.json()) as { id: string }).id);
        else await reply?.body?.cancel();
      }
    };
    const lanes = [kiosk(), kiosk(), kiosk()];
    await expect.poll(() => acknowledged.size, { timeout: 20_000 }).toBeGreaterThan(30);

    // Kill the middle instance mid-flow; the proxy stops sending to it once it is gone.
    const victim = servers[1]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    servers[1] = null;
    const beforeRestart = acknowledged.size;
    await expect.poll(() => acknowledged.size, { timeout: 20_000 }).toBeGreaterThan(beforeRestart + 20);
    servers[1] = await start();
    const afterRestart = acknowledged.size;
    await expect.poll(() => acknowledged.size, { timeout: 20_000 }).toBeGreaterThan(afterRestart + 20);
    running = false;
    await Promise.all(lanes);

    const db = openPostgres(url, { maxConnections: 2 });
    try {
      const stored = new Set((await db.selectFrom('visits').select('id').execute()).map((r) => r.id));
      expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
      const tickets = await db.selectFrom('visits').select(['queue_id', 'service_day', 'ticket_number']).execute();
      expect(new Set(tickets.map((t) => `${t.queue_id}/${t.service_day}/${t.ticket_number}`)).size).toBe(tickets.length);
      // One ticket per visit, even for visits whose delivery the killed instance had started.
      await expect.poll(() => itsm.tickets.size, { timeout: 30_000 }).toBe(stored.size);
      expect([...itsm.tickets.values()].filter((t) => t.creates !== 1)).toEqual([]);

      // Deliveries still append their outcome to the log after the kiosks stop, so the log is read, and
      // screens compared with it, as it stands at each poll rather than once.
      const siteSeqs = async () => (await db.selectFrom('events').select('seq').where('site_id', '=', siteId).orderBy('seq').execute()).map((r) => r.seq);
      const seqs = await siteSeqs();
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));

      // Every screen, including those whose instance died, catches up to the end, gap-free.
      for (const screen of screens) await expect.poll(async () => screen.lastSeq() === (await siteSeqs()).at(-1), { timeout: 15_000 }).toBe(true);
      for (const screen of screens) expect(screen.outOfOrder).toEqual([]);
      expect(screens.some((screen) => screen.reconnects() > 0)).toBe(true);
    } finally {
      for (const screen of screens) screen.close();
      await db.destroy();
      await proxy.close();
      await Promise.all(servers.map((s) => s?.stop('SIGTERM')));
      await itsm.close();
    }
  });
});
