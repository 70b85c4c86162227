import path from 'node:path';
import { parseArgs } from 'node:util';
import { liveConnection } from './credentials.ts';
import { createDayReplay, type DayReplay } from './day-replay.ts';
import { clock, printDayReport } from './day-report.ts';
import { measureIdle, sampleHours } from './day-sampling.ts';
import { LiveClientPool } from './live-clients.ts';
import { writeSeed } from './seed-sites.ts';
import { makeTempDir, removeDir, startServer, type ServerHandle } from './server-process.ts';
import { fixed, machineLine } from './stats.ts';
import { dayEndMinute, dayStartMinute, planWalkupDay } from './walkup-day-plan.ts';

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
const endMinute = dayStartMinute + hours * 60;

const dir = makeTempDir('bench-day');
let server: ServerHandle | undefined;
let replay: DayReplay | undefined;
let serverExit: number | string | undefined;
let interrupted = false;

async function shutDown(): Promise<void> {
  replay?.stop();
  await server?.stop();
  removeDir(dir);
}

process.once('SIGINT', () => {
  // Ctrl-C: stop the replay and the server, print nothing half-measured.
  interrupted = true;
  void shutDown().finally(() => process.exit(130));
});
const { file: seedFile, sites } = writeSeed(dir, { sites: siteCount, desksPerSite: 8 });
const plans = planWalkupDay(sites, { visitsPerSite, seed });
const plannedVisits = plans.reduce((sum, p) => sum + p.visits.filter((v) => v.arrivalMinute < endMinute).length, 0);
try {
  server = await startServer({ dir: path.join(dir, 'walkup'), seedFile });
  const running = server;
  const day = (replay = createDayReplay({ server: running, speed, hours, endMinute }));
  console.log(`bench:day  ${machineLine()}`);
  console.log(
    `${siteCount} sites x ${visitsPerSite} visits (seed ${seed}), ${clock(dayStartMinute)}-${clock(endMinute)} replayed at ${speed}x: ` +
      `${plannedVisits} check-ins planned, ${siteCount} kiosks, ${siteCount * 8} technicians, ${siteCount} displays`,
  );
  const displays = new LiveClientPool((spec) => liveConnection(running.baseUrl, running.credentials, spec));
  await displays.connect(sites.map((s) => ({ siteId: s.id, view: 'display' as const })));
  displays.recording = false;
  console.log(`baseline: idle server with ${siteCount} displays for ${fixed(day.wallMsPerHour / 1000, 0)} s (one simulated hour)...`);
  const idle = await measureIdle(running, day);
  if (interrupted) throw new Error('interrupted');

  void running.exited.then((code) => {
    if (day.stopping) return;
    // The server died under load: stop the replay rather than counting refused connections.
    serverExit = code;
    day.stop();
  });
  const agents = day.run(plans);
  const sampler = sampleHours(running, day, () => serverExit !== undefined);
  const progress = setInterval(() => console.log(`  ${clock(day.simMinuteNow())} simulated, ${day.visits.size} checked in, ${day.inFlight} requests open`), day.wallMsPerHour);
  await day.sleep(hours * day.wallMsPerHour);
  clearInterval(progress);
  if (serverExit !== undefined) {
    console.log(`\nSERVER EXITED (${serverExit}) at ${clock(day.simMinuteNow())} simulated; its last output:\n${running.output().slice(-3000)}`);
  }
  day.stop();
  await agents;
  sampler.stop();
  if (interrupted) throw new Error('interrupted');
  const peakRssMb = Math.max(sampler.peakMb(), serverExit === undefined ? running.memoryMb().peak : 0);
  printDayReport({ replay: day, idle, endMinute, plannedVisits, peakRssMb, displays });
  displays.close();
} finally {
  await shutDown();
}
