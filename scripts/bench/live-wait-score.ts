import { compareForCalling, type SiteEvent, type WaitEstimate } from '@walkup/domain';
import type { Publication } from './live-wait-recorder.ts';

interface VisitTimeline {
  id: string;
  queueId: string;
  priority: number;
  checkedInAt: string;
  joinedMs: number;
  calledMs: number | null;
  transferred: boolean;
  /** The queue the visit was in from each time on (check-in, then transfers): screens rank it there. */
  moves: Array<{ atMs: number; queueId: string }>;
}

function queueAt(visit: VisitTimeline, atMs: number): string {
  return visit.moves.findLast((m) => m.atMs <= atMs)?.queueId ?? visit.moves[0]!.queueId;
}

/** Each visit's first wait, from the server's own log (its clock stamped every event). */
export function timelines(events: readonly SiteEvent[]): Map<string, VisitTimeline> {
  const visits = new Map<string, VisitTimeline>();
  for (const event of events) {
    const visit = event.visitId ? visits.get(event.visitId) : undefined;
    if (event.type === 'visit.checked_in') {
      const d = event.data;
      const joinedMs = Date.parse(event.at);
      visits.set(event.visitId!, { id: event.visitId!, queueId: d.queueId, priority: d.priority, checkedInAt: d.checkedInAt, joinedMs, calledMs: null, transferred: false, moves: [{ atMs: joinedMs, queueId: d.queueId }] });
    } else if (event.type === 'visit.called' && visit && visit.calledMs === null) visit.calledMs = Date.parse(event.at);
    else if (event.type === 'visit.transferred' && visit) {
      // Scored on their first wait only; on screens they now rank in the new queue (by their check-in time).
      if (visit.calledMs === null) visit.transferred = true;
      visit.moves.push({ atMs: Date.parse(event.at), queueId: event.data.toQueueId });
    }
  }
  return visits;
}

export interface Row {
  name: string;
  n: number;
  rmse: number;
  under: number;
  coverage: number | null;
}

function row(name: string, pairs: ReadonlyArray<{ predicted: number; actual: number; low?: number; high?: number; weight?: number }>): Row {
  let weight = 0;
  let squared = 0;
  let under = 0;
  let covered = 0;
  let ranged = 0;
  for (const p of pairs) {
    const w = p.weight ?? 1;
    weight += w;
    squared += w * (p.predicted - p.actual) ** 2;
    if (p.predicted < p.actual) under += w;
    if (p.low !== undefined && p.high !== undefined) {
      ranged += w;
      if (p.low <= p.actual && p.actual <= p.high) covered += w;
    }
  }
  return { name, n: pairs.length, rmse: Math.sqrt(squared / weight), under: under / weight, coverage: ranged > 0 ? covered / ranged : null };
}

const outside = (e: WaitEstimate | null | undefined) => (e ? e.expectedSeconds < e.lowSeconds || e.expectedSeconds > e.highSeconds : false);

/**
 * The figures of a live replay: what the kiosk told each visitor at joining and what the display
 * showed them while they waited, against the waits that followed; the simple forecasts (queue mean,
 * mean of the last 20 waits, both from waits already over at the time) on the same visitors.
 */
export function scoreLiveRun(events: readonly SiteEvent[], kiosk: ReadonlyMap<string, WaitEstimate | null>, display: readonly Publication[], restartAtMs: number) {
  const visits = timelines(events);
  const scored = [...visits.values()].filter((v) => v.calledMs !== null && v.calledMs > v.joinedMs && !v.transferred && kiosk.has(v.id));
  const finished = [...visits.values()].filter((v) => v.calledMs !== null && v.calledMs > v.joinedMs && !v.transferred).sort((a, b) => a.calledMs! - b.calledMs!);
  const waitsBefore = (queueId: string, atMs: number) => finished.filter((v) => v.queueId === queueId && v.calledMs! <= atMs).map((v) => (v.calledMs! - v.joinedMs) / 1000);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

  const atJoin = scored.flatMap((v) => {
    const e = kiosk.get(v.id);
    return e ? [{ predicted: e.expectedSeconds, low: e.lowSeconds, high: e.highSeconds, actual: (v.calledMs! - v.joinedMs) / 1000 }] : [];
  });
  const queueMean = scored.map((v) => ({ predicted: mean(waitsBefore(v.queueId, v.joinedMs)), actual: (v.calledMs! - v.joinedMs) / 1000 }));
  const recent = scored.map((v) => ({ predicted: mean(waitsBefore(v.queueId, v.joinedMs).slice(-20)), actual: (v.calledMs! - v.joinedMs) / 1000 }));

  // Over the wait: each published estimate counts for as long as it was on screen, until the call.
  const overWait: Array<{ predicted: number; actual: number; low: number; high: number; weight: number }> = [];
  for (const v of scored) {
    const shown = display.filter((p) => p.atMs >= v.joinedMs && p.atMs < v.calledMs! && p.visits[v.id]);
    shown.forEach((p, i) => {
      const e = p.visits[v.id]!;
      const until = shown[i + 1]?.atMs ?? v.calledMs!;
      overWait.push({ predicted: e.expectedSeconds, low: e.lowSeconds, high: e.highSeconds, actual: (v.calledMs! - p.atMs) / 1000, weight: (until - p.atMs) / 1000 });
    });
  }

  let outsideCount = [...kiosk.values()].filter(outside).length;
  let inversions = 0;
  let checkedEstimates = kiosk.size;
  for (const p of display) {
    const byQueue = new Map<string, VisitTimeline[]>();
    for (const id of Object.keys(p.visits)) {
      const v = visits.get(id);
      if (!v) continue;
      const queueId = queueAt(v, p.atMs);
      byQueue.set(queueId, [...(byQueue.get(queueId) ?? []), v]);
    }
    for (const e of [...Object.values(p.visits), ...Object.values(p.queues)]) {
      checkedEstimates++;
      if (outside(e)) outsideCount++;
    }
    for (const [queueId, list] of byQueue) {
      const ordered = list.sort((a, b) => compareForCalling(a, b)).map((v) => p.visits[v.id]?.expectedSeconds ?? null);
      const joinNow = p.queues[queueId]?.expectedSeconds ?? null;
      const chain = [...ordered, joinNow].filter((x): x is number => x !== null);
      for (let i = 1; i < chain.length; i++) if (chain[i]! < chain[i - 1]!) inversions++;
    }
  }

  // A restart: each visitor's last figure before it against their first after it.
  const before = display.filter((p) => p.atMs < restartAtMs).at(-1);
  const after = display.find((p) => p.atMs > restartAtMs && Object.keys(p.visits).length > 0);
  let restartJump = 0;
  if (before && after) {
    for (const [id, e] of Object.entries(after.visits)) {
      const old = before.visits[id];
      if (e && old) restartJump = Math.max(restartJump, Math.abs(e.expectedSeconds - (old.expectedSeconds - (after.atMs - before.atMs) / 1000)));
    }
  }
  return {
    rows: [row('walkup estimator (kiosk reply)', atJoin), row('queue mean', queueMean), row('mean of last 20 waits', recent)],
    overWait: row('walkup estimator (display, over the wait)', overWait),
    outsideCount,
    checkedEstimates,
    inversions,
    publications: display.length,
    restartJump,
  };
}
