import type SQLite from 'better-sqlite3';
import { reportRollups } from '../../apps/server/src/reports/report-rollups.ts';

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const binCount = 15;
const queues = ['hardware', 'access', 'software'];
const categories = ['a', 'b'];
const technicians = ['t1', 't2', 't3', 't4'];

/**
 * Writes a year of report buckets for `siteCount` sites straight into the table (what the reader
 * would have built from about five events per visit), in one transaction with one prepared
 * statement: generating ten million events and reading them back would take the shared machine
 * hours, and the queries only ever see the buckets.
 */
export function generateBuckets(sqlite: SQLite.Database, siteCount: number, days: number, bucketsPerHour: number): { rows: number; visits: number } {
  const random = seededRandom(42);
  const counters = ['visits', 'served', 'resolved', 'escalated', 'no_shows', 'cancelled', 'transfers', 'wait_count', 'wait_sum', 'wait_max', 'service_count', 'service_sum', 'service_max', 'feedback_count', 'feedback_sum', 'feedback_unhappy', 'feedback_happy', 'estimate_count', 'estimate_error_sum', 'estimate_absolute_error_sum', 'estimate_close'];
  const bins = Array.from({ length: binCount }, (_, b) => [`wait_bin_${b}`, `service_bin_${b}`]).flat();
  const columns = ['site_id', 'queue_id', 'category_id', 'technician_id', 'day', 'hour', 'weekday', ...counters, ...bins];
  const insert = sqlite.prepare(`insert into report_buckets (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`);
  const siteInsert = sqlite.prepare(`insert into sites (id, name, time_zone, default_language, languages, opening_hours, show_names_on_display, no_show_grace_seconds, escalation_groups, event_seq) values (?, ?, 'Europe/Paris', 'en', '["en"]', '{}', 0, 120, '[]', 0)`);
  let rows = 0;
  let visits = 0;
  const start = Date.parse('2025-01-01T00:00:00Z');
  sqlite.transaction(() => {
    for (let s = 0; s < siteCount; s++) {
      const siteId = `site-${String(s).padStart(3, '0')}`;
      siteInsert.run(siteId, `Site ${s}`);
      for (let d = 0; d < days; d++) {
        const date = new Date(start + d * 86_400_000);
        const weekday = date.getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        const day = date.toISOString().slice(0, 10);
        for (let hour = 8; hour < 19; hour++) {
          for (let b = 0; b < bucketsPerHour; b++) {
            const count = 1 + Math.floor(random() * 3);
            const waitBins = new Array<number>(binCount).fill(0);
            const serviceBins = new Array<number>(binCount).fill(0);
            for (let v = 0; v < count; v++) {
              waitBins[Math.floor(random() * 9)]!++;
              serviceBins[2 + Math.floor(random() * 8)]!++;
            }
            const waitSum = count * Math.floor(120 + random() * 600);
            const values = [count, count, count - 1, 0, random() < 0.1 ? 1 : 0, 0, 0, count, waitSum, 900, count, count * 600, 1800, 1, 3, 0, 1, count, count * 30, count * 90, count];
            insert.run(siteId, queues[b % queues.length], categories[b % categories.length], technicians[(b + hour) % technicians.length], day, hour, weekday, ...values, ...waitBins.flatMap((w, i) => [w, serviceBins[i]]));
            rows++;
            visits += count;
          }
        }
      }
    }
  })();
  // The daily and monthly sums, as the reader keeps them beside the hourly buckets.
  const summed = [...counters, ...bins].map((c) => (c.endsWith('_max') ? `max(${c})` : `sum(${c})`));
  for (const rollup of reportRollups.filter((r) => r.table !== 'report_buckets')) {
    const dimensions = rollup.columns.map((c) => (c === 'month' ? 'substr(day, 1, 7)' : c));
    sqlite.exec(`insert into ${rollup.table} (${rollup.columns.join(',')}, ${[...counters, ...bins].join(',')}) select ${dimensions.join(',')}, ${summed.join(',')} from report_buckets group by ${dimensions.join(',')}`);
  }
  return { rows, visits };
}
