import { DecayingRate } from './decaying-rate.ts';

/** Time from a technician being free (with someone waiting they serve) to calling them. */
export interface PickupDelay {
  /** A draw of the delay still to come for a technician already free for `elapsed` seconds. */
  remaining(elapsedSeconds: number, u: number): number;
}

/** Bucket edges in seconds since the technician became free. */
const edges = [0, 5, 15, 30, 60, 120, 300, 600, Infinity];
const dayMs = 86_400_000;

/**
 * Learns how fast free technicians call the next visitor, as a piecewise-constant hazard over "seconds
 * since free" with censoring: every second a free technician lets pass while someone they serve waits
 * is exposure, every call is an event. Why a hazard and not the mean of observed delays: when two
 * technicians are free, only the quicker one's delay is ever seen; the slower one's is censored, and
 * dropping it would make desks look faster than they are. Why by seconds since free: a technician who
 * just finished writes up notes first, and one "available" but idle for ten minutes is often away.
 */
export class PickupDelayModel implements PickupDelay {
  private readonly buckets = edges.slice(0, -1).map(() => new DecayingRate(14 * dayMs, 1, 20));

  /** A technician was free from `fromSeconds` to `toSeconds` (since becoming free) with someone waiting. */
  addExposure(fromSeconds: number, toSeconds: number, atMs: number): void {
    for (let b = 0; b < this.buckets.length; b++) {
      const overlap = Math.min(toSeconds, edges[b + 1]!) - Math.max(fromSeconds, edges[b]!);
      if (overlap > 0) this.buckets[b]!.add(0, overlap, atMs);
    }
  }

  addCall(secondsSinceFree: number, atMs: number): void {
    this.buckets[this.bucketOf(secondsSinceFree)]!.add(1, 0, atMs);
  }

  remaining(elapsedSeconds: number, u: number): number {
    // Walk the hazard from `elapsed` until the cumulative hazard reaches -ln(1 - u).
    let target = -Math.log(1 - u);
    let at = Math.max(0, elapsedSeconds);
    for (let b = this.bucketOf(at); b < this.buckets.length; b++) {
      const rate = this.buckets[b]!.rate();
      const length = edges[b + 1]! - at;
      if (rate * length >= target) return at + target / rate - elapsedSeconds;
      target -= rate * length;
      at = edges[b + 1]!;
    }
    return at - elapsedSeconds;
  }

  /** Mean delay for a technician who just became free, for display and tests. */
  meanFromFree(): number {
    const steps = 64;
    let sum = 0;
    for (let i = 0; i < steps; i++) sum += this.remaining(0, (i + 0.5) / steps);
    return sum / steps;
  }

  private bucketOf(seconds: number): number {
    let b = 0;
    while (seconds >= edges[b + 1]!) b++;
    return b;
  }
}
