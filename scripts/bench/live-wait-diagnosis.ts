import type { SiteEvent, WaitEstimate } from '@walkup/domain';
import type { Publication } from './live-wait-recorder.ts';
import { timelines } from './live-wait-score.ts';

/**
 * Why the kiosk's reply may differ from what the estimator knows (issue 12's live under-prediction):
 * each scored visitor's kiosk figure against the first figure the display published for them (the
 * first estimate made with them, and everyone who joined before them, in the queue). A reply read from
 * estimates older than the check-in shows up as a kiosk figure below that first display figure.
 * Diagnostic only: the scored figures stay those of live-wait-score.ts.
 */
export function diagnoseKioskReplies(events: readonly SiteEvent[], kiosk: ReadonlyMap<string, WaitEstimate | null>, display: readonly Publication[]) {
  const gaps: number[] = [];
  const lagsMs: number[] = [];
  const pairs: Array<{ kiosk: number; first: number; actual: number }> = [];
  for (const v of timelines(events).values()) {
    const reply = kiosk.get(v.id);
    if (!reply || v.calledMs === null || v.calledMs <= v.joinedMs || v.transferred) continue;
    const first = display.find((p) => p.atMs >= v.joinedMs && p.atMs < v.calledMs! && p.visits[v.id]);
    if (!first) continue;
    const shown = first.visits[v.id]!;
    const sinceJoin = (first.atMs - v.joinedMs) / 1000;
    gaps.push(reply.expectedSeconds - (shown.expectedSeconds + sinceJoin));
    lagsMs.push(first.atMs - v.joinedMs);
    pairs.push({ kiosk: reply.expectedSeconds, first: shown.expectedSeconds + sinceJoin, actual: (v.calledMs - v.joinedMs) / 1000 });
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  const rmse = (pick: (p: (typeof pairs)[number]) => number) => Math.sqrt(mean(pairs.map((p) => (pick(p) - p.actual) ** 2)));
  const sortedLags = [...lagsMs].sort((a, b) => a - b);
  return {
    n: pairs.length,
    meanGapSeconds: mean(gaps),
    kioskBelowShare: gaps.filter((g) => g < 0).length / Math.max(1, gaps.length),
    medianLagMs: sortedLags[Math.floor(sortedLags.length / 2)] ?? 0,
    kioskRmse: rmse((p) => p.kiosk),
    firstDisplayRmse: rmse((p) => p.first),
    kioskUnder: pairs.filter((p) => p.kiosk < p.actual).length / Math.max(1, pairs.length),
    firstDisplayUnder: pairs.filter((p) => p.first < p.actual).length / Math.max(1, pairs.length),
  };
}
