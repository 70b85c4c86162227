import type { Scores } from './score-predictions.ts';

type Row = { predictor: string; scores: Scores };
type QueueRow = { predictor: string; byQueue: Record<string, Scores> };

/**
 * The issue's bar, checked against baselines measured in the same run: RMSE at least 15% below the
 * best baseline, no queue worse than its own best baseline, no more under-predictions than that
 * baseline, range coverage within 75-85% at joining and over the wait (the later updates a visitor
 * reads, time-weighted). Row 0 is the estimator.
 */
export function checkBar(atJoin: readonly Row[], perQueue: readonly QueueRow[], overWait: readonly Row[]) {
  const [estimator, ...baselines] = atJoin;
  const best = [...baselines].sort((a, b) => a.scores.rmse - b.scores.rmse)[0]!;
  const reduction = 1 - estimator!.scores.rmse / best.scores.rmse;
  const queueChecks = Object.keys(perQueue[0]?.byQueue ?? {}).map((q) => {
    const own = perQueue[0]!.byQueue[q]!.rmse;
    const bestOfQueue = Math.min(...perQueue.slice(1).map((r) => r.byQueue[q]!.rmse));
    return { queue: q, estimator: own, bestBaseline: bestOfQueue, ok: own <= bestOfQueue };
  });
  const coverage = estimator!.scores.coverage ?? 0;
  const overWaitCoverage = overWait[0]!.scores.coverage ?? 0;
  const checks = {
    rmse: { bestBaseline: best.predictor, reduction, ok: reduction >= 0.15 },
    queues: { failing: queueChecks.filter((c) => !c.ok), ok: queueChecks.every((c) => c.ok) },
    underPredicted: { estimator: estimator!.scores.underPredicted, bestBaseline: best.scores.underPredicted, ok: estimator!.scores.underPredicted <= best.scores.underPredicted },
    coverage: { value: coverage, ok: withinTarget(coverage) },
    overWaitCoverage: { value: overWaitCoverage, ok: withinTarget(overWaitCoverage) },
  };
  const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const lines = [
    `bar: RMSE ${(reduction * 100).toFixed(1)}% below best baseline (${best.predictor}) ${mark(checks.rmse.ok)} (need >= 15%)`,
    `bar: no queue worse than its best baseline ${mark(checks.queues.ok)}${checks.queues.failing.map((c) => ` ${c.queue} ${c.estimator.toFixed(1)} vs ${c.bestBaseline.toFixed(1)}`).join(',')}`,
    `bar: under-predicted ${(checks.underPredicted.estimator * 100).toFixed(1)}% vs ${(checks.underPredicted.bestBaseline * 100).toFixed(1)}% ${mark(checks.underPredicted.ok)}`,
    `bar: coverage ${(coverage * 100).toFixed(1)}% ${mark(checks.coverage.ok)} (need 75-85%)`,
    `bar: coverage over the wait ${(overWaitCoverage * 100).toFixed(1)}% ${mark(checks.overWaitCoverage.ok)} (need 75-85%)`,
  ];
  return { checks, lines };
}

function withinTarget(coverage: number): boolean {
  return coverage >= 0.75 && coverage <= 0.85;
}
