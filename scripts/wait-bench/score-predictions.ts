import type { PredictionPoint, ReplayedVisit } from './replay-wait.ts';

export interface Scores {
  n: number;
  rmse: number;
  mae: number;
  /** RMSE relative to the mean actual wait (root relative average squared error, as in the issue). */
  rrase: number;
  bias: number;
  underPredicted: number;
  /** Share of actual waits inside the predicted range; null for point-only predictors. */
  coverage: number | null;
}

/** One visit's error summary: at joining it is a single prediction; over the wait, a time average. */
interface VisitError {
  actual: number;
  squared: number;
  absolute: number;
  signed: number;
  under: number;
  covered: number | null;
}

export type ScoringMode = 'at-join' | 'over-wait';

export function isScored(visit: ReplayedVisit, scoreFromMs: number): boolean {
  // Called in the same second as checking in = never queued (e.g. routed straight to an idle agent).
  return visit.joinedMs >= scoreFromMs && visit.calledMs !== null && visit.calledMs > visit.joinedMs && visit.predictions[0]!.length > 0;
}

function pointError(point: PredictionPoint, calledMs: number): Omit<VisitError, 'actual'> {
  const actual = (calledMs - point.atMs) / 1000;
  const error = point.seconds - actual;
  const covered = point.low === null || point.high === null ? null : point.low <= actual && actual <= point.high ? 1 : 0;
  return { squared: error * error, absolute: Math.abs(error), signed: error, under: error < 0 ? 1 : 0, covered };
}

function visitError(points: readonly PredictionPoint[], calledMs: number, mode: ScoringMode): VisitError {
  const first = points[0]!;
  if (mode === 'at-join') return { actual: (calledMs - first.atMs) / 1000, ...pointError(first, calledMs) };
  // Each prediction stands until the next one; weigh it by how long it was on screen.
  const total = { actual: 0, squared: 0, absolute: 0, signed: 0, under: 0, covered: 0 as number | null };
  let weightSum = 0;
  points.forEach((point, i) => {
    const until = Math.min(points[i + 1]?.atMs ?? calledMs, calledMs);
    const weight = Math.max(0, until - point.atMs);
    if (weight === 0) return;
    const e = pointError(point, calledMs);
    weightSum += weight;
    total.actual += ((calledMs - point.atMs + (calledMs - until)) / 2000) * weight;
    total.squared += e.squared * weight;
    total.absolute += e.absolute * weight;
    total.signed += e.signed * weight;
    total.under += e.under * weight;
    total.covered = e.covered === null || total.covered === null ? null : total.covered + e.covered * weight;
  });
  const w = weightSum || 1;
  return {
    actual: total.actual / w,
    squared: total.squared / w,
    absolute: total.absolute / w,
    signed: total.signed / w,
    under: total.under / w,
    covered: total.covered === null ? null : total.covered / w,
  };
}

export function scorePredictor(visits: readonly ReplayedVisit[], predictor: number, mode: ScoringMode): Scores {
  const errors = visits.map((v) => visitError(v.predictions[predictor]!, v.calledMs!, mode));
  const n = errors.length;
  const mean = (f: (e: VisitError) => number) => (n === 0 ? Number.NaN : errors.reduce((s, e) => s + f(e), 0) / n);
  const rmse = Math.sqrt(mean((e) => e.squared));
  const ranged = errors.every((e) => e.covered !== null) && n > 0;
  return {
    n,
    rmse,
    mae: mean((e) => e.absolute),
    rrase: rmse / mean((e) => e.actual),
    bias: mean((e) => e.signed),
    underPredicted: mean((e) => e.under),
    coverage: ranged ? mean((e) => e.covered ?? 0) : null,
  };
}

/**
 * Coverage over the wait as bench:live-wait counts it: every figure weighted by how long it stood,
 * pooled over visits (long waits weigh more), where `scorePredictor` averages each visit first.
 */
export function pooledOverWaitCoverage(visits: readonly ReplayedVisit[], predictor = 0): number {
  let covered = 0;
  let total = 0;
  for (const v of visits) {
    const points = v.predictions[predictor]!;
    points.forEach((p, i) => {
      const weight = Math.max(0, Math.min(points[i + 1]?.atMs ?? v.calledMs!, v.calledMs!) - p.atMs);
      const actual = (v.calledMs! - p.atMs) / 1000;
      total += weight;
      if (p.low !== null && p.high !== null && p.low <= actual && actual <= p.high) covered += weight;
    });
  }
  return covered / total;
}
