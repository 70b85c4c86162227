import type { DayReplay } from './day-replay.ts';
import { fixed, printTable, summarise } from './stats.ts';
import { dayStartMinute } from './walkup-day-plan.ts';

export const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(Math.round(minute % 60)).padStart(2, '0')}`;

/** Prints the day's table (one row per simulated hour after the idle baseline) and its summary lines. */
export function printDayReport(options: {
  replay: DayReplay;
  idle: { cpuMs: number; rssMb: number; benchCpuMs: number };
  endMinute: number;
  plannedVisits: number;
  peakRssMb: number;
  displays: { events: number; gaps: number; closedByServer: number };
}): void {
  const { replay, idle, endMinute } = options;
  const { hourStats, wallMsPerHour, outcomes, visits, statuses } = replay;
  const cpuPct = (ms: number) => `${fixed((100 * ms) / wallMsPerHour, 0)}%`;
  const all = hourStats.flatMap((h) => h.latencies);
  const sum = (pick: (h: (typeof hourStats)[number]) => number) => hourStats.reduce((s, h) => s + pick(h), 0);
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
      sum((h) => h.calls),
      sum((h) => h.checkIns),
      sum((h) => h.errors),
      fixed(summarise(all).p99, 0),
      fixed(Math.max(...hourStats.map((h) => h.behindMs)) / 1000),
      fixed(sum((h) => h.cpuMs) / 1000),
      cpuPct(sum((h) => h.cpuMs) / hourStats.length),
      fixed(Math.max(...hourStats.map((h) => h.rssMb)), 0),
      fixed(sum((h) => h.benchCpuMs) / 1000),
    ],
  ]);
  const busiest = hourStats.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
  const meanCpu = sum((h) => h.cpuMs) / hourStats.length;
  // The idle server barely uses CPU, so a ratio would say little; the load's own cost is the difference.
  console.log(
    `load's own CPU (hour minus idle baseline): ${fixed((meanCpu - idle.cpuMs) / 1000)} s per simulated hour on average, ` +
      `${fixed((busiest.cpuMs - idle.cpuMs) / 1000)} s in the busiest (${cpuPct(busiest.cpuMs - idle.cpuMs)} of a core)`,
  );
  console.log(`RSS: idle ${fixed(idle.rssMb, 0)} MB, peak under load ${fixed(Math.max(...hourStats.map((h) => h.rssMb)), 0)} MB, process high-water mark ${fixed(options.peakRssMb, 0)} MB`);
  const waitingAtEnd = [...visits.values()].filter((v) => v.state === 'waiting').length;
  console.log(
    `visits: ${options.plannedVisits} planned, ${visits.size} checked in, ${outcomes.resolved} resolved, ${outcomes.noShows} no-shows, ${outcomes.transfers} transfers, ` +
      `${outcomes.cancelled} left, ${waitingAtEnd} still waiting at the end; ${outcomes.emptyCalls} call-next found nobody`,
  );
  console.log(`HTTP statuses: ${[...statuses].map(([s, n]) => `${s} x${n}`).join(', ')}`);
  console.log(`displays: ${options.displays.events} events received, ${options.displays.gaps} sequence gaps, ${options.displays.closedByServer} closed by the server`);
}
