import path from 'node:path';
import { kioskHeaders, liveConnection } from './credentials.ts';
import { LiveClientPool, type ClientSpec } from './live-clients.ts';
import { writeSeed } from './seed-sites.ts';
import { makeTempDir, removeDir, startServer, type ServerHandle } from './server-process.ts';
import { fixed, machineLine, printTable, summarise } from './stats.ts';

/**
 * Live fan-out: 1,000 screens (displays and consoles over 100 sites, plus 50 on one busy site) while
 * check-ins commit events at 50/s; latency is event commit -> received on every screen. Baseline in
 * the same run: the same event flow with 10 screens. A last phase adds screens that stop reading.
 *   npm run bench:fanout [-- --seconds 15 --clients 1000 --rate 50 --stalled 50]
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const seconds = Number(args.get('seconds') ?? 15);
const clientCount = Number(args.get('clients') ?? 1000);
const rate = Number(args.get('rate') ?? 50);
const stalledCount = Number(args.get('stalled') ?? 50);
const busyClients = 50;
// Each kiosk token may make 600 requests a minute (rate limit per device): the busy site stays under it.
const busyRate = Math.min(8, rate / 2);

const dir = makeTempDir('bench-fanout');
const { file: seedFile, sites } = writeSeed(dir, { sites: 100, desksPerSite: 2 });
const busy = sites[0]!;

function screens(count: number): ClientSpec[] {
  const spread = Math.max(0, count - busyClients);
  const specs: ClientSpec[] = Array.from({ length: Math.min(count, busyClients) }, () => ({ siteId: busy.id, view: 'display' }));
  for (let i = 0; i < spread; i++) {
    const site = sites[1 + (i % (sites.length - 1))]!;
    specs.push(i % 3 === 2 ? { siteId: site.id, view: 'console', technicianId: site.technicianIds[0] } : { siteId: site.id, view: 'display' });
  }
  return specs;
}

/** Commits `rate` events a second by checking visitors in, busyRate of them at the busy site. */
async function driveEvents(server: ServerHandle, durationSeconds: number): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  let n = 0;
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  while (Date.now() - started < durationSeconds * 1000) {
    const dueNow = Math.floor(((Date.now() - started) / 1000) * rate);
    while (sent < dueNow) {
      const site = (sent * busyRate) % rate < busyRate ? busy : sites[1 + (n++ % (sites.length - 1))]!;
      const request = fetch(`${server.baseUrl}/api/sites/${site.id}/visits`, {
        method: 'POST',
        headers: { ...kioskHeaders(server.credentials, site.id), 'content-type': 'application/json' },
        body: JSON.stringify({ categoryId: site.categoryIds[sent % site.categoryIds.length], visitor: { kind: 'guest', name: `Fan ${sent}` } }),
      }).then(
        (r) => void (r.status === 201 || failed++),
        () => void failed++,
      );
      sent++;
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(inFlight);
  return { sent, failed };
}

interface PhaseResult {
  name: string;
  clients: number;
  events: number;
  p50: number;
  p99: number;
  max: number;
  gaps: number;
  rssMb: number;
  failed: number;
  dropped: number;
}

async function phase(server: ServerHandle, name: string, pool: LiveClientPool, stall = 0): Promise<PhaseResult> {
  const stalled = pool.clients.slice(0, stall);
  for (const client of stalled) client.stall();
  await driveEvents(server, 2);
  pool.resetCounters();
  const closedBefore = pool.closedByServer;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, server.memoryMb().rss)), 250);
  const { failed } = await driveEvents(server, seconds);
  await new Promise((r) => setTimeout(r, 500));
  clearInterval(sampler);
  const s = summarise(pool.latencies);
  return { name, clients: pool.clients.length, events: s.count, p50: s.p50, p99: s.p99, max: s.max, gaps: pool.gaps, rssMb: peakRss, failed, dropped: pool.closedByServer - closedBefore };
}

const server = await startServer({ dir: path.join(dir, 'walkup'), seedFile });
const connect = (spec: ClientSpec) => liveConnection(server.baseUrl, server.credentials, spec);
const results: PhaseResult[] = [];
try {
  console.log(`bench:fanout  ${machineLine()}`);
  console.log(`${rate} events/s (${busyRate}/s at ${busy.id}) for ${seconds} s per phase; idle server RSS ${fixed(server.memoryMb().rss, 0)} MB`);
  const small = new LiveClientPool(connect);
  await small.connect(screens(10));
  results.push(await phase(server, 'baseline: 10 screens', small));
  small.close();

  const crowd = new LiveClientPool(connect);
  const connectStarted = Date.now();
  await crowd.connect(screens(clientCount));
  const connectSeconds = (Date.now() - connectStarted) / 1000;
  results.push(await phase(server, `${clientCount} screens`, crowd));

  const extra = new LiveClientPool(connect);
  await extra.connect(screens(stalledCount).map((s) => ({ ...s, siteId: busy.id, view: 'display' as const })));
  // The stalled screens sit on the busy site; the healthy crowd's latencies are what matter.
  for (const client of extra.clients) client.stall();
  results.push(await phase(server, `${clientCount} + ${stalledCount} not reading`, crowd));
  results.at(-1)!.dropped += extra.closedByServer;
  extra.close();
  crowd.close();

  printTable('Live fan-out: event commit -> received on screens (ms)', [
    ['phase', 'screens', 'events rcvd', 'p50', 'p99', 'max', 'gaps', 'peak RSS MB', 'failed check-ins', 'dropped'],
    ...results.map((r) => [r.name, r.clients, r.events, fixed(r.p50, 0), fixed(r.p99, 0), fixed(r.max, 0), r.gaps, fixed(r.rssMb, 0), r.failed, r.dropped]),
  ]);
  const main = results[1]!;
  console.log(`\nconnecting ${clientCount} screens took ${fixed(connectSeconds, 1)} s`);
  console.log(`target: p99 < 50 ms with ${clientCount} screens: ${main.p99 < 50 ? 'met' : 'MISSED'} (${fixed(main.p99, 0)} ms, ${fixed(main.p99 / results[0]!.p99, 1)}x the 10-screen baseline)`);
  console.log(`target: server RSS < 200 MB with ${clientCount} screens: ${main.rssMb < 200 ? 'met' : 'MISSED'} (${fixed(main.rssMb, 0)} MB)`);
} finally {
  await server.stop();
  removeDir(dir);
}
