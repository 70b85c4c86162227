import PQueue from 'p-queue';

export interface AdaptiveLimitOptions {
  /** Calls allowed at once before anything is known about the ITSM. */
  initial: number;
  /** Never more calls at once than this (the worker's parallelism). */
  max: number;
  /** A call faster than this is never "slow", however it compares to the best seen (ITSMs vary by tens of ms). */
  slowCallMs: number;
  /** How much slower than the best recent call a call may be before it counts as queueing (Netflix's gradient2 uses 1.5). */
  tolerance?: number;
}

/** What a finished call says about the ITSM's load. */
export type CallOutcome = 'ok' | 'overloaded' | 'neutral';

/**
 * A concurrency limit per ITSM connection that follows the ITSM instead of being fixed. p-queue
 * (already used by the estimator) queues the calls; this rule moves its limit, after Netflix's concurrency-limits: a call much
 * slower than the best recent one means requests queue inside the ITSM (gradient), so the limit
 * shrinks a little; a timeout or a 5xx halves it (AIMD's multiplicative decrease); a quick call while
 * the limit is in use adds one. A single-threaded Request Tracker settles at one or two calls at a
 * time and stays slow but up; a fast ServiceNow climbs to `max`.
 */
export function createAdaptiveLimit(options: AdaptiveLimitOptions) {
  const tolerance = options.tolerance ?? 1.5;
  const limiter = new PQueue({ concurrency: Math.max(1, Math.min(options.initial, options.max)) });
  let estimate = limiter.concurrency;
  let bestRecentMs = Infinity;

  function record(latencyMs: number, outcome: CallOutcome, inFlight: number): void {
    if (outcome === 'neutral') return;
    if (outcome === 'overloaded') estimate = Math.max(1, estimate / 2);
    else {
      // The best recent latency drifts up slowly, so an ITSM that became slower for good is learnt.
      bestRecentMs = Math.min(latencyMs, bestRecentMs === Infinity ? latencyMs : bestRecentMs + (latencyMs - bestRecentMs) * 0.02);
      const queueing = latencyMs > options.slowCallMs && latencyMs > bestRecentMs * tolerance;
      if (queueing) estimate = Math.max(1, estimate * 0.9);
      // Grow only when the limit is what holds calls back, as TCP grows its window only when it is used.
      else if (inFlight * 2 >= estimate) estimate = Math.min(options.max, estimate + 1);
    }
    limiter.concurrency = Math.max(1, Math.floor(estimate));
  }

  return {
    /** Runs `call` when a slot is free; `classify` tells how its outcome should move the limit. */
    async run<T>(call: () => Promise<T>, classify: (error: unknown) => CallOutcome): Promise<T> {
      return limiter.add(async () => {
        const started = performance.now();
        const inFlight = limiter.pending;
        try {
          const result = await call();
          record(performance.now() - started, 'ok', inFlight);
          return result;
        } catch (error) {
          record(performance.now() - started, classify(error), inFlight);
          throw error;
        }
      });
    },
    get limit(): number {
      return limiter.concurrency;
    },
    get waiting(): number {
      return limiter.size;
    },
  };
}

export type AdaptiveLimit = ReturnType<typeof createAdaptiveLimit>;
