import path from 'node:path';
import { kioskHeaders, liveConnection, type BenchCredentials } from './credentials.ts';
import { runPostLoad, type LoadResult } from './http-load.ts';
import { LiveClientPool, type ClientSpec } from './live-clients.ts';
import { writeSeed } from './seed-sites.ts';
import { makeTempDir, removeDir, startServer } from './server-process.ts';
import { fixed, machineLine, printTable, summarise } from './stats.ts';

/**
 * Check-in throughput and latency: autocannon doing real check-ins across 100 sites and all their
 * categories, with display and console websockets connected, against a bare Fastify route doing one
 * better-sqlite3 insert with the same durability settings, measured in the same run.
 *   npm run bench:checkin [-- --seconds 10 --connections 10 --sites 100 --screens 200]
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const seconds = Number(args.get('seconds') ?? 10);
const connections = Number(args.get('connections') ?? 10);
const siteCount = Number(args.get('sites') ?? 100);
const screenCount = Number(args.get('screens') ?? 200);

const dir = makeTempDir('bench-checkin');
const { file: seedFile, sites } = writeSeed(dir, { sites: siteCount, desksPerSite: 3 });
let counter = 0;
let credentials: BenchCredentials = { devices: {}, technicians: {} };
const nextCheckIn = () => {
  const n = counter++;
  const site = sites[n % sites.length]!;
  const categoryId = site.categoryIds[Math.floor(n / sites.length) % site.categoryIds.length]!;
  return {
    path: `/api/sites/${site.id}/visits`,
    body: { categoryId, visitor: { kind: 'guest', name: `Guest ${n}` }, note: 'benchmark' },
    headers: kioskHeaders(credentials, site.id),
  };
};

async function measureBare(): Promise<LoadResult> {
  const server = await startServer({ entry: path.join(import.meta.dirname, 'bare-server.ts'), dir: path.join(dir, 'bare'), credentials: { devices: {}, technicians: {} } });
  try {
    await runPostLoad({ baseUrl: server.baseUrl, connections, durationSeconds: 2, next: nextCheckIn });
    return await runPostLoad({ baseUrl: server.baseUrl, connections, durationSeconds: seconds, next: nextCheckIn });
  } finally {
    await server.stop();
  }
}

async function measureWalkup(): Promise<{ load: LoadResult; memory: number; liveP99: number; liveEvents: number; gaps: number }> {
  // WALKUP_BENCH_PROFILE=<dir> writes a CPU profile of the walkup server, to see where the time goes.
  const profileDir = process.env.WALKUP_BENCH_PROFILE;
  const server = await startServer({ dir: path.join(dir, 'walkup'), seedFile, nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
  credentials = server.credentials;
  const pool = new LiveClientPool((spec) => liveConnection(server.baseUrl, credentials, spec));
  try {
    const specs: ClientSpec[] = Array.from({ length: screenCount }, (_, i) => {
      const site = sites[i % sites.length]!;
      return i % 2 === 0 ? { siteId: site.id, view: 'display' } : { siteId: site.id, view: 'console', technicianId: site.technicianIds[0] };
    });
    await pool.connect(specs);
    await runPostLoad({ baseUrl: server.baseUrl, connections, durationSeconds: 2, next: nextCheckIn });
    pool.resetCounters();
    const load = await runPostLoad({ baseUrl: server.baseUrl, connections, durationSeconds: seconds, next: nextCheckIn });
    const live = summarise(pool.latencies);
    return { load, memory: server.memoryMb().peak, liveP99: live.p99, liveEvents: live.count, gaps: pool.gaps };
  } finally {
    pool.close();
    await server.stop();
  }
}

try {
  console.log(`bench:checkin  ${machineLine()}`);
  console.log(`${connections} connections x ${seconds} s, ${siteCount} sites, ${screenCount} screens connected to walkup; db in ${dir}`);
  const bare = await measureBare();
  const walkup = await measureWalkup();
  const row = (name: string, r: LoadResult) => [name, fixed(r.requestsPerSecond, 0), fixed(r.p50, 0), fixed(r.p99, 0), fixed(r.max, 0), r.ok, r.failed];
  printTable('Check-in: requests/s and latency (ms)', [
    ['stack', 'req/s', 'p50', 'p99', 'max', 'ok', 'failed'],
    row('bare Fastify + 1 insert', bare),
    row('walkup check-in', walkup.load),
    [
      'walkup / bare',
      `${fixed((100 * walkup.load.requestsPerSecond) / bare.requestsPerSecond, 0)}%`,
      `${fixed(walkup.load.p50 / bare.p50, 2)}x`,
      `${fixed(walkup.load.p99 / bare.p99, 2)}x`,
      `${fixed(walkup.load.max / bare.max, 2)}x`,
      '',
      '',
    ],
  ]);
  const throughputOk = walkup.load.requestsPerSecond >= 0.5 * bare.requestsPerSecond;
  const p99Ok = walkup.load.p99 <= 2 * bare.p99;
  console.log(`\ntarget: throughput >= 50% of bare: ${throughputOk ? 'met' : 'MISSED'}; p99 <= 2x bare: ${p99Ok ? 'met' : 'MISSED'}`);
  console.log(`walkup peak RSS ${fixed(walkup.memory, 0)} MB; screens received ${walkup.liveEvents} events (p99 ${fixed(walkup.liveP99, 0)} ms after commit), ${walkup.gaps} sequence gaps`);
} finally {
  removeDir(dir);
}
