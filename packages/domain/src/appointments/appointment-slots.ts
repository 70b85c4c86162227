import { weekdays, type OpeningHours } from '../opening-hours.ts';
import { cachedDateTimeFormat } from '../intl-cache.ts';
import { addDays, instantAtLocalTime, localDateOf, minutesOfClock, weekdayIndexOf, type LocalDate } from './local-time.ts';

/** Local dates from `from` to `to`, both included: a holiday or a one-off closure. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/** What an admin sets for booking one queue of a site. */
export interface SlotRules {
  timeZone: string;
  openingHours: OpeningHours;
  closures: readonly DateRange[];
  /** Appointments each clock hour offers in this queue; 0 turns booking off. */
  perHour: number;
  /** Length of one appointment: the category's own, by default its expected service time. */
  slotMinutes: number;
  /** How far ahead people may book, in days (0: today only). */
  bookAheadDays: number;
  /** Booking a slot closes this many minutes before it starts. */
  cutoffMinutes: number;
}

export interface Booking {
  startsAt: string;
  endsAt: string;
}

export interface Slot {
  startsAt: string;
  endsAt: string;
  /** Places left: 0 means full (still listed, so a page can show the day's shape). */
  free: number;
}

export interface SlotQuery {
  now: Date;
  from: LocalDate;
  to: LocalDate;
  /** Live bookings of this queue (cancelled ones left out) overlapping the dates asked. */
  bookings: readonly Booking[];
  /**
   * How many technicians able to serve the queue work between two instants; appointments at the
   * same time never outnumber them. Omitted: the hourly capacity alone limits.
   */
  techniciansOnDuty?: (start: Date, end: Date) => number;
}

export function isClosedOn(date: LocalDate, closures: readonly DateRange[]): boolean {
  return closures.some((range) => range.from <= date && date <= range.to);
}

/** The local clock hour an instant falls in, `YYYY-MM-DD, HH`: appointments are counted per hour. */
export function localHourKey(instant: Date, timeZone: string): string {
  return cachedDateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).format(instant);
}

/**
 * The bookable slots of one queue between two local dates: every slot length inside the opening
 * hours of each open day within the booking horizon, later than the cut-off. A slot is free while its
 * clock hour has places left and fewer appointments overlap it than technicians are on duty.
 * Local times skipped by a daylight-saving change give no slot; a slot spanning one lasts its real
 * length in minutes.
 */
export function generateSlots(rules: SlotRules, query: SlotQuery): Slot[] {
  if (rules.perHour <= 0 || rules.slotMinutes <= 0) return [];
  const today = localDateOf(query.now, rules.timeZone);
  const first = query.from > today ? query.from : today;
  const horizon = addDays(today, rules.bookAheadDays);
  const last = query.to < horizon ? query.to : horizon;
  const earliestStart = query.now.getTime() + rules.cutoffMinutes * 60_000;

  const bookedPerHour = new Map<string, number>();
  for (const booking of query.bookings) {
    const key = localHourKey(new Date(booking.startsAt), rules.timeZone);
    bookedPerHour.set(key, (bookedPerHour.get(key) ?? 0) + 1);
  }
  const slots: Slot[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    if (isClosedOn(date, rules.closures)) continue;
    for (const [open, close] of rules.openingHours[weekdays[weekdayIndexOf(date)]!] ?? []) {
      const closeMinutes = minutesOfClock(close);
      for (let minute = minutesOfClock(open); minute + rules.slotMinutes <= closeMinutes; minute += rules.slotMinutes) {
        const start = instantAtLocalTime(date, minute, rules.timeZone);
        if (!start || start.getTime() < earliestStart) continue;
        const end = new Date(start.getTime() + rules.slotMinutes * 60_000);
        slots.push({ startsAt: start.toISOString(), endsAt: end.toISOString(), free: placesLeft(rules, query, bookedPerHour, start, end) });
      }
    }
  }
  return slots;
}

function placesLeft(rules: SlotRules, query: SlotQuery, bookedPerHour: Map<string, number>, start: Date, end: Date): number {
  const hourLeft = rules.perHour - (bookedPerHour.get(localHourKey(start, rules.timeZone)) ?? 0);
  if (!query.techniciansOnDuty) return Math.max(0, hourLeft);
  const overlapping = query.bookings.filter((b) => Date.parse(b.startsAt) < end.getTime() && Date.parse(b.endsAt) > start.getTime()).length;
  return Math.max(0, Math.min(hourLeft, query.techniciansOnDuty(start, end) - overlapping));
}

/** Whether `startsAt` is one of the slots offered now, with a place left: checked again when booking. */
export function isBookable(rules: SlotRules, query: Omit<SlotQuery, 'from' | 'to'>, startsAt: string): boolean {
  const date = localDateOf(new Date(startsAt), rules.timeZone);
  return generateSlots(rules, { ...query, from: date, to: date }).some((slot) => slot.startsAt === startsAt && slot.free > 0);
}
