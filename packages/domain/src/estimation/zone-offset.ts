import { tzOffset } from '@date-fns/tz';

/** Offsets change at most on quarter hours (a few zones use :30 and :45), so one look-up per quarter suffices. */
const quarterMs = 15 * 60_000;
const cacheLimit = 20_000;
const cache = new Map<string, number>();

/**
 * Minutes to add to UTC for the local time in `timeZone` at the instant `atMs`: per instant, so a
 * learner reading weeks of history across a daylight-saving change puts every arrival and service in
 * the hour the desk's clock showed (one offset frozen at start put half of them an hour off).
 */
export function zoneOffsetMinutes(timeZone: string, atMs: number): number {
  const key = `${timeZone}|${Math.floor(atMs / quarterMs)}`;
  let found = cache.get(key);
  if (found === undefined) {
    if (cache.size >= cacheLimit) cache.clear();
    found = tzOffset(timeZone, new Date(Math.floor(atMs / quarterMs) * quarterMs));
    cache.set(key, found);
  }
  return found;
}

/** Where a learner reads the desk's clock: a time zone (per instant), or a fixed offset (replays, tests). */
export interface LocalClock {
  timeZone?: string;
  utcOffsetMinutes: number;
}

/** Milliseconds of local wall-clock time at `atMs`, for day and hour arithmetic. */
export function localMs(clock: LocalClock, atMs: number): number {
  const offset = clock.timeZone ? zoneOffsetMinutes(clock.timeZone, atMs) : clock.utcOffsetMinutes;
  return atMs + offset * 60_000;
}
