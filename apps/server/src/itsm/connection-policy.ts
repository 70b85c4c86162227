import { ItsmError, type ItsmAdapter } from '@walkup/itsm';
import { createAdaptiveLimit, type CallOutcome } from './adaptive-limit.ts';
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, TaskCancelledError, TimeoutStrategy, circuitBreaker, handleWhen, timeout, wrap } from 'cockatiel';

export interface PolicyOptions {
  /** Upper bound for one adapter operation (which may be several HTTP requests). */
  operationTimeoutMs: number;
  /** Consecutive failures that open the breaker. */
  breakerThreshold: number;
  /** How long an open breaker waits before letting one trial call through. */
  breakerHalfOpenMs: number;
  /** Most operations in flight on one connection; the adaptive limit stays at or below it. */
  maxConcurrency?: number;
  /** Operations quicker than this never count as slow when the limit adapts (default 1 000 ms). */
  slowCallMs?: number;
}

export type { ItsmBreakerState as BreakerState } from '@walkup/protocol';
import type { ItsmBreakerState as BreakerState } from '@walkup/protocol';

/** Raised instead of calling the ITSM while it asked us to wait (429 / Retry-After for the whole connection). */
export class ConnectionPausedError extends Error {
  constructor(readonly untilMs: number) {
    super('ITSM asked to slow down; waiting for its rate limit to reset');
  }
}

/**
 * Resilience around one ITSM connection, shared by every visit using it: an adaptive concurrency
 * limit (a slow ITSM gets fewer calls at once instead of timeouts), an aggressive timeout on each
 * operation, counted from when it may start, and a circuit breaker, so an ITSM that is down costs
 * one trial call per half-open period instead of one per visit. Retries are not here: their waits
 * live in the database.
 */
export function createConnectionPolicy(adapter: ItsmAdapter, options: PolicyOptions, nowMs: () => number) {
  // Permanent answers (400, 403, 404, 422) prove the ITSM is up: they must not open the breaker.
  const countsAsOutage = handleWhen((error) => !(error instanceof ItsmError && (error.permanent || error.status === 429)));
  const breaker = circuitBreaker(countsAsOutage, { halfOpenAfter: options.breakerHalfOpenMs, breaker: new ConsecutiveBreaker(options.breakerThreshold) });
  const policy = wrap(breaker, timeout(options.operationTimeoutMs, TimeoutStrategy.Aggressive));
  let pausedUntil = 0;
  const limit = createAdaptiveLimit({ initial: 2, max: options.maxConcurrency ?? 8, slowCallMs: options.slowCallMs ?? 1_000 });
  // Timeouts and outages say the ITSM has too much to do; refusals and 429 (paused anyway) say nothing about load.
  const outcomeOf = (error: unknown): CallOutcome =>
    error instanceof TaskCancelledError || (error instanceof ItsmError && !error.permanent && error.status !== 429) ? 'overloaded' : 'neutral';

  return {
    name: adapter.connectionName ?? adapter.vendor,
    vendor: adapter.vendor,
    adapter,
    async run<T>(operation: () => Promise<T>): Promise<T> {
      if (pausedUntil > nowMs()) throw new ConnectionPausedError(pausedUntil);
      try {
        return await limit.run(() => policy.execute(operation), outcomeOf);
      } catch (error) {
        if (error instanceof ItsmError && error.status === 429) {
          pausedUntil = nowMs() + (error.retryAfterSeconds ?? 1) * 1000;
        }
        if (error instanceof TaskCancelledError) {
          throw new ItsmError(`${adapter.vendor} did not answer within ${options.operationTimeoutMs} ms`, false, null);
        }
        throw error;
      }
    },
    /** Operations this connection currently allows at once. */
    concurrencyLimit(): number {
      return limit.limit;
    },
    breakerState(): BreakerState {
      const states: Record<CircuitState, BreakerState> = {
        [CircuitState.Closed]: 'closed',
        [CircuitState.Open]: 'open',
        [CircuitState.HalfOpen]: 'half_open',
        [CircuitState.Isolated]: 'isolated',
      };
      return states[breaker.state];
    },
  };
}

export type ConnectionPolicy = ReturnType<typeof createConnectionPolicy>;

export function isBreakerOpen(error: unknown): boolean {
  return error instanceof BrokenCircuitError;
}

/** Exponential backoff with full jitter (AWS architecture blog), never sooner than the ITSM asked. */
export function retryDelayMs(attempt: number, retryAfterSeconds: number | null, base: number, cap: number, random: () => number): number {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  const jittered = Math.max(100, Math.floor(random() * ceiling));
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}
