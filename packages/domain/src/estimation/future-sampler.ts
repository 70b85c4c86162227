import { compareForCalling } from '../call-policy.ts';
import { priorServiceShape } from './prior-shape.ts';
import { DurationDistribution } from './duration-distribution.ts';
import type { EstimatorInput, EstimatorVisit } from './estimator-types.ts';
import { FutureArrivals } from './future-arrivals.ts';
import { createRandom } from './random.ts';
import { prepareSlots, type PreparedSlot } from './slot-preparation.ts';

/**
 * Sampled futures of the site: `waits[v * runs + r]` is when (seconds from now) visitor v is called in
 * run r, NaN when nobody on duty reaches them; `joinWaits[q * runs + r]` is when a newcomer joining
 * queue q now would be called.
 */
export interface SampledFutures {
  runs: number;
  order: readonly EstimatorVisit[];
  waits: Float64Array;
  queueIds: readonly string[];
  joinWaits: Float64Array;
}

/** Used when no learned distribution is given: the same prior shape as the service-time model. */
const priorShape = new DurationDistribution(priorServiceShape(20).map((value) => ({ value, weight: 1 })));

function distributionFor(input: EstimatorInput): (categoryId: string) => DurationDistribution {
  const known = new Map<string, DurationDistribution>();
  return (categoryId) => {
    let found = known.get(categoryId);
    if (!found) {
      found = input.serviceDistribution?.(categoryId) ?? scaled(priorShape, input.serviceSeconds(categoryId));
      known.set(categoryId, found);
    }
    return found;
  };
}

function scaled(shape: DurationDistribution, mean: number): DurationDistribution {
  const points = Array.from({ length: 20 }, (_, i) => ({ value: shape.quantile((i + 0.5) / 20) * mean, weight: 1 }));
  return new DurationDistribution(points);
}

/**
 * Replays the call-next policy forward, many times, with service durations drawn from the learned
 * distributions: whenever a technician is free they call the first visitor, in calling order, among
 * the queues they serve. Sampling (rather than one run with average durations) matters: with five
 * busy technicians the first desk frees up far sooner than the average service time, and the spread
 * of the runs is the honest range to show.
 *
 * A visitor's own call time only depends on who is ahead, so it is recorded even in runs where they
 * gave up; they are then skipped for the people behind them. Who is ahead includes people not here yet:
 * future arrivals who rank before someone waiting (see future-arrivals.ts) are drawn in each run.
 */
export function sampleFutures(input: EstimatorInput): SampledFutures {
  const runs = Math.max(1, Math.round(input.samples ?? 100));
  const order = [...input.waiting].sort((a, b) => compareForCalling(a, b, input.callPolicy));
  const queueIds = [...new Set([...input.queueIds, ...order.map((v) => v.queueId)])];
  const queueIndex = new Map(queueIds.map((id, i) => [id, i]));
  const members: number[][] = queueIds.map(() => []);
  order.forEach((v, i) => members[queueIndex.get(v.queueId)!]!.push(i));

  const service = distributionFor(input);
  const visitService = order.map((v) => service(v.categoryId));
  const visitHazard = order.map((v) => input.abandonmentPerSecond?.(v.queueId) ?? 0);
  const visitNoShow = order.map((v) => input.noShow?.(v.queueId) ?? { probability: 0, seconds: 0 });
  const rank = rankingOf(order, input);
  const slots = prepareSlots(input, queueIndex, service);
  const delay = input.pickupDelay;
  const random = createRandom(input.seed ?? 1);
  const queueService = (queueId: string) =>
    input.queueServiceDistribution?.(queueId) ?? scaled(priorShape, input.queueServiceSeconds(queueId));
  const arrivals = new FutureArrivals(input, queueIndex, queueService, random);
  const streamsByQueue = arrivals.streamsByQueue(queueIds.length);
  const slotStreams = slots.map((slot) => slot.queues.flatMap((q) => streamsByQueue[q]!));

  const n = order.length;
  const waits = new Float64Array(n * runs).fill(Number.NaN);
  const joinWaits = new Float64Array(queueIds.length * runs).fill(Number.NaN);
  const state = new RunState(slots.length, queueIds.length, n);

  for (let r = 0; r < runs; r++) {
    state.reset(slots, random);
    arrivals.reset();
    let remaining = n;
    for (let v = 0; v < n; v++) state.patience[v] = visitHazard[v]! > 0 ? -Math.log(1 - random()) / visitHazard[v]! : Infinity;
    for (;;) {
      const s = state.earliestSlot();
      if (s < 0) break;
      const slot = slots[s]!;
      const t = state.freeAt[s]!;
      if (t >= slot.offAtSeconds) {
        state.open[s] = 0;
        continue;
      }
      const appointment = slot.appointments[state.nextAppointment[s]!];
      if (appointment && appointment.startSeconds <= t) {
        state.nextAppointment[s]!++;
        state.freeAt[s] = t + appointment.seconds;
        continue;
      }
      const v = state.bestCandidate(slot.queues, members);
      const c = arrivals.best(slotStreams[s]!, t);
      if (c >= 0 && (v < 0 || arrivals.ranksBefore(c, rank.tier[v]!, rank.key[v]!))) {
        // Someone who arrived after now is called first; a normal newcomer joining now would already
        // have been called if they rank behind them.
        if (!arrivals.ranksBefore(c, 0, 0)) state.markIdle(s, t);
        state.freeAt[s] = t + arrivals.take(c) + (delay ? delay.remaining(0, random()) : 0);
        continue;
      }
      if (v < 0) {
        state.markIdle(s, t);
        // While others still wait, a technician whose queues are empty takes later overtaking arrivals,
        // which spares technicians they share queues with.
        const next = remaining > 0 ? arrivals.nextAfter(slotStreams[s]!, t) : Infinity;
        if (next < slot.offAtSeconds) state.freeAt[s] = next;
        else state.open[s] = 0;
        continue;
      }
      waits[v * runs + r] = t;
      state.gone[v] = 1;
      remaining--;
      if (state.patience[v]! < t) continue;
      const noShow = visitNoShow[v]!;
      const u = random();
      const duration = u < noShow.probability ? noShow.seconds : visitService[v]!.quantile(random());
      state.freeAt[s] = t + duration + (delay ? delay.remaining(0, random()) : 0);
    }
    slots.forEach((slot, s) => {
      if (state.open[s] && state.freeAt[s]! < slot.offAtSeconds) state.markIdle(s, state.freeAt[s]!);
      for (const q of slot.queues) {
        const current = joinWaits[q * runs + r]!;
        const idle = state.idleAt[s]!;
        if (Number.isFinite(idle) && !(current <= idle)) joinWaits[q * runs + r] = idle;
      }
    });
  }
  return { runs, order, waits, queueIds, joinWaits };
}

/**
 * Each waiting visitor's place in the calling order as a (tier, key) pair an arrival can be compared
 * with: strict priority is the tier; otherwise the head start is folded into the key (seconds from now).
 */
function rankingOf(order: readonly EstimatorVisit[], input: EstimatorInput): { tier: Float64Array; key: Float64Array } {
  const headStart = input.callPolicy?.priorityHeadStartSeconds;
  const tier = new Float64Array(order.length);
  const key = new Float64Array(order.length);
  order.forEach((v, i) => {
    const checkedIn = (Date.parse(v.checkedInAt) - input.nowMs) / 1000;
    tier[i] = headStart === undefined ? v.priority : 0;
    key[i] = headStart === undefined ? checkedIn : checkedIn - v.priority * headStart;
  });
  return { tier, key };
}

/** Per-run scratch arrays, reused across runs so a recompute allocates once. */
class RunState {
  readonly freeAt: Float64Array;
  readonly idleAt: Float64Array;
  readonly open: Uint8Array;
  readonly nextAppointment: Int32Array;
  readonly head: Int32Array;
  readonly gone: Uint8Array;
  readonly patience: Float64Array;

  constructor(slotCount: number, queueCount: number, visitCount: number) {
    this.freeAt = new Float64Array(slotCount);
    this.idleAt = new Float64Array(slotCount);
    this.open = new Uint8Array(slotCount);
    this.nextAppointment = new Int32Array(slotCount);
    this.head = new Int32Array(queueCount);
    this.gone = new Uint8Array(visitCount);
    this.patience = new Float64Array(visitCount);
  }

  reset(slots: readonly PreparedSlot[], random: () => number): void {
    slots.forEach((slot, s) => {
      this.freeAt[s] = slot.firstFreeAt(random);
      this.open[s] = 1;
      this.idleAt[s] = Infinity;
      this.nextAppointment[s] = 0;
    });
    this.head.fill(0);
    this.gone.fill(0);
  }

  earliestSlot(): number {
    let best = -1;
    for (let s = 0; s < this.freeAt.length; s++) {
      if (this.open[s] && (best < 0 || this.freeAt[s]! < this.freeAt[best]!)) best = s;
    }
    return best;
  }

  /** The first moment this technician would have called a normal newcomer joining now. */
  markIdle(s: number, t: number): void {
    if (t < this.idleAt[s]!) this.idleAt[s] = t;
  }

  /** The first visitor in calling order among the heads of these queues (order index = rank). */
  bestCandidate(queues: readonly number[], members: readonly number[][]): number {
    let best = -1;
    for (const q of queues) {
      const list = members[q]!;
      let h = this.head[q]!;
      while (h < list.length && this.gone[list[h]!]) h++;
      this.head[q] = h;
      const candidate = h < list.length ? list[h]! : -1;
      if (candidate >= 0 && (best < 0 || candidate < best)) best = candidate;
    }
    return best;
  }
}
