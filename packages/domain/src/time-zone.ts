import { cachedDateTimeFormat, sameMinute } from './intl-cache.ts';

/** Minutes to add to UTC to get local time in `timeZone` at `instant` (e.g. +60 for Paris in winter). */
export function utcOffsetMinutes(timeZone: string, instant: Date): number {
  return sameMinute(`utc-offset|${timeZone}`, instant, () => formatUtcOffset(timeZone, instant));
}

function formatUtcOffset(timeZone: string, instant: Date): number {
  const parts = cachedDateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const localAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((localAsUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}
