import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../apps/server/src/db/connection.ts';
import { sumReportBuckets, type ReportGrouping } from '../../apps/server/src/reports/report-queries.ts';

export type ReportBenchQuery = [name: string, filter: { siteIds: string[]; from: string; to: string }, groupBy: ReportGrouping[]];

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/**
 * The p95 and median of each query over `runs` runs, against the first query as baseline, with the
 * process's CPU time beside the wall time: on a shared machine the wall time mostly measures the
 * other processes (on PostgreSQL the server's CPU is not in it).
 */
export async function timeReportQueries(db: Db, engine: string, queries: readonly ReportBenchQuery[], runs: number): Promise<void> {
  let baseline = 0;
  console.log(`\n${engine}, load average ${load()}`);
  console.log('query                                                   p95 ms   median ms   CPU ms (median)   x baseline');
  for (const [name, filter, groupBy] of queries) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await sumReportBuckets(db, filter, groupBy);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const p95 = times[Math.ceil(runs * 0.95) - 1]!;
    if (!baseline) baseline = p95;
    console.log(
      `${name.padEnd(55)} ${p95.toFixed(1).padStart(7)} ${times[runs / 2]!.toFixed(1).padStart(10)} ${cpu[runs / 2]!.toFixed(1).padStart(16)} ${(p95 / baseline).toFixed(1).padStart(12)}  ${p95 < 300 ? 'ok' : 'OVER 300 ms'}`,
    );
  }
  console.log(`load average ${load()}`);
}
