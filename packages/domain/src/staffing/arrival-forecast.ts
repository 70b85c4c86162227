/** Arrivals counted per local day and hour (0..23), as the report buckets hold them. */
export interface HourlyArrivals {
  day: string;
  weekday: number;
  hour: number;
  arrivals: number;
}

/**
 * Expected arrivals per weekday x hour: the mean over the past days of the same weekday, recent
 * weeks weighted more (weight halves every `halfLifeWeeks`), with holidays left out of the history
 * (they would drag the forecast down) and forecast as closed. Days with no arrivals at all in the
 * history still count: a quiet Tuesday is information, not a gap.
 */
export function forecastArrivals(
  history: readonly HourlyArrivals[],
  options: { holidays?: ReadonlySet<string>; halfLifeWeeks?: number; lastDay?: string } = {},
): (weekday: number, hour: number, day?: string) => number {
  const holidays = options.holidays ?? new Set<string>();
  const halfLife = options.halfLifeWeeks ?? 4;
  const days = [...new Set(history.map((h) => h.day))].filter((d) => !holidays.has(d)).sort();
  const lastDay = options.lastDay ?? days.at(-1) ?? '1970-01-01';
  const weightOf = (day: string) => 0.5 ** ((Date.parse(lastDay) - Date.parse(day)) / (7 * 86_400_000) / halfLife);
  const countByDayHour = new Map<string, number>();
  for (const h of history) countByDayHour.set(`${h.day}|${h.hour}`, (countByDayHour.get(`${h.day}|${h.hour}`) ?? 0) + h.arrivals);
  const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
  const expected = new Map<string, number>();
  for (let weekday = 0; weekday < 7; weekday++) {
    const sameWeekday = days.filter((d) => weekdayOf(d) === weekday);
    const totalWeight = sameWeekday.reduce((sum, d) => sum + weightOf(d), 0);
    for (let hour = 0; hour < 24; hour++) {
      const sum = sameWeekday.reduce((acc, d) => acc + weightOf(d) * (countByDayHour.get(`${d}|${hour}`) ?? 0), 0);
      expected.set(`${weekday}|${hour}`, totalWeight > 0 ? sum / totalWeight : 0);
    }
  }
  return (weekday, hour, day) => (day && holidays.has(day) ? 0 : (expected.get(`${weekday}|${hour}`) ?? 0));
}
