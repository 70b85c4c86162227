import { cachedDateTimeFormat, sameMinute } from './intl-cache.ts';

/** Opening hours per weekday in the site's time zone, e.g. { mon: [['08:00', '12:00'], ['13:00', '17:30']] }. */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];
export type OpeningHours = Partial<Record<Weekday, Array<[string, string]>>>;

function localWeekdayAndMinutes(instant: Date, timeZone: string): { day: Weekday; minutes: number } {
  return sameMinute(`weekday-minutes|${timeZone}`, instant, () => formatWeekdayAndMinutes(instant, timeZone));
}

function formatWeekdayAndMinutes(instant: Date, timeZone: string): { day: Weekday; minutes: number } {
  const parts = cachedDateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').toLowerCase().slice(0, 3) as Weekday;
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function isOpenAt(hours: OpeningHours, instant: Date, timeZone: string): boolean {
  const { day, minutes } = localWeekdayAndMinutes(instant, timeZone);
  return (hours[day] ?? []).some(([from, to]) => minutes >= toMinutes(from) && minutes < toMinutes(to));
}

export function isValidTimeRange([from, to]: [string, string]): boolean {
  const pattern = /^([01]\d|2[0-3]):[0-5]\d$/;
  return pattern.test(from) && (pattern.test(to) || to === '24:00') && toMinutes(from) < toMinutes(to);
}
