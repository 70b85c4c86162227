import { localMs } from './zone-offset.ts';

/**
 * How much a past observation counts for a prediction made now: recent days count more (a desk's
 * pace drifts: new staff, a rollout week), and so does the same time of day (the 9 am rush is not the
 * quiet 3 pm). A floor keeps other hours in play so a sparse hour still has data.
 */
export interface SampleWeighting {
  halfLifeDays: number;
  timeOfDayWidthHours: number;
  /** Share of weight kept by an observation at the opposite time of day. */
  otherHoursFloor: number;
  /** Offset of the site's local time from UTC, so "time of day" means the desk's clock. */
  utcOffsetMinutes: number;
  /** The site's time zone: when given, the offset is that of each instant (daylight saving), not the fixed one. */
  timeZone?: string;
}

export const defaultSampleWeighting: SampleWeighting = {
  halfLifeDays: 14,
  timeOfDayWidthHours: 2,
  otherHoursFloor: 0.25,
  utcOffsetMinutes: 0,
};

const dayMs = 86_400_000;

function hourOfDay(atMs: number, weighting: SampleWeighting): number {
  const local = localMs(weighting, atMs);
  return (((local % dayMs) + dayMs) % dayMs) / 3_600_000;
}

export function sampleWeight(sampleAtMs: number, nowMs: number, weighting: SampleWeighting): number {
  const ageDays = Math.max(0, nowMs - sampleAtMs) / dayMs;
  const recency = Math.pow(0.5, ageDays / weighting.halfLifeDays);
  const raw = Math.abs(hourOfDay(sampleAtMs, weighting) - hourOfDay(nowMs, weighting));
  const hours = Math.min(raw, 24 - raw);
  const z = hours / weighting.timeOfDayWidthHours;
  const sameHour = weighting.otherHoursFloor + (1 - weighting.otherHoursFloor) * Math.exp(-0.5 * z * z);
  return recency * sameHour;
}
