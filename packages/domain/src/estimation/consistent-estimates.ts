import { compareForCalling, type CallPolicy, type QueuedVisit } from '../call-policy.ts';
import type { WaitEstimate } from '../site-view.ts';

/**
 * Past this, minutes are false precision and a range tells nobody anything ("1-161 min"): the screens
 * say "more than 1 h" instead (a person planning their day needs to know it is long, not how long).
 */
export const longWaitSeconds = 3600;

/** The expected value inside its own range, whatever produced the three numbers. */
export function keepInsideRange(estimate: WaitEstimate): WaitEstimate {
  const expectedSeconds = Math.max(0, Math.round(estimate.expectedSeconds));
  return {
    expectedSeconds,
    lowSeconds: Math.max(0, Math.min(Math.round(estimate.lowSeconds), expectedSeconds)),
    highSeconds: Math.max(Math.round(estimate.highSeconds), expectedSeconds),
  };
}

/**
 * The honest form of an estimate: a plain range while it stays under an hour; an open top ("60+ min")
 * when only the range reaches past it; "more than 1 h" (whole hours below the low end once that is
 * longer) when the expected wait itself does. The numbers stay consistent: low <= expected <= high.
 */
export function sayHonestly(estimate: WaitEstimate): WaitEstimate {
  const inside = keepInsideRange(estimate);
  if (inside.expectedSeconds >= longWaitSeconds) {
    const wholeHoursBelow = Math.floor(inside.lowSeconds / 3600) * 3600;
    return { ...inside, lowSeconds: Math.max(longWaitSeconds, wholeHoursBelow), form: 'at_least' };
  }
  if (inside.highSeconds > longWaitSeconds) return { ...inside, highSeconds: longWaitSeconds, form: 'open_range' };
  return { ...inside, form: 'range' };
}

/**
 * Within one queue, nobody further back is told a shorter wait (or a lower or higher bound) than
 * someone ahead of them, and a newcomer joining now (behind everyone at normal priority) is told at
 * least what the last person waiting is. Why enforced at publication: sampled futures and per-queue
 * calibration are each right on average but noisy per person, and one visible contradiction costs
 * every number its credibility. A running maximum in calling order is the smallest change that holds it.
 */
export function monotoneWithinQueues(
  waiting: readonly QueuedVisit[],
  visits: Readonly<Record<string, WaitEstimate | null>>,
  queues: Readonly<Record<string, WaitEstimate | null>>,
  policy?: CallPolicy,
): { visits: Record<string, WaitEstimate | null>; queues: Record<string, WaitEstimate | null> } {
  const outVisits: Record<string, WaitEstimate | null> = { ...visits };
  const floorOf = new Map<string, WaitEstimate>();
  for (const visit of [...waiting].sort((a, b) => compareForCalling(a, b, policy))) {
    const own = visits[visit.id];
    if (!own) continue;
    const floor = floorOf.get(visit.queueId);
    const raised = floor ? atLeast(keepInsideRange(own), floor) : keepInsideRange(own);
    outVisits[visit.id] = raised;
    floorOf.set(visit.queueId, raised);
  }
  const outQueues: Record<string, WaitEstimate | null> = { ...queues };
  for (const [queueId, estimate] of Object.entries(queues)) {
    const floor = floorOf.get(queueId);
    outQueues[queueId] = estimate ? (floor ? atLeast(keepInsideRange(estimate), floor) : keepInsideRange(estimate)) : estimate;
  }
  return { visits: outVisits, queues: outQueues };
}

function atLeast(estimate: WaitEstimate, floor: WaitEstimate): WaitEstimate {
  return {
    expectedSeconds: Math.max(estimate.expectedSeconds, floor.expectedSeconds),
    lowSeconds: Math.max(estimate.lowSeconds, floor.lowSeconds),
    highSeconds: Math.max(estimate.highSeconds, floor.highSeconds),
  };
}
