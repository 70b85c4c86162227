import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { WaitEstimate } from '@walkup/domain';
import { openDatabase } from '../../apps/server/src/db/connection.ts';
import { listSiteEventsSince } from '../../apps/server/src/queries/events.ts';
import { liveConnection, provisionCredentials } from './credentials.ts';
import { createDayReplay } from './day-replay.ts';
import { clock } from './day-report.ts';
import { DisplayRecorder } from './live-wait-recorder.ts';
import { diagnoseKioskReplies } from './live-wait-diagnosis.ts';
import { scoreLiveRun, type Row } from './live-wait-score.ts';
import { writeSeed } from './seed-sites.ts';
import { makeTempDir, removeDir, startServer, type ServerHandle } from './server-process.ts';
import { fixed, machineLine, printTable } from './stats.ts';
import { dayStartMinute, planWalkupDay } from './walkup-day-plan.ts';

/**
 * Live wait estimates where people see them (issue 12): one site's simulated walk-up day (bench:day's
 * visitors and technicians: shifts, breaks, call, start, resolve, no-shows, transfers, people giving
 * up) through the real server, in time compressed `speed` times. Everything the server sees is in its
 * own (wall) clock, so the site's configured service times are divided by the same factor: the
 * estimator is given what a real site would configure, in the run's seconds. Recorded: the kiosk's
 * reply to each check-in, and every estimate the wall display received; the server is restarted once
 * half-way. Scored against the waits that followed, read from the server's event log, beside the
 * simple forecasts on the same visitors. Waits are printed in the run's seconds and in simulated
 * minutes (x speed / 60).
 *   npm run bench:live-wait [-- --hours 4 --speed 60 --visits 300 --seed 1 --save-events day.jsonl --save-run run.json]
 * (--save-run keeps what the kiosk and the display showed, for scripts/bench/live-wait-breakdown.ts)
 */
const { values } = parseArgs({
  options: { hours: { type: 'string' }, speed: { type: 'string' }, visits: { type: 'string' }, seed: { type: 'string' }, 'save-events': { type: 'string' }, 'save-run': { type: 'string' } },
});
const hours = Number(values.hours ?? 4);
const speed = Number(values.speed ?? 60);
const seed = Number(values.seed ?? 1);
const endMinute = dayStartMinute + hours * 60;

const dir = makeTempDir('bench-live-wait');
let server: ServerHandle | undefined;
try {
  const { file: seedFile, sites } = writeSeed(dir, { sites: 1, desksPerSite: 8 });
  const site = sites[0]!;
  const plans = planWalkupDay(sites, { visitsPerSite: Number(values.visits ?? 300), seed });
  const serverDir = path.join(dir, 'walkup');
  mkdirSync(serverDir, { recursive: true });
  const databasePath = path.join(serverDir, 'walkup.sqlite');
  const credentials = await provisionCredentials(databasePath, seedFile);
  // The site configures real service times; in the run's compressed seconds they are `speed` times shorter.
  const { db: setupDb } = openDatabase(databasePath);
  await setupDb
    .updateTable('categories')
    .set((eb) => ({ expected_service_seconds: eb('expected_service_seconds', '/', speed) }))
    .execute();
  await setupDb.destroy();
  server = await startServer({ dir: serverDir, seedFile, credentials });
  const first = server;
  const kiosk = new Map<string, WaitEstimate | null>();
  const day = createDayReplay({ server: first, speed, hours, endMinute, onCheckIn: (reply) => kiosk.set(reply.body.id, reply.body.estimate) });
  const display = new DisplayRecorder(() => liveConnection(first.baseUrl, first.credentials, { siteId: site.id, view: 'display' }), site.id);
  await display.connect();
  console.log(`bench:live-wait  ${machineLine()}`);
  console.log(`1 site, ${clock(dayStartMinute)}-${clock(endMinute)} replayed at ${speed}x (seed ${seed}); the server restarts once half-way`);

  const agents = day.run(plans);
  await day.sleep((hours / 2) * day.wallMsPerHour);
  const restartAtMs = Date.now();
  await server.stop('SIGTERM');
  server = await startServer({ dir: serverDir, seedFile, port: first.port, credentials: first.credentials });
  const restartMs = Date.now() - restartAtMs;
  console.log(`  restarted at ${clock(day.simMinuteNow())} simulated (${restartMs} ms down)`);
  await day.sleep((hours / 2) * day.wallMsPerHour);
  day.stop();
  await agents;
  display.close();
  await server.stop('SIGTERM');

  const { db } = openDatabase(databasePath);
  const events = await listSiteEventsSince(db, site.id, '1970-01-01T00:00:00.000Z');
  await db.destroy();
  // The same day for the replay benchmark: npm run bench:wait -- --input <file> --format events
  if (values['save-events']) writeFileSync(values['save-events'], events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  if (values['save-run']) writeFileSync(values['save-run'], JSON.stringify({ speed, restartAtMs, events, kiosk: [...kiosk], publications: display.publications }));
  const result = scoreLiveRun(events, kiosk, display.publications, restartAtMs);

  const best = [...result.rows.slice(1)].sort((a, b) => a.rmse - b.rmse)[0]!;
  const line = (r: Row) => [r.name, r.n, fixed(r.rmse), fixed((r.rmse * speed) / 60), `${fixed(r.under * 100)}%`, r.coverage === null ? '-' : `${fixed(r.coverage * 100)}%`];
  printTable('At joining (kiosk reply) and the simple forecasts on the same visitors', [
    ['predictor', 'n', 'RMSE s', 'RMSE sim min', 'under', 'coverage'],
    ...result.rows.map(line),
  ]);
  printTable('Over the wait (display, time-weighted)', [['predictor', 'n', 'RMSE s', 'RMSE sim min', 'under', 'coverage'], line(result.overWait)]);
  const reduction = 1 - result.rows[0]!.rmse / best.rmse;
  const coverage = result.rows[0]!.coverage ?? 0;
  const overCoverage = result.overWait.coverage ?? 0;
  console.log(`estimates checked: ${result.checkedEstimates} (${result.publications} display publications + ${kiosk.size} kiosk replies)`);
  console.log(`bar: outside own range ${result.outsideCount} ${result.outsideCount === 0 ? 'PASS' : 'FAIL'} (need 0)`);
  console.log(`bar: order inversions within a queue ${result.inversions} ${result.inversions === 0 ? 'PASS' : 'FAIL'} (need 0)`);
  console.log(`bar: coverage at joining ${fixed(coverage * 100)}% ${coverage >= 0.75 && coverage <= 0.85 ? 'PASS' : 'FAIL'} (need 75-85%)`);
  console.log(`bar: coverage over the wait ${fixed(overCoverage * 100)}% ${overCoverage >= 0.75 && overCoverage <= 0.85 ? 'PASS' : 'FAIL'} (need 75-85%)`);
  console.log(`bar: RMSE ${fixed(reduction * 100)}% below best simple forecast (${best.name}) ${reduction >= 0.15 ? 'PASS' : 'FAIL'} (need >= 15%)`);
  console.log(`under-predicted ${fixed(result.rows[0]!.under * 100)}% vs ${fixed(best.under * 100)}% for ${best.name}`);
  const d = diagnoseKioskReplies(events, kiosk, display.publications);
  console.log(
    `diagnosis (${d.n} visitors): kiosk reply minus the visitor's first display figure (+ time since joining) ${fixed(d.meanGapSeconds)} s on average, below it for ${fixed(d.kioskBelowShare * 100)}%; ` +
      `first display figure ${fixed(d.medianLagMs)} ms after the check-in (median); RMSE kiosk ${fixed(d.kioskRmse)} s (under ${fixed(d.kioskUnder * 100)}%) vs first display figure ${fixed(d.firstDisplayRmse)} s (under ${fixed(d.firstDisplayUnder * 100)}%)`,
  );
  console.log(`biggest jump after the restart: ${fixed(result.restartJump)} s (${fixed((result.restartJump * speed) / 60)} simulated min), net of the time that passed`);
} finally {
  await server?.stop('SIGTERM').catch(() => {});
  removeDir(dir);
}
