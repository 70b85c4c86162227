import { utcOffsetMinutes } from '../time-zone.ts';

/** Where an instant falls on a site's own calendar: the day, hour and weekday reports group by. */
export interface LocalSlot {
  /** YYYY-MM-DD in the site's time zone. */
  day: string;
  /** 0..23, local. */
  hour: number;
  /** 0 = Sunday .. 6 = Saturday, local (as Date#getDay). */
  weekday: number;
}

export function localSlotOf(timeZone: string, instant: Date): LocalSlot {
  const local = new Date(instant.getTime() + utcOffsetMinutes(timeZone, instant) * 60_000);
  return { day: local.toISOString().slice(0, 10), hour: local.getUTCHours(), weekday: local.getUTCDay() };
}

/** Weekday (0 = Sunday) of a calendar day written YYYY-MM-DD. */
export function weekdayOfDay(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}
