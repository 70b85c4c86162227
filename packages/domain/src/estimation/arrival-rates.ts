import { localMs, type LocalClock } from './zone-offset.ts';
import type { EstimatorArrivals } from './estimator-types.ts';

const dayMs = 86_400_000;
const hourMs = 3_600_000;
/** Days of history the time-of-day profile looks at, and how fast an old day fades. */
const keepDays = 28;
const halfLifeDays = 14;
/** Window and prior strength (in expected arrivals) of today's level against the usual profile. */
const levelWindowMs = hourMs;
const levelPriorArrivals = 10;

interface ArrivalClass {
  queueId: string;
  priority: number;
  /** Arrivals per local day and hour of day. */
  days: Map<number, Float64Array>;
  /** Hourly profile (arrivals per second) from the days before `profileDay`. */
  profile: Float64Array | null;
  profileDay: number;
}

/**
 * How many visitors join each queue at each priority, learned from check-ins: a time-of-day profile
 * (the same hour on recent open days, recent days counting more) scaled by today's level. Why the
 * level: a quiet Friday or a rollout Monday differs from the average day by a factor that holds for
 * hours; it is today's arrivals over the last hour against what the profile expected then, shrunk
 * toward 1 (a gamma prior worth `levelPriorArrivals`) so a handful of arrivals cannot swing it.
 * Why only open days: a closed weekend has no arrivals because nobody could come, not because the
 * hour is quiet.
 */
export class ArrivalRateModel {
  private readonly classes = new Map<string, ArrivalClass>();
  /** All arrivals per local day and hour, and the times of the last hour's, for the level. */
  private readonly siteDays = new Map<number, Float64Array>();
  private readonly recentMs: number[] = [];

  constructor(private readonly clock: LocalClock = { utcOffsetMinutes: 0 }) {}

  record(queueId: string, priority: number, atMs: number): void {
    const key = `${queueId}\u0000${priority}`;
    let found = this.classes.get(key);
    if (!found) this.classes.set(key, (found = { queueId, priority, days: new Map(), profile: null, profileDay: Number.NaN }));
    const local = localMs(this.clock, atMs);
    const day = Math.floor(local / dayMs);
    const hour = Math.floor((local - day * dayMs) / hourMs);
    countInto(found.days, day, hour);
    countInto(this.siteDays, day, hour);
    for (const map of [found.days, this.siteDays]) for (const d of map.keys()) if (d <= day - keepDays) map.delete(d);
    this.recentMs.push(atMs);
    while (this.recentMs.length > 0 && this.recentMs[0]! <= atMs - levelWindowMs) this.recentMs.shift();
  }

  /** Expected arrivals per second of one queue and priority at `atMs`, as seen at `nowMs`. */
  perSecond(queueId: string, priority: number, atMs: number, nowMs: number): number {
    const found = this.classes.get(`${queueId}\u0000${priority}`);
    return found ? this.rateOf(found, nowMs, this.level(nowMs))(atMs) : 0;
  }

  /** Forecasts for the classes that can pass someone already waiting (priority above zero). */
  forecast(nowMs: number): EstimatorArrivals[] {
    const level = this.level(nowMs);
    return [...this.classes.values()]
      .filter((c) => c.priority > 0)
      .map((c) => {
        const rate = this.rateOf(c, nowMs, level);
        return { queueId: c.queueId, priority: c.priority, perSecond: (s: number) => rate(nowMs + s * 1000) };
      });
  }

  /** The rate of one class over time; before a full day of history, this hour's count so far. */
  private rateOf(c: ArrivalClass, nowMs: number, level: number): (atMs: number) => number {
    const profile = this.profileOf(c, nowMs);
    if (!profile) {
      const sofar = this.recentCount(nowMs, c) / (levelWindowMs / 1000);
      return () => sofar;
    }
    return (atMs) => this.hourly(profile, atMs) * level;
  }

  /** Today's arrivals against the usual profile over the last hour, shrunk toward 1. */
  level(nowMs: number): number {
    let expected = 0;
    for (const c of this.classes.values()) {
      const profile = this.profileOf(c, nowMs);
      if (!profile) continue;
      // The profile is per second; a few points across the window are plenty for an hourly profile.
      for (let i = 0; i < 4; i++) expected += this.hourly(profile, nowMs - ((i + 0.5) / 4) * levelWindowMs) * (levelWindowMs / 4000);
    }
    const observed = this.recentCount(nowMs);
    return (observed + levelPriorArrivals) / (expected + levelPriorArrivals);
  }

  private recentCount(nowMs: number, only?: ArrivalClass): number {
    if (!only) return this.recentMs.filter((at) => at > nowMs - levelWindowMs && at <= nowMs).length;
    const local = localMs(this.clock, nowMs);
    const day = Math.floor(local / dayMs);
    const hour = Math.floor((local - day * dayMs) / hourMs);
    return only.days.get(day)?.[hour] ?? 0;
  }

  /** Mean arrivals per second by hour over the open days before today, recent days counting more. */
  private profileOf(c: ArrivalClass, nowMs: number): Float64Array | null {
    const today = Math.floor(localMs(this.clock, nowMs) / dayMs);
    if (c.profileDay === today) return c.profile;
    const sum = new Float64Array(24);
    let weight = 0;
    for (const [day, siteCounts] of this.siteDays) {
      if (day >= today || day <= today - keepDays || !siteCounts.some((x) => x > 0)) continue;
      const w = Math.pow(0.5, (today - day) / halfLifeDays);
      weight += w;
      const counts = c.days.get(day);
      if (counts) for (let h = 0; h < 24; h++) sum[h] = sum[h]! + (w * counts[h]!) / 3600;
    }
    c.profile = weight > 0 ? sum.map((x) => x / weight) : null;
    c.profileDay = today;
    return c.profile;
  }

  /** The hourly profile read at a time, linear between the middles of the hours. */
  private hourly(profile: Float64Array, atMs: number): number {
    const local = localMs(this.clock, atMs);
    const hour = (((local % dayMs) + dayMs) % dayMs) / hourMs - 0.5;
    const lo = Math.floor(hour);
    const f = hour - lo;
    return profile[(lo + 24) % 24]! * (1 - f) + profile[(lo + 25) % 24]! * f;
  }
}

function countInto(days: Map<number, Float64Array>, day: number, hour: number): void {
  let counts = days.get(day);
  if (!counts) days.set(day, (counts = new Float64Array(24)));
  counts[hour]!++;
}
