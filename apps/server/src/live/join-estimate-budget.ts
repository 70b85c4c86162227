import { performance } from 'node:perf_hooks';

/**
 * The share of the estimator's time that newcomers' at-join estimates may take. Each is a sampled
 * future of the whole site (1-5 ms with 20-200 people waiting), recorded so that the calibration can
 * later compare it with the real wait. A flood of check-ins (hundreds a second) would otherwise keep
 * the thread busy with them alone and let its message queue grow without bound; beyond this share the
 * newcomer is tracked as usual but teaches the calibration nothing, which only thins its sample.
 */
export const joinEstimateShare = 0.25;
const windowMs = 1_000;

/** Time spent on at-join estimates per one-second window; `allowed` says whether the next may run. */
export function createJoinEstimateBudget(now: () => number = () => performance.now()) {
  let windowStartedAt = now();
  let spentMs = 0;
  return {
    allowed(): boolean {
      const at = now();
      if (at - windowStartedAt >= windowMs) {
        windowStartedAt = at;
        spentMs = 0;
      }
      return spentMs < joinEstimateShare * windowMs;
    },
    /** Runs and times an at-join estimate the budget allowed. */
    spend(work: () => void): void {
      const startedAt = now();
      work();
      spentMs += now() - startedAt;
    },
  };
}
