import { cachedDateTimeFormat } from '../intl-cache.ts';
import { utcOffsetMinutes } from '../time-zone.ts';

/** A calendar date in a site's time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const match = localDatePattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The site-local calendar date of an instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  // en-CA formats dates as YYYY-MM-DD.
  return cachedDateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Calendar arithmetic on local dates; time zones play no part in it. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday .. 6 = Saturday, as in JavaScript's Date and the opening-hours weekdays. */
export function weekdayIndexOf(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * The instant at which the wall clock of `timeZone` shows `minutes` after midnight of `date`, or
 * null when that local time does not exist (skipped by a daylight-saving change). When a local time
 * happens twice (clocks go back), the first is taken. The offset is looked up at the instant itself,
 * not once per zone: a site's offset changes twice a year.
 */
export function instantAtLocalTime(date: LocalDate, minutes: number, timeZone: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(y, m - 1, d, 0, minutes);
  // Try the offsets in force a day either side: one of them is right unless the time is skipped.
  const candidates = new Set([utcOffsetMinutes(timeZone, new Date(wallAsUtc - 86_400_000)), utcOffsetMinutes(timeZone, new Date(wallAsUtc + 86_400_000))]);
  const matches = [...candidates]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((instant) => utcOffsetMinutes(timeZone, new Date(instant)) * 60_000 === wallAsUtc - instant)
    .sort((a, b) => a - b);
  return matches.length > 0 ? new Date(matches[0]!) : null;
}

/** Minutes after local midnight for `HH:MM` (`24:00` is the end of the day). */
export function minutesOfClock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
