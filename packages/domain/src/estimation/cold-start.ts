import { compareForCalling } from '../call-policy.ts';
import type { WaitEstimate } from '../site-view.ts';
import type { EstimatorInput } from './estimator-types.ts';
import { technicianAppointments } from './slot-preparation.ts';

/** z of the 10th and 90th percentiles of a normal, the range's levels (summarize-futures.ts). */
const z90 = 1.2816;
/** A free technician still takes a moment to call: the top of the range is never below this. */
const minimumHighSeconds = 60;

export interface Waits {
  visits: Record<string, WaitEstimate | null>;
  queues: Record<string, WaitEstimate | null>;
}

/**
 * The estimate with no history at all, from what the site is configured with and sees now: the
 * expected service time of each category, the technicians on duty serving the queue (one on break
 * counts from their return) and the people ahead. Each technician takes the next person when the
 * current one's expected service ends (the call-next policy with average durations), so nobody ahead
 * and a free technician is 0, one ahead is the rest of the current service, and so on; it cannot give
 * an absurd value. The range is that of a sum of gamma(2) services (the service prior,
 * prior-shape.ts): relative spread 1 / sqrt(2 m) for m services in the way, about +-1.28 of it for
 * the 10th-90th percentiles. Null for a queue nobody on duty serves.
 */
export function coldStartWaits(input: EstimatorInput): Waits {
  const visits: Record<string, WaitEstimate | null> = {};
  const queues: Record<string, WaitEstimate | null> = {};
  const order = [...input.waiting].sort((a, b) => compareForCalling(a, b, input.callPolicy));
  const queueIds = [...new Set([...input.queueIds, ...order.map((v) => v.queueId)])];
  for (const queueId of queueIds) {
    const serving = technicianFreeTimes(input, queueId);
    const freeAt = serving.map((t) => t.readyIn);
    const servers = freeAt.length;
    const inQueue = order.filter((v) => v.queueId === queueId);
    if (servers === 0) {
      for (const visit of inQueue) visits[visit.id] = null;
      queues[queueId] = null;
      continue;
    }
    let ahead = 0;
    const booked = serving.map((t) => technicianAppointments(input, t.id));
    const next = (serviceSeconds: number) => {
      let first = freeAt.indexOf(Math.min(...freeAt));
      // A booking whose start has come takes the technician first (as in the sampled futures).
      while (booked[first]!.length > 0 && booked[first]![0]!.startSeconds <= freeAt[first]!) {
        freeAt[first] = freeAt[first]! + booked[first]!.shift()!.seconds;
        first = freeAt.indexOf(Math.min(...freeAt));
      }
      const wait = freeAt[first]!;
      freeAt[first] = wait + serviceSeconds;
      return rangeAround(wait, 1 + ahead++ / servers);
    };
    for (const visit of inQueue) visits[visit.id] = next(input.serviceSeconds(visit.categoryId));
    queues[queueId] = next(input.queueServiceSeconds(queueId));
  }
  return { visits, queues };
}

/** Seconds from now until each technician serving the queue can call someone, by expected durations. */
function technicianFreeTimes(input: EstimatorInput, queueId: string): Array<{ id: string; readyIn: number }> {
  const times: Array<{ id: string; readyIn: number }> = [];
  for (const technician of input.technicians) {
    if (!technician.queueIds.includes(queueId)) continue;
    if (technician.offAtMs !== undefined && technician.offAtMs <= input.nowMs) continue;
    let readyIn = 0;
    if (technician.status === 'break' && technician.returnsAtMs !== undefined) readyIn = Math.max(0, (technician.returnsAtMs - input.nowMs) / 1000);
    else if (technician.status !== 'available') continue;
    if (technician.current) {
      const elapsed = Math.max(0, (input.nowMs - technician.current.sinceMs) / 1000);
      const expected = input.serviceSeconds(technician.current.categoryId);
      // A service already past its expected length is expected to need a little longer, not none.
      readyIn += Math.max(expected - elapsed, expected / 10);
    }
    times.push({ id: technician.id, readyIn });
  }
  return times;
}

function rangeAround(expectedSeconds: number, servicesInTheWay: number): WaitEstimate {
  const spread = z90 / Math.sqrt(2 * servicesInTheWay);
  return {
    expectedSeconds: Math.round(expectedSeconds),
    lowSeconds: Math.round(expectedSeconds * Math.max(0, 1 - spread)),
    highSeconds: Math.round(Math.max(minimumHighSeconds, expectedSeconds * (1 + spread))),
  };
}

/**
 * Moves from the cold-start estimate to the learned one as the log grows: `learnedWeight` 0 is the
 * cold start, 1 the learner alone. A weighted mean of two ranges that each hold their expected value
 * holds it too, so no absurd pairing appears on the way. Where only one side has a number (the learner's
 * sampled futures never reached someone), that side is used.
 */
export function blendTowardLearned(cold: Waits, learned: Waits, learnedWeight: number): Waits {
  const w = Math.min(1, Math.max(0, learnedWeight));
  const mix = (a: WaitEstimate | null | undefined, b: WaitEstimate | null | undefined): WaitEstimate | null => {
    if (!a) return b ?? null;
    if (!b || w === 0) return a;
    if (w === 1) return b;
    const at = (key: 'expectedSeconds' | 'lowSeconds' | 'highSeconds') => Math.round((1 - w) * a[key] + w * b[key]);
    return { expectedSeconds: at('expectedSeconds'), lowSeconds: at('lowSeconds'), highSeconds: at('highSeconds') };
  };
  const visits: Record<string, WaitEstimate | null> = {};
  for (const id of new Set([...Object.keys(cold.visits), ...Object.keys(learned.visits)])) visits[id] = mix(cold.visits[id], learned.visits[id]);
  const queues: Record<string, WaitEstimate | null> = {};
  for (const id of new Set([...Object.keys(cold.queues), ...Object.keys(learned.queues)])) queues[id] = mix(cold.queues[id], learned.queues[id]);
  return { visits, queues };
}
