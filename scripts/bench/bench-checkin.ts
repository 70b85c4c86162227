import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openPostgres } from '../../apps/server/src/db/postgres-connection.ts';
import { kioskHeaders, liveConnection, provisionCredentials, type BenchCredentials } from './credentials.ts';
import { createBenchDatabase } from './postgres-databases.ts';
import { runPostLoad, type LoadResult } from './http-load.ts';
import { LiveClientPool, type ClientSpec } from './live-clients.ts';
import { writeSeed } from './seed-sites.ts';
import { makeTempDir, removeDir, startServer, type ServerHandle } from './server-process.ts';
import { fixed, machineLine, printTable, summarise } from './stats.ts';

/**
 * Check-in throughput and latency: autocannon doing real check-ins across 100 sites and all their
 * categories, with display and console websockets connected, against a bare Fastify route doing one
 * better-sqlite3 insert with the same durability settings, measured in the same run.
 *   npm run bench:checkin [-- --seconds 5 --rounds 5 --connections 10 --sites 100 --screens 200 --engine sqlite|postgres]
 * With `--engine postgres` both stacks run on fresh PostgreSQL databases (WALKUP_BENCH_POSTGRES_URL):
 * walkup through its PostgreSQL engine, the baseline as one `pg` insert.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const seconds = Number(args.get('seconds') ?? 5);
const connections = Number(args.get('connections') ?? 10);
const siteCount = Number(args.get('sites') ?? 100);
const screenCount = Number(args.get('screens') ?? 200);
const rounds = Number(args.get('rounds') ?? 5);
const engine = args.get('engine') === 'postgres' ? 'postgres' : 'sqlite';
/** `--rate N`: N check-ins per second in total (a fixed rate, latency is the figure); max throughput without it. */
const rate = args.has('rate') ? Number(args.get('rate')) : undefined;
/**
 * `--against NAME=VALUE`: the baseline is walkup itself started with that environment variable (a
 * piece switched off, e.g. WALKUP_PLAIN_SQLITE=group-commit) instead of bare Fastify.
 */
const against = args.get('against')?.split('=') as [string, string] | undefined;

const dir = makeTempDir('bench-checkin');
const { file: seedFile, sites } = writeSeed(dir, { sites: siteCount, desksPerSite: 3 });
let counter = 0;
const nextCheckIn = (credentials: BenchCredentials) => {
  const n = counter++;
  const site = sites[n % sites.length]!;
  const categoryId = site.categoryIds[Math.floor(n / sites.length) % site.categoryIds.length]!;
  return {
    path: `/api/sites/${site.id}/visits`,
    body: { categoryId, visitor: { kind: 'guest', name: `Guest ${n}` }, note: 'benchmark' },
    headers: kioskHeaders(credentials, site.id),
  };
};

/** A load's figures plus the server's CPU per request: whole process and main thread, in µs. */
type Measured = LoadResult & { cpuUs: number; mainCpuUs: number };

async function loadAndCpu(server: ServerHandle, durationSeconds: number): Promise<Measured> {
  const before = { all: server.cpuMs(), main: server.mainThreadCpuMs() };
  const result = await runPostLoad({ baseUrl: server.baseUrl, connections, durationSeconds, next: () => nextCheckIn(server.credentials), rate });
  const requests = Math.max(1, result.ok + result.failed);
  return {
    ...result,
    cpuUs: ((server.cpuMs() - before.all) * 1000) / requests,
    mainCpuUs: ((server.mainThreadCpuMs() - before.main) * 1000) / requests,
  };
}

/** Round i's figures for each stack; the medians are reported. */
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
function medianLoad(results: Measured[]): Measured {
  return {
    cpuUs: median(results.map((r) => r.cpuUs)),
    mainCpuUs: median(results.map((r) => r.mainCpuUs)),
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    max: median(results.map((r) => r.max)),
    ok: results.reduce((sum, r) => sum + r.ok, 0),
    failed: results.reduce((sum, r) => sum + r.failed, 0),
  };
}

interface RoundResult {
  bare: Measured;
  walkup: Measured;
  memory: number;
  latencies: number[];
  gaps: number;
}

/**
 * One round: both servers start on fresh databases, run side by side, get a warm-up, then the load
 * goes to one and then the other (the order alternates between rounds). Every round measures the
 * same state: on one long-lived server each round would find ~70 more people waiting per site than
 * the last (nobody is served here), and the bare table longer, so rounds were not repeats of one
 * experiment. Alternating within a round puts this machine's drift (disk, neighbours: tens of
 * percent within a minute) on both sides of the ratio.
 */
async function measureRound(round: number): Promise<RoundResult> {
  const roundDir = path.join(dir, `round-${round}`);
  const bareDatabase = engine === 'postgres' ? await createBenchDatabase(`bare${round}`) : null;
  const walkupDatabase = engine === 'postgres' ? await createBenchDatabase(`walkup${round}`) : null;
  const bareServer = against
    ? await startServer({ dir: path.join(roundDir, 'against'), seedFile, env: { [against[0]]: against[1] } })
    : await startServer({
        entry: path.join(import.meta.dirname, 'bare-server.ts'),
        dir: path.join(roundDir, 'bare'),
        credentials: { devices: {}, technicians: {} },
        env: bareDatabase ? { WALKUP_DATABASE_URL: bareDatabase.url } : {},
      });
  // WALKUP_BENCH_PROFILE=<dir> writes a CPU profile of the walkup server, to see where the time goes.
  const profileDir = process.env.WALKUP_BENCH_PROFILE;
  const walkupDir = path.join(roundDir, 'walkup');
  mkdirSync(walkupDir, { recursive: true });
  const server = await startServer({
    dir: walkupDir,
    seedFile,
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    ...(walkupDatabase && {
      env: { WALKUP_DATABASE_URL: walkupDatabase.url },
      credentials: await provisionCredentials(path.join(walkupDir, 'walkup.sqlite'), seedFile, openPostgres(walkupDatabase.url, { maxConnections: 2 })),
    }),
  });
  const pool = new LiveClientPool((spec) => liveConnection(server.baseUrl, server.credentials, spec));
  // A walkup baseline gets the same screens.
  const againstPool = against ? new LiveClientPool((spec) => liveConnection(bareServer.baseUrl, bareServer.credentials, spec)) : null;
  try {
    const specs: ClientSpec[] = Array.from({ length: screenCount }, (_, i) => {
      const site = sites[i % sites.length]!;
      return i % 2 === 0 ? { siteId: site.id, view: 'display' } : { siteId: site.id, view: 'console', technicianId: site.technicianIds[0] };
    });
    await pool.connect(specs);
    await againstPool?.connect(specs);
    await loadAndCpu(bareServer, 2);
    await loadAndCpu(server, 2);
    pool.resetCounters();
    const walkupFirst = round % 2 === 1;
    const first = await loadAndCpu(walkupFirst ? server : bareServer, seconds);
    const second = await loadAndCpu(walkupFirst ? bareServer : server, seconds);
    const [bare, walkup] = walkupFirst ? [second, first] : [first, second];
    return { bare, walkup, memory: server.memoryMb().peak, latencies: pool.latencies, gaps: pool.gaps };
  } finally {
    pool.close();
    againstPool?.close();
    await server.stop();
    await bareServer.stop();
    await walkupDatabase?.drop();
    await bareDatabase?.drop();
  }
}

async function measure(): Promise<{ bare: Measured[]; walkup: Measured[]; memory: number; liveP99: number; liveEvents: number; gaps: number }> {
  const results: RoundResult[] = [];
  for (let round = 0; round < rounds; round++) results.push(await measureRound(round));
  const live = summarise(results.flatMap((r) => r.latencies));
  return {
    bare: results.map((r) => r.bare),
    walkup: results.map((r) => r.walkup),
    memory: Math.max(...results.map((r) => r.memory)),
    liveP99: live.p99,
    liveEvents: live.count,
    gaps: results.reduce((sum, r) => sum + r.gaps, 0),
  };
}

try {
  console.log(`bench:checkin  ${machineLine()}`);
  console.log(`${connections} connections, ${rounds} rounds on ${engine} (fresh servers and databases each) of ${seconds} s on each stack in turn (medians), ${siteCount} sites, ${screenCount} screens connected to walkup; db in ${dir}`);
  const measured = await measure();
  const bare = medianLoad(measured.bare);
  const walkup = { ...measured, load: medianLoad(measured.walkup) };
  const roundLine = (r: Measured) => `${fixed(r.requestsPerSecond, 0)} req/s p99 ${fixed(r.p99, 0)} ms cpu ${fixed(r.mainCpuUs, 0)}/${fixed(r.cpuUs, 0)} µs`;
  measured.bare.forEach((b, i) => {
    const w = measured.walkup[i]!;
    console.log(`round ${i + 1}: bare ${roundLine(b)}; walkup ${roundLine(w)}; ${fixed((100 * w.requestsPerSecond) / b.requestsPerSecond, 0)}%, p99 ${fixed(w.p99 / b.p99, 2)}x`);
  });
  // Each round pairs the two stacks under the same conditions: the ratios are taken per round, then
  // their median, so one disturbed round (a neighbour's burst on this shared machine) cannot decide.
  const paired = (field: keyof Measured) => median(measured.walkup.map((w, i) => Number(w[field]) / Number(measured.bare[i]![field])));
  const row = (name: string, r: Measured) => [name, fixed(r.requestsPerSecond, 0), fixed(r.p50, 0), fixed(r.p99, 0), fixed(r.max, 0), fixed(r.mainCpuUs, 0), fixed(r.cpuUs, 0), r.ok, r.failed];
  printTable('Check-in: requests/s, latency (ms), server CPU per request (µs: main thread, whole process)', [
    ['stack', 'req/s', 'p50', 'p99', 'max', 'cpu main', 'cpu all', 'ok', 'failed'],
    row('bare Fastify + 1 insert', bare),
    row('walkup check-in', walkup.load),
    [
      'walkup / bare (median of rounds)',
      `${fixed(100 * paired('requestsPerSecond'), 0)}%`,
      `${fixed(paired('p50'), 2)}x`,
      `${fixed(paired('p99'), 2)}x`,
      `${fixed(paired('max'), 2)}x`,
      `${fixed(paired('mainCpuUs'), 2)}x`,
      `${fixed(paired('cpuUs'), 2)}x`,
      '',
      '',
    ],
  ]);
  const throughputOk = paired('requestsPerSecond') >= 0.5;
  const p99Ok = paired('p99') <= 2;
  console.log(`\ntarget: throughput >= 50% of bare: ${throughputOk ? 'met' : 'MISSED'}; p99 <= 2x bare: ${p99Ok ? 'met' : 'MISSED'}`);
  console.log(`walkup peak RSS ${fixed(walkup.memory, 0)} MB; screens received ${walkup.liveEvents} events (p99 ${fixed(walkup.liveP99, 0)} ms after commit), ${walkup.gaps} sequence gaps`);
} finally {
  removeDir(dir);
}
