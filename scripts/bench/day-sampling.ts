import { performance } from 'node:perf_hooks';
import type { DayReplay } from './day-replay.ts';
import type { ServerHandle } from './server-process.ts';

/**
 * Reads the server's CPU time (/proc) at every simulated hour's end and its RSS every 250 ms, into the
 * replay's hour rows; the bench process's own CPU too (the load generator shares the two cores).
 * `serverGone()` says when /proc/<pid> no longer exists: the hour then keeps what was measured before.
 */
export function sampleHours(server: ServerHandle, replay: DayReplay, serverGone: () => boolean) {
  const { hourStats, wallMsPerHour } = replay;
  let hourIndex = 0;
  let cpuAt = server.cpuMs();
  let benchAt = process.cpuUsage();
  let lastMemory = { rss: 0, peak: 0 };
  const rssTimer = setInterval(() => {
    const hour = hourStats[Math.min(hourIndex, hourStats.length - 1)]!;
    if (!serverGone()) lastMemory = server.memoryMb();
    hour.rssMb = Math.max(hour.rssMb, lastMemory.rss);
  }, 250);
  const closeHour = () => {
    const hour = hourStats[hourIndex];
    if (!hour) return;
    const cpu = serverGone() ? cpuAt : server.cpuMs();
    const bench = process.cpuUsage(benchAt);
    hour.cpuMs = cpu - cpuAt;
    hour.benchCpuMs = (bench.user + bench.system) / 1000;
    cpuAt = cpu;
    benchAt = process.cpuUsage();
    hourIndex++;
  };
  const hourTimers = hourStats.map((_, h) => setTimeout(closeHour, replay.replayStart + (h + 1) * wallMsPerHour - performance.now()));
  return {
    /** The process's peak RSS as last read (the high-water mark the kernel keeps). */
    peakMb: () => lastMemory.peak,
    stop: () => {
      clearInterval(rssTimer);
      hourTimers.forEach(clearTimeout);
      // A fractional last hour (--hours 2.5) closes when the replay ends.
      if (hourIndex < hourStats.length) closeHour();
    },
  };
}

/** The baseline: the same server with its displays connected and no traffic, for one simulated hour. */
export async function measureIdle(server: ServerHandle, replay: DayReplay): Promise<{ cpuMs: number; rssMb: number; benchCpuMs: number }> {
  const cpuAt = server.cpuMs();
  const benchAt = process.cpuUsage();
  let rssMb = server.memoryMb().rss;
  const timer = setInterval(() => (rssMb = Math.max(rssMb, server.memoryMb().rss)), 250);
  await replay.sleep(replay.wallMsPerHour);
  clearInterval(timer);
  const bench = process.cpuUsage(benchAt);
  return { cpuMs: server.cpuMs() - cpuAt, rssMb, benchCpuMs: (bench.user + bench.system) / 1000 };
}
