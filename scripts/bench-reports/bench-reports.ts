import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../../apps/server/src/db/connection.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { seedIfEmpty } from '../../apps/server/src/db/seed.ts';
import { aggregateNextBatch } from '../../apps/server/src/reports/report-reader.ts';
import { cumulativeRollups, reportRollups } from '../../apps/server/src/reports/report-rollups.ts';
import { fillReportCumulativeHours } from '../../db/migrations/2026-12-01T1300-report-cumulative-hours.ts';
import { fillReportCumulativeTechnicianHours } from '../../db/migrations/2026-12-01T1500-report-cumulative-technician-hours.ts';
import { generateBuckets } from './generate-buckets.ts';
import { generateEvents } from './generate-events.ts';
import { timeReportQueries, type ReportBenchQuery } from './time-report-queries.ts';
import { openPostgres } from '../../apps/server/src/db/postgres-connection.ts';
import { copyTable, countRows } from '../migrate-to-postgres/copy-tables.ts';

/**
 * npm run bench:reports [-- --sites 100 --days 365 --events 200000] [--db <file>]
 * 1. Aggregation: the real log reader over `--events` generated events (bulk-inserted), timed, and
 *    the rate extrapolated to a year of 100 sites (about 10 M events).
 * 2. Queries: a year of buckets for `--sites` sites written straight into the report table, then
 *    the p95 of each report query (20 runs), against a one-site one-day query as baseline.
 * `--db <file>` keeps the database there and, when the file exists, reuses its year of buckets and
 * skips both the aggregation and the writing (a loaded machine builds the year once).
 * `--postgres <url>` then times the same queries on PostgreSQL: an empty database gets the summed
 * tables copied from the SQLite one (not the hourly buckets, which none of these queries reads).
 */
const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const sites = arg('sites', 100);
const days = arg('days', 365);
const eventCount = arg('events', 200_000);
const runs = 20;
const keptIndex = process.argv.indexOf('--db');
const keptFile = keptIndex > 0 ? path.resolve(process.argv[keptIndex + 1]!) : null;
const reused = keptFile !== null && existsSync(keptFile);
const postgresIndex = process.argv.indexOf('--postgres');
const postgresUrl = postgresIndex > 0 ? process.argv[postgresIndex + 1]! : null;

const dir = keptFile ? null : mkdtempSync(path.join(tmpdir(), 'walkup-bench-reports-'));
const { db, sqlite } = openDatabase(keptFile ?? path.join(dir!, 'bench.sqlite'));
sqlite.pragma('synchronous = OFF');
try {
  await migrateToLatest(db);
  if (reused) console.log(`reusing the buckets in ${keptFile} (no aggregation measured)`);
  else await buildYear();

  const site = ['site-000'];
  const allSites = Array.from({ length: sites }, (_, s) => `site-${String(s).padStart(3, '0')}`);
  const year = { from: '2025-01-01', to: '2025-12-31' };
  const queries: ReportBenchQuery[] = [
    ['one site, one day, by queue (baseline)', { siteIds: site, from: '2025-06-02', to: '2025-06-02' }, ['queue']],
    ['one site, a year, total', { siteIds: site, ...year }, []],
    ['one site, a year, by hour', { siteIds: site, ...year }, ['hour']],
    ['one site, a year, by technician', { siteIds: site, ...year }, ['technician']],
    ['one site, a year, by weekday x hour', { siteIds: site, ...year }, ['weekday', 'hour']],
    ['10 sites, a quarter, by site', { siteIds: allSites.slice(0, 10), from: '2025-01-01', to: '2025-03-31' }, ['site']],
    [`${sites} sites, a month, by site`, { siteIds: allSites, from: '2025-06-01', to: '2025-06-30' }, ['site']],
    [`${sites} sites, a year, by site`, { siteIds: allSites, ...year }, ['site']],
    [`${sites} sites, a year, by weekday`, { siteIds: allSites, ...year }, ['weekday']],
    [`${sites} sites, a year, by hour`, { siteIds: allSites, ...year }, ['hour']],
    [`${sites} sites, a year, by queue`, { siteIds: allSites, ...year }, ['queue']],
    [`${sites} sites, a year, by category`, { siteIds: allSites, ...year }, ['category']],
    [`${sites} sites, a year, by technician`, { siteIds: allSites, ...year }, ['technician']],
    [`${sites} sites, 15 Jan-14 Dec, by weekday`, { siteIds: allSites, from: '2025-01-15', to: '2025-12-14' }, ['weekday']],
    [`${sites} sites, 15 Jan-14 Dec, by hour`, { siteIds: allSites, from: '2025-01-15', to: '2025-12-14' }, ['hour']],
    [`${sites} sites, 15 Jan-14 Dec, by weekday x hour`, { siteIds: allSites, from: '2025-01-15', to: '2025-12-14' }, ['weekday', 'hour']],
    ['one site, a year, by technician x hour', { siteIds: site, ...year }, ['technician', 'hour']],
    [`10 sites, a year, by technician x hour`, { siteIds: allSites.slice(0, 10), ...year }, ['technician', 'hour']],
    [`${sites} sites, a year, by technician x hour`, { siteIds: allSites, ...year }, ['technician', 'hour']],
  ];
  await timeReportQueries(db, 'SQLite', queries, runs);
  if (postgresUrl) await timeOnPostgres(postgresUrl, queries);
} finally {
  await db.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** The aggregation measure, then a year of buckets written straight into the report tables. */
async function buildYear(): Promise<void> {
  await seedIfEmpty(db, path.join(import.meta.dirname, '../../db/seed/demo-site.json'));
  let started = performance.now();
  const generated = generateEvents(sqlite, eventCount);
  const generateMs = performance.now() - started;
  started = performance.now();
  const transact = <T>(work: (trx: typeof db) => Promise<T>) => db.transaction().execute(work);
  while ((await aggregateNextBatch(transact, 2_000)) > 0);
  const aggregateMs = performance.now() - started;
  const perSecond = generated.events / (aggregateMs / 1000);
  console.log(`aggregation: ${generated.events} events (${generated.visits} visits) generated in ${(generateMs / 1000).toFixed(1)} s, aggregated in ${(aggregateMs / 1000).toFixed(1)} s = ${Math.round(perSecond)} events/s`);
  console.log(`  extrapolated rebuild of 10 M events (a year of 100 sites): ${(10_000_000 / perSecond / 60).toFixed(1)} min (not measured at that size)`);
  for (const table of [...reportRollups, ...cumulativeRollups].map((r) => r.table)) sqlite.exec(`delete from ${table}`);

  started = performance.now();
  const buckets = generateBuckets(sqlite, sites, days, 4);
  await fillReportCumulativeHours(db);
  await fillReportCumulativeTechnicianHours(db);
  sqlite.exec('analyze');
  console.log(`buckets: ${buckets.rows} rows (${buckets.visits} visits, ~${Math.round((buckets.visits * 5) / 1e6)} M events) for ${sites} sites x ${days} days written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function timeOnPostgres(url: string, queries: readonly ReportBenchQuery[]): Promise<void> {
  const target = openPostgres(url, { maxConnections: 2 });
  try {
    await migrateToLatest(target);
    if ((await countRows(target, 'report_month_hours')) === 0) {
      const started = performance.now();
      const summed = [...reportRollups.filter((r) => r.table !== 'report_buckets'), ...cumulativeRollups].map((r) => r.table);
      for (const name of summed) await copyTable(db, target, { name, selfReferences: [] });
      await sql`analyze`.execute(target);
      console.log(`\ncopied the summed tables to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await timeReportQueries(target, 'PostgreSQL', queries, runs);
  } finally {
    await target.destroy();
  }
}
