import { readFileSync } from 'node:fs';
import type { SiteEvent, WaitEstimate } from '@walkup/domain';
import type { Publication } from './live-wait-recorder.ts';
import { timelines } from './live-wait-score.ts';
import { fixed, printTable } from './stats.ts';

/**
 * Where a live run's over-the-wait misses are (issue 12): each display figure a visitor read, weighted
 * by how long it stood, broken down by how many waits the server had learned from by then, the stretch
 * of the wait, the event just before it, the size of the wait left, and the side of the miss.
 *   node --import tsx scripts/bench/live-wait-breakdown.ts run.json   (from bench:live-wait --save-run)
 */
interface SavedRun {
  speed: number;
  events: SiteEvent[];
  kiosk: Array<[string, WaitEstimate | null]>;
  publications: Publication[];
}

interface Shown {
  weight: number;
  covered: boolean;
  below: boolean;
  learned: number;
  progress: number;
  trigger: string;
  remaining: number;
  hour: number;
}

const run = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SavedRun;
const kiosk = new Map(run.kiosk);
const visits = [...timelines(run.events).values()];
const scored = visits.filter((v) => v.calledMs !== null && v.calledMs > v.joinedMs && !v.transferred && kiosk.has(v.id));
const callTimes = visits.flatMap((v) => (v.calledMs !== null && v.calledMs > v.joinedMs ? [v.calledMs] : [])).sort((a, b) => a - b);
const eventTimes = run.events.map((e) => ({ atMs: Date.parse(e.at), type: e.type.replace(/^(visit|technician)\./, '') }));
const firstMs = eventTimes[0]!.atMs;
const lastEventBefore = (atMs: number) => eventTimes.findLast((e) => e.atMs <= atMs);

const shown: Shown[] = [];
const perVisit: number[] = [];
for (const v of scored) {
  const list = run.publications.filter((p) => p.atMs >= v.joinedMs && p.atMs < v.calledMs! && p.visits[v.id]);
  let covered = 0;
  let total = 0;
  list.forEach((p, i) => {
    const e = p.visits[v.id]!;
    const until = list[i + 1]?.atMs ?? v.calledMs!;
    const remaining = (v.calledMs! - p.atMs) / 1000;
    const waited = (p.atMs - v.joinedMs) / 1000;
    const weight = (until - p.atMs) / 1000;
    const hit = e.lowSeconds <= remaining && remaining <= e.highSeconds;
    const trigger = lastEventBefore(p.atMs);
    shown.push({
      weight,
      covered: hit,
      below: remaining < e.lowSeconds,
      learned: callTimes.filter((t) => t < p.atMs).length,
      progress: waited / Math.max(1e-9, waited + e.expectedSeconds),
      trigger: trigger?.type ?? 'none',
      remaining,
      hour: Math.floor(((p.atMs - firstMs) / 3_600_000) * run.speed),
    });
    covered += hit ? weight : 0;
    total += weight;
  });
  if (total > 0) perVisit.push(covered / total);
}

function breakdown(title: string, key: (s: Shown) => string): void {
  const groups = new Map<string, Shown[]>();
  for (const s of shown) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  const all = shown.reduce((sum, s) => sum + s.weight, 0);
  const rows = [...groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([name, list]) => {
    const w = list.reduce((sum, s) => sum + s.weight, 0);
    const share = (f: (s: Shown) => boolean) => `${fixed((list.filter(f).reduce((sum, s) => sum + s.weight, 0) / w) * 100)}%`;
    return [name, list.length, `${fixed((w / all) * 100)}%`, share((s) => s.covered), share((s) => !s.covered && s.below), share((s) => !s.covered && !s.below)];
  });
  printTable(title, [['group', 'figures', 'time share', 'covered', 'below range', 'above range'], ...rows]);
}

const bucket = (x: number, bounds: number[]) => {
  const i = bounds.findIndex((b) => x < b);
  return i === -1 ? `>= ${bounds.at(-1)}` : `< ${bounds[i]}`;
};
breakdown('Over the wait, all figures', () => 'all');
console.log(`per-visit mean coverage (the replay's way: each visit's time-average, then the mean over visits): ${fixed((perVisit.reduce((s, x) => s + x, 0) / perVisit.length) * 100)}% of ${perVisit.length}`);
breakdown('By waits the server had learned from (calls so far)', (s) => bucket(s.learned, [25, 50, 100, 150, 200, 250]));
breakdown('By simulated hour of the day', (s) => `hour ${s.hour}`);
breakdown('By stretch of the wait (waited / (waited + expected))', (s) => bucket(s.progress, [1 / 3, 2 / 3]));
breakdown('By the event just before the figure', (s) => s.trigger);
breakdown('By wait left (run seconds = simulated minutes)', (s) => bucket(s.remaining, [1, 2, 5, 10, 20]));
