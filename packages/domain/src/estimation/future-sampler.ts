import { compareForCalling } from '../call-policy.ts';
import { DurationDistribution } from './duration-distribution.ts';
import type { EstimatorInput, EstimatorVisit } from './estimator-types.ts';
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

const exponentialShape = new DurationDistribution(
  Array.from({ length: 20 }, (_, i) => ({ value: -Math.log(1 - (i + 0.5) / 20), weight: 1 })),
);

function distributionFor(input: EstimatorInput): (categoryId: string) => DurationDistribution {
  const known = new Map<string, DurationDistribution>();
  return (categoryId) => {
    let found = known.get(categoryId);
    if (!found) {
      found = input.serviceDistribution?.(categoryId) ?? scaled(exponentialShape, input.serviceSeconds(categoryId));
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
 * gave up; they are then skipped for the people behind them.
 */
export function sampleFutures(input: EstimatorInput): SampledFutures {
  const runs = Math.max(1, Math.round(input.samples ?? 100));
  const order = [...input.waiting].sort(compareForCalling);
  const queueIds = [...new Set([...input.queueIds, ...order.map((v) => v.queueId)])];
  const queueIndex = new Map(queueIds.map((id, i) => [id, i]));
  const members: number[][] = queueIds.map(() => []);
  order.forEach((v, i) => members[queueIndex.get(v.queueId)!]!.push(i));

  const service = distributionFor(input);
  const visitService = order.map((v) => service(v.categoryId));
  const visitHazard = order.map((v) => input.abandonmentPerSecond?.(v.queueId) ?? 0);
  const visitNoShow = order.map((v) => input.noShow?.(v.queueId) ?? { probability: 0, seconds: 0 });
  const slots = prepareSlots(input, queueIndex, service);
  const delay = input.pickupDelay;

  const n = order.length;
  const waits = new Float64Array(n * runs).fill(Number.NaN);
  const joinWaits = new Float64Array(queueIds.length * runs).fill(Number.NaN);
  const random = createRandom(input.seed ?? 1);
  const state = new RunState(slots.length, queueIds.length, n);

  for (let r = 0; r < runs; r++) {
    state.reset(slots, random);
    for (let v = 0; v < n; v++) state.patience[v] = visitHazard[v]! > 0 ? -Math.log(1 - random()) / visitHazard[v]! : Infinity;
    for (;;) {
      const s = state.earliestSlot();
      if (s < 0) break;
      const slot = slots[s]!;
      const t = state.freeAt[s]!;
      if (t >= slot.offAtSeconds) {
        state.close(s, Infinity);
        continue;
      }
      const appointment = slot.appointments[state.nextAppointment[s]!];
      if (appointment && appointment.startSeconds <= t) {
        state.nextAppointment[s]!++;
        state.freeAt[s] = t + appointment.seconds;
        continue;
      }
      const v = state.bestCandidate(slot.queues, members);
      if (v < 0) {
        state.close(s, t);
        continue;
      }
      waits[v * runs + r] = t;
      state.gone[v] = 1;
      if (state.patience[v]! < t) continue;
      const noShow = visitNoShow[v]!;
      const u = random();
      const duration = u < noShow.probability ? noShow.seconds : visitService[v]!.quantile(random());
      state.freeAt[s] = t + duration + (delay ? delay.remaining(0, random()) : 0);
    }
    slots.forEach((slot, s) => {
      if (state.open[s]) state.close(s, state.freeAt[s]! < slot.offAtSeconds ? state.freeAt[s]! : Infinity);
      for (const q of slot.queues) {
        const current = joinWaits[q * runs + r]!;
        const idle = state.idleAt[s]!;
        if (Number.isFinite(idle) && !(current <= idle)) joinWaits[q * runs + r] = idle;
      }
    });
  }
  return { runs, order, waits, queueIds, joinWaits };
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

  close(s: number, idleAt: number): void {
    this.open[s] = 0;
    this.idleAt[s] = idleAt;
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
