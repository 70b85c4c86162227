import type { DurationDistribution } from './duration-distribution.ts';
import type { EstimatorInput, NoShowRate } from './estimator-types.ts';

/** One stream of future visitors (a queue and priority) as the sampler sees it. */
interface PreparedStream {
  queue: number;
  /** Strict priority tier (0 under a head-start policy, where the head start is in the key instead). */
  tier: number;
  /** Seconds subtracted from the arrival time to rank it (the head start). */
  headStart: number;
  /** Arrivals per second in consecutive steps from now; none after the horizon. */
  rates: Float64Array;
  stepSeconds: number;
  horizon: number;
  service: DurationDistribution;
  hazard: number;
  noShow: NoShowRate;
}

/**
 * Why stop at a horizon: under strict priority an arrival hours from now still overtakes, but the
 * rate forecast is a guess by then and nobody still waiting would trust an estimate that far out.
 * Under a head-start policy the horizon is the head start itself: someone arriving later ranks behind
 * everyone waiting now (and behind a normal newcomer), so cannot change any shown estimate.
 */
const strictHorizonSeconds = 4 * 3600;
const stepSeconds = 300;

/**
 * Future arrivals who may overtake people waiting now (a priority-1 password reset walking in after a
 * priority-0 visitor; a bank caller with a 90 s head start), drawn lazily per run as a Poisson process
 * whose rate follows the learned time-of-day profile. Arrivals ranked behind everyone waiting are
 * never drawn: they cannot change anyone's call time.
 */
export class FutureArrivals {
  readonly streams: PreparedStream[] = [];
  private nextAt = new Float64Array(0);
  private pending: number[][] = [];
  private patience: number[][] = [];
  private head = new Int32Array(0);

  constructor(
    input: EstimatorInput,
    queueIndex: ReadonlyMap<string, number>,
    service: (queueId: string) => DurationDistribution,
    private readonly random: () => number,
  ) {
    const headStart = input.callPolicy?.priorityHeadStartSeconds;
    for (const arrivals of input.arrivals ?? []) {
      const queue = queueIndex.get(arrivals.queueId);
      if (queue === undefined || !(arrivals.priority > 0)) continue;
      const horizon = headStart === undefined ? strictHorizonSeconds : Math.min(strictHorizonSeconds, arrivals.priority * headStart);
      const step = Math.min(stepSeconds, horizon);
      const steps = Math.max(0, Math.ceil(horizon / step - 1e-9));
      const rates = new Float64Array(steps);
      for (let i = 0; i < steps; i++) rates[i] = Math.max(0, arrivals.perSecond(Math.min(horizon, (i + 0.5) * step)));
      if (!rates.some((r) => r > 0)) continue;
      this.streams.push({
        queue,
        tier: headStart === undefined ? arrivals.priority : 0,
        headStart: headStart === undefined ? 0 : arrivals.priority * headStart,
        rates,
        stepSeconds: step,
        horizon,
        service: service(arrivals.queueId),
        hazard: input.abandonmentPerSecond?.(arrivals.queueId) ?? 0,
        noShow: input.noShow?.(arrivals.queueId) ?? { probability: 0, seconds: 0 },
      });
    }
    this.nextAt = new Float64Array(this.streams.length);
    this.head = new Int32Array(this.streams.length);
    this.pending = this.streams.map(() => []);
    this.patience = this.streams.map(() => []);
  }

  /** Streams feeding each queue index. */
  streamsByQueue(queueCount: number): number[][] {
    const byQueue: number[][] = Array.from({ length: queueCount }, () => []);
    this.streams.forEach((stream, c) => byQueue[stream.queue]!.push(c));
    return byQueue;
  }

  reset(): void {
    this.streams.forEach((_, c) => {
      this.pending[c]!.length = 0;
      this.patience[c]!.length = 0;
      this.head[c] = 0;
      this.nextAt[c] = this.drawAfter(c, 0);
    });
  }

  /** The stream whose first arrival still waiting at `t` ranks best among `streams`, or -1. */
  best(streams: readonly number[], t: number): number {
    let best = -1;
    for (const c of streams) {
      this.admit(c, t);
      const list = this.pending[c]!;
      let h = this.head[c]!;
      while (h < list.length && this.patience[c]![h]! < t) h++;
      this.head[c] = h;
      if (h < list.length && (best < 0 || this.ranksBefore(c, this.tierOf(best), this.keyOf(best)))) best = c;
    }
    return best;
  }

  tierOf(c: number): number {
    return this.streams[c]!.tier;
  }

  /** Ranking key of the stream's first waiting arrival: arrival time less the head start. */
  keyOf(c: number): number {
    return this.pending[c]![this.head[c]!]! - this.streams[c]!.headStart;
  }

  /** Whether stream c's first waiting arrival is called before someone of this tier and key. */
  ranksBefore(c: number, tier: number, key: number): boolean {
    const own = this.tierOf(c);
    return own > tier || (own === tier && this.keyOf(c) < key);
  }

  /** Calls stream c's first waiting arrival; returns how long they keep the technician. */
  take(c: number): number {
    this.head[c]!++;
    const stream = this.streams[c]!;
    if (this.random() < stream.noShow.probability) return stream.noShow.seconds;
    return stream.service.quantile(this.random());
  }

  /** When the next arrival in any of `streams` comes after `t`; Infinity when none before the horizon. */
  nextAfter(streams: readonly number[], t: number): number {
    let next = Infinity;
    for (const c of streams) {
      this.admit(c, t);
      if (this.nextAt[c]! < next) next = this.nextAt[c]!;
    }
    return next;
  }

  private admit(c: number, t: number): void {
    const stream = this.streams[c]!;
    while (this.nextAt[c]! <= t) {
      const at = this.nextAt[c]!;
      this.pending[c]!.push(at);
      this.patience[c]!.push(stream.hazard > 0 ? at - Math.log(1 - this.random()) / stream.hazard : Infinity);
      this.nextAt[c] = this.drawAfter(c, at);
    }
  }

  /** Next event of a Poisson process with piecewise-constant rate, walking the cumulative hazard. */
  private drawAfter(c: number, from: number): number {
    const { rates, stepSeconds: step, horizon } = this.streams[c]!;
    let target = -Math.log(1 - this.random());
    let at = from;
    for (let i = Math.floor(from / step); i < rates.length; i++) {
      const rate = rates[i]!;
      const length = Math.min((i + 1) * step, horizon) - at;
      if (rate * length >= target) return at + target / rate;
      target -= rate * length;
      at = (i + 1) * step;
    }
    return Infinity;
  }
}
