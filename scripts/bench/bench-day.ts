import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { rates } from '../wait-bench/synthetic-site.ts';
import { kioskHeaders, liveConnection, technicianHeaders } from './credentials.ts';
import { LiveClientPool } from './live-clients.ts';
import { writeSeed } from './seed-sites.ts';
import { makeTempDir, removeDir, startServer, type ServerHandle } from './server-process.ts';
import { fixed, machineLine, printTable, summarise } from './stats.ts';
import { dayEndMinute, dayStartMinute, planWalkupDay, type PlannedShift, type PlannedVisit, type SiteDayPlan } from './walkup-day-plan.ts';

/**
 * A simulated day (issue 5, item 3): a seeded walk-up day per site (arrivals with morning and
 * after-lunch peaks, technicians on shifts with breaks, call-next, start, resolve, no-shows, transfers,
 * visitors who give up) replayed through the API of the real server, in real time compressed `speed`
 * times, with one display connected per site so the estimator and the live pushes run as on a real day.
 * Every simulated hour it samples the server's CPU time and RSS; the baseline is the same server idle
 * (displays connected, no traffic) for one simulated hour of wall time before the day starts.
 *   node --import tsx scripts/bench/bench-day.ts [--sites 100 --visits 300 --hours 10 --speed 60 --seed 1]
 *   node --import tsx scripts/bench/bench-day.ts --quick     (10 sites, 08:00-10:00: ~3 min)
 */
const { values } = parseArgs({
  options: {
    sites: { type: 'string' },
    visits: { type: 'string' },
    hours: { type: 'string' },
    speed: { type: 'string' },
    seed: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const siteCount = Number(values.sites ?? (values.quick ? 10 : 100));
const visitsPerSite = Number(values.visits ?? 300);
const hours = Math.min((dayEndMinute - dayStartMinute) / 60, Number(values.hours ?? (values.quick ? 2 : 10)));
const speed = Number(values.speed ?? 60);
const seed = Number(values.seed ?? 1);
const wallMsPerHour = 3_600_000 / speed;
const endMinute = dayStartMinute + hours * 60;

interface HourStats { calls: number; checkIns: number; errors: number; latencies: number[]; behindMs: number; rssMb: number; cpuMs: number; benchCpuMs: number }
interface SiteRuntime { plan: SiteDayPlan; waiting: Map<string, number>; callsInFlight: number; wakers: Set<() => void> }
interface VisitRuntime { plan: PlannedVisit; queueId: string; state: 'waiting' | 'called' | 'done'; transferred: boolean }
type Reply = { status: number; body: any; sentAt: number } | null;

const hourStats: HourStats[] = Array.from({ length: Math.ceil(hours) }, () => ({ calls: 0, checkIns: 0, errors: 0, latencies: [], behindMs: 0, rssMb: 0, cpuMs: 0, benchCpuMs: 0 }));
const outcomes = { resolved: 0, noShows: 0, transfers: 0, cancelled: 0, emptyCalls: 0 };
const statuses = new Map<string, number>();
const visits = new Map<string, VisitRuntime>();
const sleepers = new Set<() => void>();
let server: ServerHandle | undefined;
let replayStart = 0;
let stopping = false;
let inFlight = 0;
let serverExit: number | string | undefined;
let lastMemory = { rss: 0, peak: 0 };

const hourOf = (at: number) => hourStats[Math.min(hourStats.length - 1, Math.max(0, Math.floor((at - replayStart) / wallMsPerHour)))]!;
const simMinuteNow = () => dayStartMinute + ((performance.now() - replayStart) * speed) / 60_000;
const wallAt = (minute: number) => replayStart + ((minute - dayStartMinute) * 60_000) / speed;

/** Sleeps `ms` of wall time, or less when woken (a site's wakers) or when the replay stops. */
function sleep(ms: number, wakers?: Set<() => void>): Promise<void> {
  if (stopping) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sleepers.delete(done);
      wakers?.delete(done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    sleepers.add(done);
    wakers?.add(done);
  });
}
const sleepSim = (seconds: number) => sleep((seconds * 1000) / speed);
const wake = (site: SiteRuntime) => [...site.wakers].forEach((w) => w());

async function api(method: string, url: string, headers: Record<string, string>, body: unknown, dueAt?: number): Promise<Reply> {
  if (stopping) return null;
  inFlight++;
  const sentAt = performance.now();
  const hour = hourOf(sentAt);
  hour.calls++;
  if (dueAt !== undefined) hour.behindMs = Math.max(hour.behindMs, sentAt - dueAt);
  try {
    const response = await fetch(`${server!.baseUrl}${url}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    hour.latencies.push(performance.now() - sentAt);
    statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
    // 409 is the API saying "that changed meanwhile" (a visitor left as they were called): expected.
    if (response.status >= 400 && response.status !== 409) hour.errors++;
    return { status: response.status, body: text ? JSON.parse(text) : null, sentAt };
  } catch {
    hour.errors++;
    statuses.set('network error', (statuses.get('network error') ?? 0) + 1);
    return null;
  } finally {
    inFlight--;
  }
}

/** The kiosk's check-in; resolves once the server answered, then waits out the visitor's patience on its own. */
async function checkIn(site: SiteRuntime, plan: PlannedVisit, n: number): Promise<void> {
  const siteId = site.plan.site.id;
  const kiosk = kioskHeaders(server!.credentials, siteId);
  const body = { categoryId: plan.categoryId, visitor: { kind: 'guest', name: `Visitor ${n}` } };
  const reply = await api('POST', `/api/sites/${siteId}/visits`, kiosk, body, wallAt(plan.arrivalMinute));
  if (reply?.status !== 201) return;
  hourOf(reply.sentAt).checkIns++;
  const visit: VisitRuntime = { plan, queueId: reply.body.queueId, state: 'waiting', transferred: false };
  visits.set(reply.body.id, visit);
  site.waiting.set(visit.queueId, (site.waiting.get(visit.queueId) ?? 0) + 1);
  wake(site);
  void leaveIfStillWaiting(site, reply.body.id, visit);
}

async function leaveIfStillWaiting(site: SiteRuntime, visitId: string, visit: VisitRuntime): Promise<void> {
  const kiosk = kioskHeaders(server!.credentials, site.plan.site.id);
  await sleepSim(visit.plan.patienceMinutes * 60);
  if (visit.state !== 'waiting' || stopping) return;
  const left = await api('POST', `/api/visits/${visitId}/cancel`, kiosk, { reason: 'left' });
  if (left?.status === 200 && visit.state === 'waiting') {
    visit.state = 'done';
    site.waiting.set(visit.queueId, site.waiting.get(visit.queueId)! - 1);
    outcomes.cancelled++;
  }
}

async function runKiosk(site: SiteRuntime): Promise<void> {
  const due = site.plan.visits.filter((v) => v.arrivalMinute < endMinute);
  for (const [n, plan] of due.entries()) {
    await sleep(wallAt(plan.arrivalMinute) - performance.now());
    if (stopping) return;
    // A kiosk serves one visitor at a time: when the server is slow, the next arrival waits (see "behind").
    await checkIn(site, plan, n + 1);
  }
}

/** Serves one called visitor to the end: walk to the desk, service, then resolve, no-show or transfer. */
async function serve(site: SiteRuntime, shift: PlannedShift, visitId: string, visit: VisitRuntime): Promise<void> {
  const tech = technicianHeaders(server!.credentials, shift.technicianId);
  const act = (action: string, extra: object = {}) => api('POST', `/api/visits/${visitId}/${action}`, tech, { technicianId: shift.technicianId, ...extra });
  visit.state = 'called';
  if (visit.plan.outcome === 'no_show' && !visit.transferred) {
    await sleepSim(rates.noShowWaitMinutes * 60);
    if ((await act('no-show'))?.status === 200) outcomes.noShows++;
    visit.state = 'done';
    return;
  }
  await sleepSim(visit.plan.walkToDeskSeconds);
  if ((await act('start'))?.status !== 200) return void (visit.state = 'done');
  if (visit.plan.outcome === 'transfer' && !visit.transferred) {
    await sleepSim(0.3 * visit.plan.serviceSeconds);
    const queueId = site.plan.site.queueIds.find((q) => q !== visit.queueId)!;
    if ((await act('transfer', { queueId, reason: 'needs the other team' }))?.status === 200) {
      Object.assign(visit, { queueId, state: 'waiting', transferred: true });
      site.waiting.set(queueId, (site.waiting.get(queueId) ?? 0) + 1);
      outcomes.transfers++;
      wake(site);
      return;
    }
  } else await sleepSim(visit.plan.serviceSeconds);
  if ((await act('resolve', { note: 'done' }))?.status === 200) outcomes.resolved++;
  visit.state = 'done';
}

/** One technician: follows the shift (changing presence only between visitors) and calls whoever waits. */
async function runTechnician(site: SiteRuntime, shift: PlannedShift): Promise<void> {
  const tech = technicianHeaders(server!.credentials, shift.technicianId);
  let status: 'available' | 'break' | 'off' = 'off';
  while (!stopping) {
    const now = simMinuteNow();
    const wanted = shift.changes.findLast((c) => c.minute <= now)?.status ?? 'off';
    const nextChange = shift.changes.find((c) => c.minute > now)?.minute ?? Number.POSITIVE_INFINITY;
    if (wanted !== status) {
      const body = { siteId: site.plan.site.id, deskId: wanted === 'off' ? null : shift.deskId, status: wanted };
      const reply = await api('PUT', `/api/technicians/${shift.technicianId}/presence`, tech, body);
      if (reply?.status === 200) status = wanted;
      else await sleepSim(60);
      continue;
    }
    const waiting = shift.queueIds.reduce((sum, q) => sum + (site.waiting.get(q) ?? 0), 0) - site.callsInFlight;
    if (status !== 'available' || waiting <= 0) {
      // Woken by a check-in at this site; re-checks at the next shift change or after 5 simulated minutes.
      await sleep(wallAt(Math.min(nextChange, now + 5)) - performance.now(), status === 'available' ? site.wakers : undefined);
      continue;
    }
    site.callsInFlight++;
    await sleepSim(rates.pickupSeconds * Math.exp(0.5 * (Math.random() - 0.5)));
    const reply = await api('POST', `/api/desks/${shift.deskId}/call-next`, tech, { technicianId: shift.technicianId });
    site.callsInFlight--;
    wake(site);
    const visit = reply?.status === 200 ? visits.get(reply.body.id) : undefined;
    if (!visit) {
      if (reply?.status === 204) outcomes.emptyCalls++;
      await sleepSim(30);
      continue;
    }
    site.waiting.set(visit.queueId, site.waiting.get(visit.queueId)! - 1);
    await serve(site, shift, reply!.body.id, visit);
  }
}

function sampleHours(): { stop: () => void } {
  let hourIndex = 0;
  let cpuAt = server!.cpuMs();
  let benchAt = process.cpuUsage();
  const rssTimer = setInterval(() => {
    const hour = hourStats[Math.min(hourIndex, hourStats.length - 1)]!;
    if (serverExit === undefined) lastMemory = server!.memoryMb();
    hour.rssMb = Math.max(hour.rssMb, lastMemory.rss);
  }, 250);
  const closeHour = () => {
    const hour = hourStats[hourIndex];
    if (!hour) return;
    // /proc/<pid> is gone once the server died: the hour keeps what was measured before.
    const cpu = serverExit === undefined ? server!.cpuMs() : cpuAt;
    const bench = process.cpuUsage(benchAt);
    hour.cpuMs = cpu - cpuAt;
    hour.benchCpuMs = (bench.user + bench.system) / 1000;
    cpuAt = cpu;
    benchAt = process.cpuUsage();
    hourIndex++;
  };
  const hourTimers = hourStats.map((_, h) => setTimeout(closeHour, replayStart + (h + 1) * wallMsPerHour - performance.now()));
  return {
    stop: () => {
      clearInterval(rssTimer);
      hourTimers.forEach(clearTimeout);
      // A fractional last hour (--hours 2.5) closes when the replay ends.
      if (hourIndex < hourStats.length) closeHour();
    },
  };
}

async function measureIdle(): Promise<{ cpuMs: number; rssMb: number; benchCpuMs: number }> {
  const cpuAt = server!.cpuMs();
  const benchAt = process.cpuUsage();
  let rssMb = server!.memoryMb().rss;
  const timer = setInterval(() => (rssMb = Math.max(rssMb, server!.memoryMb().rss)), 250);
  await sleep(wallMsPerHour);
  clearInterval(timer);
  const bench = process.cpuUsage(benchAt);
  return { cpuMs: server!.cpuMs() - cpuAt, rssMb, benchCpuMs: (bench.user + bench.system) / 1000 };
}

async function shutDown(): Promise<void> {
  stopping = true;
  [...sleepers].forEach((s) => s());
  await server?.stop();
  removeDir(dir);
}

const dir = makeTempDir('bench-day');
let interrupted = false;
process.once('SIGINT', () => {
  // Ctrl-C: stop the replay and the server, print nothing half-measured.
  interrupted = true;
  void shutDown().finally(() => process.exit(130));
});
const { file: seedFile, sites } = writeSeed(dir, { sites: siteCount, desksPerSite: 8 });
const plans = planWalkupDay(sites, { visitsPerSite, seed });
const plannedVisits = plans.reduce((sum, p) => sum + p.visits.filter((v) => v.arrivalMinute < endMinute).length, 0);
const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(Math.round(minute % 60)).padStart(2, '0')}`;
try {
  server = await startServer({ dir: path.join(dir, 'walkup'), seedFile });
  console.log(`bench:day  ${machineLine()}`);
  console.log(
    `${siteCount} sites x ${visitsPerSite} visits (seed ${seed}), ${clock(dayStartMinute)}-${clock(endMinute)} replayed at ${speed}x: ` +
      `${plannedVisits} check-ins planned, ${siteCount} kiosks, ${siteCount * 8} technicians, ${siteCount} displays`,
  );
  const displays = new LiveClientPool((spec) => liveConnection(server!.baseUrl, server!.credentials, spec));
  await displays.connect(sites.map((s) => ({ siteId: s.id, view: 'display' as const })));
  displays.recording = false;
  console.log(`baseline: idle server with ${siteCount} displays for ${fixed(wallMsPerHour / 1000, 0)} s (one simulated hour)...`);
  const idle = await measureIdle();
  if (interrupted) throw new Error('interrupted');

  const runtimes: SiteRuntime[] = plans.map((plan) => ({ plan, waiting: new Map(), callsInFlight: 0, wakers: new Set() }));
  replayStart = performance.now();
  void server.exited.then((code) => {
    if (stopping) return;
    // The server died under load: stop the replay rather than counting refused connections.
    serverExit = code;
    stopping = true;
    [...sleepers].forEach((s) => s());
  });
  const sampler = sampleHours();
  const agents = runtimes.flatMap((site) => [runKiosk(site), ...site.plan.shifts.map((shift) => runTechnician(site, shift))]);
  const progress = setInterval(() => console.log(`  ${clock(simMinuteNow())} simulated, ${visits.size} checked in, ${inFlight} requests open`), wallMsPerHour);
  await sleep(hours * wallMsPerHour);
  clearInterval(progress);
  if (serverExit !== undefined) {
    console.log(`\nSERVER EXITED (${serverExit}) at ${clock(simMinuteNow())} simulated; its last output:\n${server.output().slice(-3000)}`);
  }
  stopping = true;
  [...sleepers].forEach((s) => s());
  await Promise.all(agents);
  sampler.stop();
  if (interrupted) throw new Error('interrupted');
  const waitingAtEnd = [...visits.values()].filter((v) => v.state === 'waiting').length;

  const cpuPct = (ms: number) => `${fixed((100 * ms) / wallMsPerHour, 0)}%`;
  const all = hourStats.flatMap((h) => h.latencies);
  printTable(`Simulated day: server process per simulated hour (${fixed(wallMsPerHour / 1000, 0)} s of wall time each)`, [
    ['simulated hour', 'API calls', 'check-ins', 'errors', 'p99 ms', 'behind s', 'server CPU s', 'CPU % of core', 'peak RSS MB', 'bench CPU s'],
    ['baseline: idle, displays on', 0, 0, 0, '-', '-', fixed(idle.cpuMs / 1000), cpuPct(idle.cpuMs), fixed(idle.rssMb, 0), fixed(idle.benchCpuMs / 1000)],
    ...hourStats.map((h, i) => [
      `${clock(dayStartMinute + 60 * i)}-${clock(Math.min(endMinute, dayStartMinute + 60 * (i + 1)))}`,
      h.calls,
      h.checkIns,
      h.errors,
      fixed(summarise(h.latencies).p99, 0),
      fixed(h.behindMs / 1000),
      fixed(h.cpuMs / 1000),
      cpuPct(h.cpuMs),
      fixed(h.rssMb, 0),
      fixed(h.benchCpuMs / 1000),
    ]),
    [
      'day',
      hourStats.reduce((s, h) => s + h.calls, 0),
      hourStats.reduce((s, h) => s + h.checkIns, 0),
      hourStats.reduce((s, h) => s + h.errors, 0),
      fixed(summarise(all).p99, 0),
      fixed(Math.max(...hourStats.map((h) => h.behindMs)) / 1000),
      fixed(hourStats.reduce((s, h) => s + h.cpuMs, 0) / 1000),
      cpuPct(hourStats.reduce((s, h) => s + h.cpuMs, 0) / hourStats.length),
      fixed(Math.max(...hourStats.map((h) => h.rssMb)), 0),
      fixed(hourStats.reduce((s, h) => s + h.benchCpuMs, 0) / 1000),
    ],
  ]);
  const busiest = hourStats.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
  const meanCpu = hourStats.reduce((s, h) => s + h.cpuMs, 0) / hourStats.length;
  // The idle server barely uses CPU, so a ratio would say little; the load's own cost is the difference.
  console.log(
    `load's own CPU (hour minus idle baseline): ${fixed((meanCpu - idle.cpuMs) / 1000)} s per simulated hour on average, ` +
      `${fixed((busiest.cpuMs - idle.cpuMs) / 1000)} s in the busiest (${cpuPct(busiest.cpuMs - idle.cpuMs)} of a core)`,
  );
  console.log(`RSS: idle ${fixed(idle.rssMb, 0)} MB, peak under load ${fixed(Math.max(...hourStats.map((h) => h.rssMb)), 0)} MB, process high-water mark ${fixed(Math.max(lastMemory.peak, server.memoryMb().peak), 0)} MB`);
  console.log(
    `visits: ${plannedVisits} planned, ${visits.size} checked in, ${outcomes.resolved} resolved, ${outcomes.noShows} no-shows, ${outcomes.transfers} transfers, ` +
      `${outcomes.cancelled} left, ${waitingAtEnd} still waiting at the end; ${outcomes.emptyCalls} call-next found nobody`,
  );
  console.log(`HTTP statuses: ${[...statuses].map(([s, n]) => `${s} x${n}`).join(', ')}`);
  console.log(`displays: ${displays.events} events received, ${displays.gaps} sequence gaps, ${displays.closedByServer} closed by the server`);
  displays.close();
} finally {
  await shutDown();
}
