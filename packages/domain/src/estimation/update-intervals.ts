import { AdaptiveInterval, fewestResidualsForRange } from './adaptive-interval.ts';

/**
 * From this much waiting on, an estimate is a later update: the kiosk's reply and a queue's "if you
 * join now" figure are at joining (waited 0).
 */
export const updateAfterSeconds = 1;

/**
 * Progress through the wait (waited / (waited + expected still to wait)) splitting later updates into
 * groups with a range of their own: early in a long wait, half-way, near the call.
 */
const progressBounds = [1 / 3, 2 / 3];

/** Which group an update belongs to, from the time waited and the (calibrated) time still expected. */
export function progressGroupOf(waitedSeconds: number, expectedSeconds: number): number {
  const progress = waitedSeconds / Math.max(1, waitedSeconds + expectedSeconds);
  return progressBounds.filter((bound) => progress >= bound).length;
}

/**
 * The range of later updates: adaptive conformal intervals (see AdaptiveInterval) learned from the
 * residuals of updates, one group per stretch of the wait (Mondrian conformal prediction: each group
 * is calibrated on its own residuals), with all updates pooled while a group is young.
 *
 * Why apart from the range at joining: the at-join residuals say little of a remaining wait, whose
 * errors are of another size and shape (near the call, the simulation's spread is a few seconds while
 * the real remaining wait still hangs on a technician's pickup; early in a long wait it is the other
 * way round): the at-join range covered 80% at joining but 68% of the updates a visitor read later.
 * Why by progress: within one pooled range, early updates were over-covered and late ones under.
 */
export class UpdateIntervals {
  private readonly pooled = new AdaptiveInterval(fewestResidualsForRange);
  private readonly groups = [...progressBounds, 1].map(() => new AdaptiveInterval(fewestResidualsForRange));

  /** Updates learned from so far. */
  recorded = 0;

  /** The interval for an update (null while not even the pooled one is ready). */
  intervalFor(waitedSeconds: number, expectedSeconds: number): AdaptiveInterval | null {
    const group = this.groups[progressGroupOf(waitedSeconds, expectedSeconds)]!;
    if (group.ready) return group;
    return this.pooled.ready ? this.pooled : null;
  }

  /**
   * Learns from one update: the calibrated point and the simulation's spread as they would be given
   * now for an estimate made after `waitedSeconds` of waiting, and the wait that was really left then.
   */
  record(expected: number, scale: number, remainingSeconds: number, waitedSeconds: number): void {
    this.groups[progressGroupOf(waitedSeconds, expected)]!.record(expected, scale, remainingSeconds);
    this.pooled.record(expected, scale, remainingSeconds);
    this.recorded++;
  }
}
