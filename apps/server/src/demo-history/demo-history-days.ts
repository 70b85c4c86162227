import { instantAtLocalTime } from '@walkup/domain';

/** A technician's day: on duty from `from` to `to` (minutes after local midnight) with breaks. */
export interface DemoShift {
  from: number;
  to: number;
  breaks(random: () => number): Array<[number, number]>;
}

/** One local day of the demo's past: how busy it usually is and who works when. */
export interface DemoDay {
  date: string;
  weekend: boolean;
  /** Visitors on an ordinary such day (before the day's own load). */
  usualVisits: number;
  /** The instant of a (fractional) minute after local midnight. */
  msAt(minute: number): number;
  /** The roster: the shift of the technician at this place in the list. */
  shiftOf(index: number): DemoShift;
}

/** Mondays are busiest, Fridays quiet; a tech bar is open at weekends but hardly anyone comes. */
const visitsByWeekday = [0, 40, 35, 33, 35, 28, 0];
/** Staggered weekday shifts, so the desk is covered from before 8:00 to past 17:00. */
const weekdayShifts: Array<[number, number]> = [
  [7 * 60 + 45, 16 * 60 + 45],
  [8 * 60 + 45, 17 * 60 + 45],
  [8 * 60 + 15, 17 * 60 + 15],
];
const minutesOf = (hours: number, minutes = 0) => hours * 60 + minutes;

export function demoDayOf(date: string, timeZone: string, weekday: number): DemoDay {
  // Offsets change at night: the one at noon holds for the whole working day.
  const midnightMs = instantAtLocalTime(date, minutesOf(12), timeZone)!.getTime() - 12 * 3_600_000;
  const weekend = weekday === 0 || weekday === 6;
  return {
    date,
    weekend,
    usualVisits: visitsByWeekday[weekday]!,
    msAt: (minute) => midnightMs + minute * 60_000,
    shiftOf(index) {
      if (weekend) return { from: minutesOf(9, 30), to: minutesOf(16, 30), breaks: () => [[minutesOf(12, 30), minutesOf(13)]] };
      const [from, to] = weekdayShifts[index % weekdayShifts.length]!;
      return {
        from,
        to,
        breaks(random) {
          const coffee = from + 120 + 20 * random();
          // Lunches are staggered, so someone is at the desk for the after-lunch peak.
          const lunch = minutesOf(11, 45) + (index % 3) * 45 + 15 * random();
          return [
            [coffee, coffee + 15],
            [lunch, lunch + 30 + 15 * random()],
          ];
        },
      };
    },
  };
}
