import { weekdays, type OpeningHours } from '../opening-hours.ts';

/** How a site's week divides for the arrivals forecast (weekdays 0 = Sunday .. 6 = Saturday). */
export interface OpeningDayTypes {
  /** Weekdays the site never opens: forecast closed. */
  closedWeekdays: ReadonlySet<number>;
  /**
   * Weekdays whose hours differ from the usual working day's (a short Friday, a Saturday evening, a
   * closed Sunday): each keeps its own rhythm, and a closed day's empty history never lowers the
   * working days' level.
   */
  ownTypeWeekdays: ReadonlySet<number>;
}

/** Without any opening hours the usual office week: Saturday and Sunday apart. */
const officeWeek: OpeningDayTypes = { closedWeekdays: new Set(), ownTypeWeekdays: new Set([0, 6]) };

/**
 * The day types of a site's weekly opening hours: the working day is the opening pattern most open
 * weekdays share (ties: the longer one); weekdays with other hours, or closed, are their own type. A bank open Sunday-Thursday 07:00-24:00, Friday 07:00-14:00 and Saturday
 * 19:00-24:00 has Friday and Saturday apart; a site open 24/7 has one type for all seven days.
 */
export function openingDayTypes(hours: OpeningHours): OpeningDayTypes {
  const patternOf = weekdays.map((name) => JSON.stringify([...(hours[name] ?? [])].sort()));
  const openWeekdays = [0, 1, 2, 3, 4, 5, 6].filter((weekday) => (hours[weekdays[weekday]!] ?? []).length > 0);
  if (openWeekdays.length === 0) return officeWeek;
  const minutesOpen = (pattern: string) => (JSON.parse(pattern) as Array<[string, string]>).reduce((sum, [from, to]) => sum + minutes(to) - minutes(from), 0);
  const count = (pattern: string) => openWeekdays.filter((weekday) => patternOf[weekday] === pattern).length;
  const working = openWeekdays
    .map((weekday) => patternOf[weekday]!)
    .reduce((best, pattern) => (count(pattern) > count(best) || (count(pattern) === count(best) && minutesOpen(pattern) > minutesOpen(best)) ? pattern : best));
  return {
    closedWeekdays: new Set([0, 1, 2, 3, 4, 5, 6].filter((weekday) => !openWeekdays.includes(weekday))),
    ownTypeWeekdays: new Set([0, 1, 2, 3, 4, 5, 6].filter((weekday) => patternOf[weekday] !== working)),
  };
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
