import { quantileFromBins, shareWithin } from './duration-histogram.ts';

/** Sums of report buckets (any grouping): everything the figures below are derived from. */
export interface BucketTotals {
  visits: number;
  served: number;
  resolved: number;
  escalated: number;
  noShows: number;
  cancelled: number;
  transfers: number;
  waitCount: number;
  waitSum: number;
  waitMax: number;
  waitBins: number[];
  serviceCount: number;
  serviceSum: number;
  serviceMax: number;
  serviceBins: number[];
  feedbackCount: number;
  feedbackSum: number;
  feedbackUnhappy: number;
  feedbackHappy: number;
  estimateCount: number;
  estimateErrorSum: number;
  estimateAbsoluteErrorSum: number;
  estimateClose: number;
}

/** What a manager reads in a report row. Durations in seconds; shares 0..1; null when nothing to measure. */
export interface ReportFigures {
  visits: number;
  served: number;
  waitMean: number | null;
  waitMedian: number | null;
  waitP90: number | null;
  waitMax: number | null;
  shareWithinTarget: number | null;
  serviceMean: number | null;
  serviceMedian: number | null;
  serviceP90: number | null;
  noShows: number;
  cancelled: number;
  transfers: number;
  escalated: number;
  resolvedAtDesk: number;
  /** Resolved at the desk among visits that ended after service (resolved or escalated). */
  resolvedAtDeskShare: number | null;
  feedbackCount: number;
  /** Mean score, 1 (unhappy) .. 3 (happy). */
  feedbackMean: number | null;
  feedbackHappyShare: number | null;
  feedbackUnhappyShare: number | null;
  /** Mean of (estimate at check-in - actual wait): positive means waits were over-estimated. */
  estimateBias: number | null;
  estimateMeanAbsoluteError: number | null;
  /** Share of estimates within max(2 min, 25 % of the actual wait). */
  estimateCloseShare: number | null;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const round = (value: number | null, digits = 0) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

export function reportFigures(t: BucketTotals, targetWaitSeconds: number): ReportFigures {
  const waitMax = t.waitCount > 0 ? t.waitMax : null;
  const serviceMax = t.serviceCount > 0 ? t.serviceMax : undefined;
  return {
    visits: t.visits,
    served: t.served,
    waitMean: round(ratio(t.waitSum, t.waitCount)),
    waitMedian: round(quantileFromBins(t.waitBins, 0.5, waitMax ?? undefined)),
    waitP90: round(quantileFromBins(t.waitBins, 0.9, waitMax ?? undefined)),
    waitMax,
    shareWithinTarget: round(shareWithin(t.waitBins, targetWaitSeconds, waitMax ?? undefined), 4),
    serviceMean: round(ratio(t.serviceSum, t.serviceCount)),
    serviceMedian: round(quantileFromBins(t.serviceBins, 0.5, serviceMax)),
    serviceP90: round(quantileFromBins(t.serviceBins, 0.9, serviceMax)),
    noShows: t.noShows,
    cancelled: t.cancelled,
    transfers: t.transfers,
    escalated: t.escalated,
    resolvedAtDesk: t.resolved,
    resolvedAtDeskShare: round(ratio(t.resolved, t.resolved + t.escalated), 4),
    feedbackCount: t.feedbackCount,
    feedbackMean: round(ratio(t.feedbackSum, t.feedbackCount), 2),
    feedbackHappyShare: round(ratio(t.feedbackHappy, t.feedbackCount), 4),
    feedbackUnhappyShare: round(ratio(t.feedbackUnhappy, t.feedbackCount), 4),
    estimateBias: round(ratio(t.estimateErrorSum, t.estimateCount)),
    estimateMeanAbsoluteError: round(ratio(t.estimateAbsoluteErrorSum, t.estimateCount)),
    estimateCloseShare: round(ratio(t.estimateClose, t.estimateCount), 4),
  };
}

/** An estimate counts as close when within max(2 min, 25 % of the actual wait). */
export function isEstimateClose(estimateSeconds: number, actualSeconds: number): boolean {
  return Math.abs(estimateSeconds - actualSeconds) <= Math.max(120, 0.25 * actualSeconds);
}
