import { DecayingRate } from './decaying-rate.ts';
import type { NoShowRate } from './estimator-types.ts';

const dayMs = 86_400_000;
const rateHalfLifeMs = 14 * dayMs;
/** How many recent waits make "how long people wait lately": a few busy minutes at a desk. */
const recentWaitCount = 20;

/**
 * What visitors of each queue do besides being served: give up while waiting (a rate per second of
 * waiting, so long waits are not mistaken for impatience), fail to show when called, and how long
 * the last of them waited.
 */
export class QueueBehaviour {
  private readonly abandonment = new Map<string, DecayingRate>();
  private readonly noShows = new Map<string, { rate: DecayingRate; seconds: DecayingRate }>();
  private readonly recentWaits = new Map<string, number[]>();

  /** Someone left the queue after waiting `waitedSeconds`: called, or gave up. */
  leftQueue(queueId: string, waitedSeconds: number, gaveUp: boolean, atMs: number): void {
    this.abandonmentRate(queueId).add(gaveUp ? 1 : 0, Math.max(0, waitedSeconds), atMs);
  }

  called(queueId: string, atMs: number): void {
    this.noShowRate(queueId).rate.add(0, 1, atMs);
  }

  /** A called visitor never came; the desk waited `waitedSeconds` for them. */
  noShow(queueId: string, waitedSeconds: number, atMs: number): void {
    const rate = this.noShowRate(queueId);
    rate.rate.add(1, 0, atMs);
    rate.seconds.add(waitedSeconds, 1, atMs);
  }

  /** A visitor of the queue was called after waiting `seconds`. */
  waited(queueId: string, seconds: number): void {
    const list = this.recentWaits.get(queueId) ?? [];
    list.push(seconds);
    if (list.length > recentWaitCount) list.shift();
    this.recentWaits.set(queueId, list);
  }

  /** Mean wait of the queue's last few called visitors (0 before any). */
  recentWaitSeconds(queueId: string): number {
    const list = this.recentWaits.get(queueId);
    return list && list.length > 0 ? list.reduce((s, x) => s + x, 0) / list.length : 0;
  }

  abandonmentPerSecond(queueId: string): number {
    return this.abandonmentRate(queueId).rate();
  }

  noShowOf(queueId: string): NoShowRate {
    const rate = this.noShowRate(queueId);
    return { probability: rate.rate.rate(), seconds: rate.seconds.rate() };
  }

  private abandonmentRate(queueId: string): DecayingRate {
    let found = this.abandonment.get(queueId);
    if (!found) this.abandonment.set(queueId, (found = new DecayingRate(rateHalfLifeMs, 0, 3600)));
    return found;
  }

  private noShowRate(queueId: string): { rate: DecayingRate; seconds: DecayingRate } {
    let found = this.noShows.get(queueId);
    if (!found) this.noShows.set(queueId, (found = { rate: new DecayingRate(rateHalfLifeMs, 0, 5), seconds: new DecayingRate(rateHalfLifeMs, 120, 1) }));
    return found;
  }
}
